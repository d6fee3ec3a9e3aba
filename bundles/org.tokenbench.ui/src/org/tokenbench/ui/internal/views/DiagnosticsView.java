package org.tokenbench.ui.internal.views;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.ViewerFilter;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.part.ViewPart;
import org.tokenbench.diagnostics.Diagnosis;
import org.tokenbench.diagnostics.DiagnosticsRegistry;
import org.tokenbench.diagnostics.FailureJournal;
import org.tokenbench.diagnostics.Severity;

/**
 * Every code the installed catalogs know, searchable by code, name or words ("0x21220003", "PIN", "removed"),
 * with the selected entry's causes and remedy; above them the failures of this session's operations.
 */
public final class DiagnosticsView extends ViewPart {

    public static final String ID = "org.tokenbench.ui.views.diagnostics";

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());

    private final List<AutoCloseable> subscriptions = new ArrayList<>();
    private ServiceHandle<DiagnosticsRegistry> registry;
    private ServiceHandle<FailureJournal> journal;
    private TableViewer recentViewer;
    private TableViewer codesViewer;
    private Text search;
    private Text details;
    private String query = "";

    @Override
    public void createPartControl(Composite parent) {
        registry = new ServiceHandle<>(DiagnosticsRegistry.class);
        journal = new ServiceHandle<>(FailureJournal.class);
        parent.setLayout(new GridLayout(1, false));

        new Label(parent, SWT.NONE).setText(Messages.diagnostics_recentErrors);
        recentViewer = table(parent, 90, "diagnostics.recent");
        column(recentViewer, Messages.diagnostics_time, 80, (FailureJournal.Entry e) -> TIME.format(e.when()));
        column(recentViewer, Messages.diagnostics_operation, 180, FailureJournal.Entry::operation);
        column(recentViewer, Messages.diagnostics_code, 190, (FailureJournal.Entry e) -> e.code().toString());
        column(recentViewer, Messages.diagnostics_message, 520, FailureJournal.Entry::message);
        recentViewer.addSelectionChangedListener(event -> {
            Object selected = ((IStructuredSelection) event.getSelection()).getFirstElement();
            if (selected instanceof FailureJournal.Entry entry) {
                details.setText(registry.get().flatMap(r -> r.explain(entry.code())).map(Diagnosis::render)
                        .orElse(NLS.bind(Messages.diagnostics_unknownCode, entry.code())) + System.lineSeparator() + "  "
                        + NLS.bind(Messages.diagnostics_detail, entry.message()));
            }
        });

        search = Widgets.id(new Text(parent, SWT.SEARCH | SWT.ICON_SEARCH | SWT.ICON_CANCEL), "diagnostics.search");
        search.setMessage(Messages.diagnostics_search);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(search);
        search.addModifyListener(event -> {
            query = search.getText().strip().toLowerCase(Locale.ROOT);
            codesViewer.refresh();
        });

        SashForm sash = new SashForm(parent, SWT.HORIZONTAL);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(sash);
        codesViewer = table(sash, SWT.DEFAULT, "diagnostics.codes");
        column(codesViewer, Messages.diagnostics_code, 110, Diagnosis::pattern);
        column(codesViewer, Messages.diagnostics_namespace, 110, (Diagnosis d) -> d.code().namespace());
        column(codesViewer, Messages.diagnostics_severity, 70, (Diagnosis d) -> severityText(d.severity()));
        column(codesViewer, Messages.diagnostics_title, 330, Diagnosis::title);
        codesViewer.addFilter(new ViewerFilter() {
            @Override
            public boolean select(org.eclipse.jface.viewers.Viewer viewer, Object parentElement, Object element) {
                return matches((Diagnosis) element, query);
            }
        });
        codesViewer.addSelectionChangedListener(event -> {
            Object selected = ((IStructuredSelection) event.getSelection()).getFirstElement();
            if (selected instanceof Diagnosis diagnosis) {
                details.setText(diagnosis.render() + System.lineSeparator() + "  " + NLS.bind(Messages.diagnostics_family, diagnosis.family())
                        + System.lineSeparator() + "  " + NLS.bind(Messages.diagnostics_catalog, diagnosis.source()));
            }
        });
        details = Widgets.id(new Text(sash, SWT.MULTI | SWT.WRAP | SWT.READ_ONLY | SWT.V_SCROLL | SWT.BORDER), "diagnostics.details");
        sash.setWeights(60, 40);

        registry.get().ifPresent(r -> subscriptions.add(r.onChange(() -> refreshLater(this::showCodes))));
        journal.get().ifPresent(j -> subscriptions.add(j.onChange(() -> refreshLater(this::showRecent))));
        showCodes();
        showRecent();
    }

    private static String severityText(Severity severity) {
        return switch (severity) {
            case INFO -> Messages.diagnostics_severityInfo;
            case WARNING -> Messages.diagnostics_severityWarning;
            case ERROR -> Messages.diagnostics_severityError;
        };
    }

    /** Code (with or without 0x), namespace, title, explanation, causes and remedy are all searchable. */
    static boolean matches(Diagnosis d, String query) {
        if (query.isEmpty()) {
            return true;
        }
        String q = query.startsWith("0x") ? query.substring(2) : query;
        String hex = d.pattern().substring(2).toLowerCase(Locale.ROOT);
        String text = (d.code().namespace() + " " + d.title() + " " + d.explanation() + " " + String.join(" ", d.likelyCauses())
                + " " + d.remedy()).toLowerCase(Locale.ROOT);
        return hexMatches(stripLeadingZeros(hex), stripLeadingZeros(q)) || text.contains(query);
    }

    /** "63c2" finds the range "63cx": an x in the catalog's pattern stands for any digit. */
    private static boolean hexMatches(String pattern, String typed) {
        if (pattern.length() != typed.length()) {
            return false;
        }
        for (int i = 0; i < pattern.length(); i++) {
            if (pattern.charAt(i) != 'x' && pattern.charAt(i) != typed.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static String stripLeadingZeros(String hex) {
        return hex.replaceFirst("^0+(?=.)", "");
    }

    private void showCodes() {
        codesViewer.setInput(registry.get().map(r -> r.entries("")).orElse(List.of()));
        Widgets.fitColumns(codesViewer.getTable());
    }

    private void showRecent() {
        List<FailureJournal.Entry> recent = journal.get().map(FailureJournal::recent).orElse(List.of());
        recentViewer.setInput(recent);
        Widgets.fitColumns(recentViewer.getTable());
        if (recent.isEmpty() && details.getText().isEmpty()) {
            details.setText(Messages.diagnostics_noFailures);
        }
    }

    private void refreshLater(Runnable update) {
        if (!codesViewer.getControl().isDisposed()) {
            codesViewer.getControl().getDisplay().asyncExec(() -> {
                if (!codesViewer.getControl().isDisposed()) {
                    update.run();
                }
            });
        }
    }

    private static TableViewer table(Composite parent, int heightHint, String id) {
        TableViewer viewer = Widgets.table(parent, SWT.SINGLE, id);
        if (parent.getLayout() instanceof GridLayout) {
            GridDataFactory.fillDefaults().grab(true, false).hint(SWT.DEFAULT, heightHint).applyTo(viewer.getTable());
        }
        return viewer;
    }

    private static <T> void column(TableViewer viewer, String title, int width, Function<T, String> text) {
        Widgets.textColumn(viewer, title, width, text);
    }

    @Override
    public void setFocus() {
        search.setFocus();
    }

    @Override
    public void dispose() {
        for (AutoCloseable subscription : subscriptions) {
            try {
                subscription.close();
            } catch (Exception e) {
                // removing a listener from a list cannot fail in a way the user could act on
            }
        }
        registry.close();
        journal.close();
        super.dispose();
    }
}
