package org.tokenbench.ui.internal.views;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.ui.part.ViewPart;
import org.tokenbench.core.PrivateFiles;
import org.tokenbench.core.TokenBenchHome;
import org.tokenbench.core.TokenException;
import org.tokenbench.programming.batch.BatchJournal;
import org.tokenbench.programming.batch.BatchProgrammer;
import org.tokenbench.ui.internal.commands.TokenBenchCommands;
import org.tokenbench.ui.internal.commands.ViewCommand;

/**
 * The report of a batch (tokens programmed from a seed file with {@code tokenbench batch program}): every token its
 * journal records, with state, attempts, time and the error code of a failure, and the report CSV to save. It reads
 * the journals under {@code $TOKENBENCH_HOME/batches}; it never holds a seed.
 */
public final class BatchesView extends ViewPart {

    public static final String ID = "org.tokenbench.ui.views.batches";
    /** Local time to the second, as the Fleet and Activity views show it; the report CSV keeps the journal's instant. */
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.systemDefault());

    private Combo batches;
    private TableViewer viewer;
    private Label status;
    private BatchJournal shown;

    @Override
    public void createPartControl(Composite parent) {
        parent.setLayout(new GridLayout(4, false));
        new Label(parent, SWT.NONE).setText(Messages.batches_batch);
        batches = Widgets.id(new Combo(parent, SWT.READ_ONLY), "batches.batch");
        GridDataFactory.fillDefaults().grab(true, false).applyTo(batches);
        batches.addListener(SWT.Selection, e -> showSelected());
        Widgets.id(ViewCommand.activate(getSite(), TokenBenchCommands.REFRESH, this::refresh).button(parent, Messages.batches_refresh),
                "batches.refresh");
        Widgets.id(ViewCommand.activate(getSite(), TokenBenchCommands.EXPORT, this::saveReport).enabledWhen(() -> shown != null)
                .button(parent, Messages.batches_saveReport), "batches.saveReport");
        status = Widgets.id(new Label(parent, SWT.WRAP), "batches.status");
        GridDataFactory.fillDefaults().span(4, 1).grab(true, false).hint(400, SWT.DEFAULT).applyTo(status);

        viewer = Widgets.table(parent, SWT.SINGLE, "batches.tokens");
        Table table = viewer.getTable();
        GridDataFactory.fillDefaults().span(4, 1).grab(true, true).applyTo(table);
        addColumn(Messages.batches_serial, 140, BatchJournal.Entry::serial);
        addColumn(Messages.batches_state, 110, e -> stateText(e.state()));
        addColumn(Messages.batches_attempts, 70, e -> Integer.toString(e.attempts()));
        addColumn(Messages.batches_time, 150, e -> TIME.format(e.time()));
        addColumn(Messages.batches_code, 150, e -> e.code().map(Object::toString).orElse(""));
        addColumn(Messages.batches_detail, 420, BatchJournal.Entry::detail);
        Widgets.fitColumns(table);
        ViewCommand.contextMenu(getSite(), viewer);
        refresh();
    }

    private static String stateText(BatchJournal.State state) {
        return switch (state) {
            case BURNING -> Messages.batches_stateBurning;
            case INTERRUPTED -> Messages.batches_stateInterrupted;
            case PROGRAMMED -> Messages.batches_stateProgrammed;
            case CONFIRMED -> Messages.batches_stateConfirmed;
            case FAILED -> Messages.batches_stateFailed;
        };
    }

    private void addColumn(String title, int width, Function<BatchJournal.Entry, String> text) {
        Widgets.textColumn(viewer, title, width, text);
    }

    /** Lists the batches again, keeping the one shown. */
    private void refresh() {
        String selected = batches.getText();
        Path directory = BatchJournal.directory(TokenBenchHome.directory());
        List<String> names;
        try (Stream<Path> files = Files.exists(directory) ? Files.list(directory) : Stream.empty()) {
            names = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".journal"))
                    .map(n -> n.substring(0, n.length() - ".journal".length())).sorted().toList();
        } catch (IOException e) {
            names = List.of();
        }
        batches.setItems(names.toArray(String[]::new));
        if (names.isEmpty()) {
            viewer.setInput(List.of());
            shown = null;
            status.setText(Messages.batches_none);
            ViewCommand.update(getSite());
            return;
        }
        batches.select(Math.max(0, names.indexOf(selected)));
        showSelected();
    }

    private void showSelected() {
        Path file = BatchJournal.directory(TokenBenchHome.directory()).resolve(batches.getText() + ".journal");
        try {
            Optional<BatchJournal> journal = BatchJournal.open(file);
            shown = journal.orElse(null);
            viewer.setInput(journal.map(BatchJournal::entries).orElse(List.of()));
            Widgets.fitColumns(viewer.getTable());
            status.setText(journal.map(BatchesView::summary).orElse(Messages.batches_gone));
        } catch (TokenException e) {
            shown = null;
            viewer.setInput(List.of());
            status.setText(e.getMessage() + " [" + e.code() + "]");
        }
        status.getParent().layout(true, true);
        ViewCommand.update(getSite());
    }

    private static String summary(BatchJournal journal) {
        long confirmed = journal.entries().stream().filter(e -> e.state() == BatchJournal.State.CONFIRMED).count();
        long attention = journal.entries().stream().filter(e -> e.state() != BatchJournal.State.CONFIRMED).count();
        return NLS.bind(Messages.batches_summary, new Object[] { confirmed, journal.header().tokens(),
                attention > 0 ? NLS.bind(Messages.batches_attention, attention) : "", journal.header().source(), journal.header().mode() });
    }

    /** Writes the batch report CSV (mode 0600) of the batch shown into the file the user picks. */
    private void saveReport() {
        if (shown == null) {
            return;
        }
        BatchJournal journal = shown;
        FileDialogs.save(batches.getShell(), Messages.batches_saveTitle, batches.getText() + "-report.csv", "*.csv").ifPresent(out -> {
            try {
                PrivateFiles.write(out, BatchProgrammer.report(journal, List.of()).getBytes(StandardCharsets.UTF_8));
                status.setText(NLS.bind(Messages.batches_reportWritten, out));
            } catch (TokenException e) {
                status.setText(e.getMessage() + " [" + e.code() + "]");
            }
            status.getParent().layout(true, true);
        });
    }

    @Override
    public void setFocus() {
        batches.setFocus();
    }
}
