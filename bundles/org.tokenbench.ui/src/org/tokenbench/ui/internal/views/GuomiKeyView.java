package org.tokenbench.ui.internal.views;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.ISharedImages;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.part.ViewPart;
import org.tokenbench.core.Secret;
import org.tokenbench.core.TokenBenchHome;
import org.tokenbench.core.TokenException;
import org.tokenbench.core.driver.Interaction;
import org.tokenbench.diagnostics.Diagnosis;
import org.tokenbench.diagnostics.DiagnosticsRegistry;
import org.tokenbench.diagnostics.FailureJournal;
import org.tokenbench.driver.guomi.CheckResult;
import org.tokenbench.driver.guomi.CheckStep;
import org.tokenbench.driver.guomi.EnvironmentCheck;
import org.tokenbench.driver.guomi.PinInfo;
import org.tokenbench.driver.guomi.PinType;
import org.tokenbench.driver.guomi.SkfApplication;
import org.tokenbench.driver.guomi.SkfDevice;
import org.tokenbench.driver.guomi.SkfLibrary;
import org.tokenbench.driver.guomi.VendorLibraries;
import org.tokenbench.ui.internal.jobs.UiInteraction;

/**
 * A Guomi SM2 USB key's environment, step by step: pick the vendor's SKF library (configured families or a file),
 * optionally the CA certificate and the user PIN, and run the checklist in a Job. Each step turns green, yellow or
 * red as it is known; selecting a step shows its diagnosis and what to do.
 */
public final class GuomiKeyView extends ViewPart {

    public static final String ID = "org.tokenbench.ui.views.guomi";

    private ServiceHandle<DiagnosticsRegistry> diagnostics;
    private ServiceHandle<FailureJournal> journal;
    private Interaction interaction;
    private Combo library;
    private Text caFile;
    private Text pin;
    private TableViewer steps;
    private Text details;
    private Label summary;
    private Label pinCounter;
    private final List<CheckResult> results = new ArrayList<>();

    @Override
    public void createPartControl(Composite parent) {
        setPartName("Guomi Key");
        diagnostics = new ServiceHandle<>(DiagnosticsRegistry.class);
        journal = new ServiceHandle<>(FailureJournal.class);
        interaction = new UiInteraction(parent.getDisplay(), message -> summary.setText(message));
        GridLayoutFactory.swtDefaults().numColumns(3).applyTo(parent);

        new Label(parent, SWT.NONE).setText("Vendor SKF library:");
        library = new Combo(parent, SWT.DROP_DOWN);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(library);
        library.setToolTipText("A configured key family, or the path of the vendor's SKF library (e.g. /usr/lib/libskf.so)");
        browse(parent, library::setText, "*.so;*.so.*;*.dll;*.dylib");
        new Label(parent, SWT.NONE).setText("CA certificate (optional):");
        caFile = new Text(parent, SWT.BORDER);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(caFile);
        browse(parent, caFile::setText, "*.cer;*.crt;*.der;*.pem");
        new Label(parent, SWT.NONE).setText("User PIN (optional):");
        pin = new Text(parent, SWT.BORDER | SWT.PASSWORD);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(pin);
        pin.setToolTipText("Only to rehearse a logon signature. The PIN is tried once, never retried; "
                + "the remaining tries are read first and the last one needs your confirmation.");
        Button run = new Button(parent, SWT.PUSH);
        run.setText("Run checklist");
        run.addListener(SWT.Selection, e -> runCheck());
        new Label(parent, SWT.NONE);
        pinCounter = new Label(parent, SWT.NONE);
        GridDataFactory.fillDefaults().span(2, 1).grab(true, false).applyTo(pinCounter);
        library.addListener(SWT.Selection, e -> refreshPinCounter());
        library.addListener(SWT.DefaultSelection, e -> refreshPinCounter());
        library.addListener(SWT.FocusOut, e -> refreshPinCounter());

        summary = new Label(parent, SWT.WRAP);
        GridDataFactory.fillDefaults().span(3, 1).grab(true, false).hint(500, SWT.DEFAULT).applyTo(summary);

        SashForm sash = new SashForm(parent, SWT.VERTICAL);
        GridDataFactory.fillDefaults().span(3, 1).grab(true, true).applyTo(sash);
        steps = new TableViewer(sash, SWT.BORDER | SWT.FULL_SELECTION | SWT.SINGLE);
        steps.getTable().setHeaderVisible(true);
        steps.getTable().setLinesVisible(true);
        steps.setContentProvider(ArrayContentProvider.getInstance());
        column("Step", 320, r -> r.step().title(), true);
        column("Result", 90, r -> r.status().name(), false);
        column("Detail", 560, CheckResult::detail, false);
        steps.addSelectionChangedListener(e -> showDetails(((IStructuredSelection) e.getSelection()).getFirstElement()));
        details = new Text(sash, SWT.BORDER | SWT.MULTI | SWT.WRAP | SWT.READ_ONLY | SWT.V_SCROLL);
        sash.setWeights(60, 40);

        fillLibraries();
        steps.setInput(results);
    }

