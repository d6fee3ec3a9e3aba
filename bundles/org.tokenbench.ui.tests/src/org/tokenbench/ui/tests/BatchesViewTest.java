package org.tokenbench.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;

import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tokenbench.core.ErrorCode;
import org.tokenbench.core.TokenBenchHome;
import org.tokenbench.programming.batch.BatchJournal;
import org.tokenbench.programming.batch.BatchJournal.State;
import org.tokenbench.ui.internal.commands.TokenBenchCommands;
import org.tokenbench.ui.internal.jobs.Screenshots;
import org.tokenbench.ui.internal.views.BatchesView;
import org.tokenbench.ui.internal.views.FileDialogs;
import org.tokenbench.ui.internal.views.Messages;

/** The Batches view shows a batch's journal as its report, in the real workbench. */
class BatchesViewTest {

    @TempDir
    Path dir;

    @Test
    void aBatchsTokensAndTheirStatesAreShownAndTheReportSaved() throws Exception {
        String name = "ui-box-" + System.nanoTime();
        Path file = BatchJournal.directory(TokenBenchHome.directory()).resolve(name + ".journal");
        BatchJournal journal = BatchJournal.openOrCreate(file, new BatchJournal.Header("box-17.pskc", "ab".repeat(32), "per-token", 3, 30, 0));
        journal.record("TB0001", State.BURNING, Optional.empty(), "");
        journal.record("TB0001", State.CONFIRMED, Optional.empty(), "step offset 0");
        journal.record("TB0002", State.BURNING, Optional.empty(), "");
        journal.record("TB0002", State.INTERRUPTED, Optional.of(ErrorCode.of(ErrorCode.PCSC, 0x80100069L)), "the card was removed");

        IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
        page.showView(BatchesView.ID);
        Control root = page.getWorkbenchWindow().getShell();
        Combo batches = WidgetFinder.find(root, "batches.batch", Combo.class);
        Table tokens = WidgetFinder.find(root, "batches.tokens", Table.class);
        Label status = WidgetFinder.find(root, "batches.status", Label.class);
        WidgetFinder.click(root, "batches.refresh");
        UserGestures.choose(batches, List.of(batches.getItems()).indexOf(name));
        assertEquals(List.of(List.of("TB0001", Messages.batches_stateConfirmed), List.of("TB0002", Messages.batches_stateInterrupted)),
                serialsAndStates(tokens));
        assertEquals(NLS.bind(Messages.batches_summary, new Object[] { 1, 3, NLS.bind(Messages.batches_attention, 1), "box-17.pskc", "per-token" }),
                status.getText());
        Screenshots.save(page.getWorkbenchWindow().getShell(), 1280, 800, ScreenshotNames.of("batches-view-1280x800.png"));

        // Save Report is a command (toolbar, menu, key binding); the file is the one the save dialog answers.
        Path report = dir.resolve("report.csv");
        FileDialogs.answerNext(Optional.of(report));
        UserGestures.command(TokenBenchCommands.EXPORT);
        assertEquals(NLS.bind(Messages.batches_reportWritten, report), status.getText());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(report)));
        List<String> lines = Files.readAllLines(report);
        assertEquals("serial,state,attempts,time,code,detail", lines.get(0));
        assertTrue(lines.get(2).startsWith("TB0002,INTERRUPTED,1,") && lines.get(2).endsWith(",pcsc:0x80100069,the card was removed"), lines.get(2));
    }

    /** Serial and state of each row, as the table shows them. */
    static List<List<String>> serialsAndStates(Table tokens) {
        return UserGestures.rows(tokens).stream().map(row -> row.subList(0, 2)).toList();
    }
}