    /** Runs the checklist in a Job; rows appear as each step is known. */
    public Job runCheck() {
        Optional<Path> chosen = chosenLibrary();
        if (chosen.isEmpty()) {
            summary.setText("Choose the key vendor's SKF library first: it comes with the key's driver package. "
                    + "Configured families are listed; add one in Preferences or with: tokenbench guomi library set FAMILY PATH");
            return null;
        }
        Optional<byte[]> ca = Optional.empty();
        if (!caFile.getText().isBlank()) {
            try {
                ca = Optional.of(Files.readAllBytes(Path.of(caFile.getText().strip())));
            } catch (IOException e) {
                summary.setText("The CA certificate cannot be read: " + e.getMessage());
                return null;
            }
        }
        char[] typed = pin.getText().toCharArray();
        pin.setText("");
        Optional<Secret> userPin = typed.length == 0 ? Optional.empty() : Optional.of(Secret.fromChars(typed));
        EnvironmentCheck.Options options = new EnvironmentCheck.Options(chosen.get(), Optional.empty(), ca, userPin);
        results.clear();
        steps.refresh();
        details.setText("");
        summary.setText("Checking " + chosen.get() + " …");
        Display display = steps.getControl().getDisplay();
        Job job = Job.create("Checking the USB key environment", monitor -> {
            monitor.beginTask("USB key environment", CheckStep.values().length);
            try {
                List<CheckResult> all = EnvironmentCheck.run(options, interaction, result -> {
                    monitor.worked(1);
                    monitor.subTask(result.step().title());
                    display.asyncExec(() -> add(result));
                    if (result.status() == CheckResult.Status.FAILED && result.code().isPresent()) {
                        journal.get().ifPresent(j -> j.record("Guomi key check: " + result.step().title(),
                                new TokenException(result.code().get(), result.detail())));
                    }
                });
                long failed = all.stream().filter(r -> r.status() == CheckResult.Status.FAILED).count();
                ActivityView.record("Guomi key environment check", options.library().getFileName().toString(), failed == 0 ? "verified"
                        : "failed at " + all.stream().filter(r -> r.status() == CheckResult.Status.FAILED).findFirst().map(r -> r.step().title()).orElse("?"));
                display.asyncExec(() -> {
                    summary.setText(failed == 0 ? "The USB key environment is verified."
                            : "The check stopped at a red step: select it for the cause and what to do.");
                    refreshPinCounter();
                });
            } finally {
                userPin.ifPresent(Secret::close);
                monitor.done();
            }
        });
        job.setUser(true);
        job.schedule();
        return job;
    }

    /**
     * Reads the user PIN's retry counter of the first key (SKF_GetPINInfo costs no try) in a Job, so the user
     * sees how many tries are left before typing a PIN.
     */
    public Job refreshPinCounter() {
        Optional<Path> chosen = chosenLibrary();
        if (chosen.isEmpty()) {
            pinCounter.setText("");
            return null;
        }
        Display display = pinCounter.getDisplay();
        Job job = Job.create("Reading the PIN retry counter", monitor -> {
            String text;
            try {
                SkfLibrary skf = SkfLibrary.load(chosen.get());
                List<SkfLibrary.KeyName> keys = skf.devices();
                if (keys.isEmpty()) {
                    text = "No key is plugged in.";
                } else {
                    try (SkfDevice device = skf.connect(keys.get(0));
                         SkfApplication application = device.openApplication(device.applications().get(0))) {
                        PinInfo info = application.pinInfo(PinType.USER);
                        text = "User PIN of " + keys.get(0).display() + ": " + (info.isLocked() ? "LOCKED (0 of " + info.maxRetries() + " tries)"
                                : info.remainingRetries() + " of " + info.maxRetries() + " tries left");
                    }
                }
            } catch (TokenException | RuntimeException e) {
                text = "PIN counter unavailable: " + e.getMessage();
            }
            String shown = text;
            display.asyncExec(() -> {
                if (!pinCounter.isDisposed()) {
                    pinCounter.setText(shown);
                }
            });
        });
        job.schedule();
        return job;
    }

    public String pinCounterText() {
        return pinCounter.getText();
    }

    // ---- state shown to tests ----

    public void setLibrary(String pathOrFamily) {
        library.setText(pathOrFamily);
    }

    public void setInteraction(Interaction interaction) {
        this.interaction = interaction;
    }

    public List<CheckResult> shownResults() {
        return List.copyOf(results);
    }

    public void select(CheckStep step) {
        results.stream().filter(r -> r.step() == step).findFirst()
                .ifPresent(r -> steps.setSelection(new org.eclipse.jface.viewers.StructuredSelection(r), true));
    }

    public String detailsText() {
        return details.getText();
    }

    public String summaryText() {
        return summary.getText();
    }

    // ---- internals ----

    private void add(CheckResult result) {
        if (steps.getControl().isDisposed()) {
            return;
        }
        results.add(result);
        steps.refresh();
        if (result.status() == CheckResult.Status.FAILED) {
            steps.setSelection(new org.eclipse.jface.viewers.StructuredSelection(result), true);
        }
    }

    private void showDetails(Object selected) {
        if (!(selected instanceof CheckResult result)) {
            details.setText("");
            return;
        }
        StringBuilder text = new StringBuilder(result.step().title()).append(": ").append(result.status()).append('\n')
                .append(result.detail()).append('\n');
        result.code().ifPresent(code -> {
            Optional<Diagnosis> diagnosis = diagnostics.get().flatMap(registry -> registry.explain(code));
            diagnosis.ifPresentOrElse(d -> text.append('\n').append(d.title()).append(" [").append(code).append("]\n")
                    .append(d.explanation()).append("\nLikely causes: ").append(String.join("; ", d.likelyCauses()))
                    .append("\nWhat to do: ").append(d.remedy()), () -> text.append("\nCode: ").append(code));
        });
        details.setText(text.toString());
    }

    private Optional<Path> chosenLibrary() {
        String text = library.getText().strip();
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            Map<String, Path> families = new VendorLibraries(TokenBenchHome.directory()).all();
            String family = text.contains(" — ") ? text.substring(0, text.indexOf(" — ")) : text;
            return Optional.of(families.getOrDefault(family, Path.of(text)));
        } catch (TokenException e) {
            return Optional.of(Path.of(text));
        }
    }

    private void fillLibraries() {
        try {
            new VendorLibraries(TokenBenchHome.directory()).all().forEach((family, path) -> library.add(family + " — " + path));
        } catch (TokenException e) {
            summary.setText(e.getMessage());
        }
        if (library.getItemCount() == 0) {
            summary.setText("No vendor SKF library is configured yet. Install the key vendor's driver, then choose its SKF library "
                    + "(a .so file such as libskf.so) with Browse…, or configure it once: tokenbench guomi library set FAMILY PATH.");
        } else {
            library.select(0);
        }
    }

    private void column(String title, int width, java.util.function.Function<CheckResult, String> text, boolean withIcon) {
        TableViewerColumn column = new TableViewerColumn(steps, SWT.NONE);
        column.getColumn().setText(title);
        column.getColumn().setWidth(width);
        column.setLabelProvider(new ColumnLabelProvider() {
            @Override
            public String getText(Object element) {
                return text.apply((CheckResult) element);
            }

            @Override
            public Image getImage(Object element) {
                if (!withIcon) {
                    return null;
                }
                ISharedImages images = PlatformUI.getWorkbench().getSharedImages();
                return switch (((CheckResult) element).status()) {
                    case PASSED -> images.getImage(ISharedImages.IMG_OBJS_INFO_TSK);
                    case WARNING -> images.getImage(ISharedImages.IMG_OBJS_WARN_TSK);
                    case FAILED -> images.getImage(ISharedImages.IMG_OBJS_ERROR_TSK);
                    case SKIPPED -> null;
                };
            }

            @Override
            public Color getForeground(Object element) {
                Display display = Display.getCurrent();
                return switch (((CheckResult) element).status()) {
                    case PASSED -> display.getSystemColor(SWT.COLOR_DARK_GREEN);
                    case WARNING -> display.getSystemColor(SWT.COLOR_DARK_YELLOW);
                    case FAILED -> display.getSystemColor(SWT.COLOR_RED);
                    case SKIPPED -> display.getSystemColor(SWT.COLOR_DARK_GRAY);
                };
            }
        });
    }

    private static void browse(Composite parent, java.util.function.Consumer<String> target, String filter) {
        Button button = new Button(parent, SWT.PUSH);
        button.setText("Browse…");
        button.addListener(SWT.Selection, e -> {
            FileDialog dialog = new FileDialog(parent.getShell(), SWT.OPEN);
            dialog.setFilterExtensions(new String[] {filter, "*.*"});
            String file = dialog.open();
            if (file != null) {
                target.accept(file);
            }
        });
    }

    @Override
    public void setFocus() {
        library.setFocus();
    }

    @Override
    public void dispose() {
        diagnostics.close();
        journal.close();
        super.dispose();
    }
}
