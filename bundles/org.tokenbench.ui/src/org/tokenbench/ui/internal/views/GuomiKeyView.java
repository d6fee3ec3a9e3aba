package org.tokenbench.ui.internal.views;

import org.tokenbench.ui.internal.commands.TokenBenchCommands;
import org.tokenbench.ui.internal.commands.ViewCommand;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.eclipse.core.runtime.jobs.IJobChangeEvent;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.core.runtime.jobs.JobChangeAdapter;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.osgi.util.NLS;
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
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.Status;
import org.eclipse.ui.progress.IProgressConstants;
import org.tokenbench.core.Secret;
import org.tokenbench.core.TokenException;
import org.tokenbench.core.device.Device;
import org.tokenbench.core.device.DeviceService;
import org.tokenbench.core.device.DeviceSession;
import org.tokenbench.core.device.DeviceTransport;
import org.tokenbench.core.device.OpenOptions;
import org.tokenbench.core.device.VendorLibraries;
import org.tokenbench.core.driver.Checklist;
import org.tokenbench.core.driver.Interaction;
import org.tokenbench.core.driver.PinGuard;
import org.tokenbench.core.driver.PinStatus;
import org.tokenbench.core.driver.PinType;
import org.tokenbench.core.fleet.AuditEvent;
import org.tokenbench.diagnostics.Diagnosis;
import org.tokenbench.diagnostics.DiagnosticsRegistry;
import org.tokenbench.diagnostics.FailureJournal;
import org.tokenbench.ui.DeviceView;
import org.tokenbench.ui.internal.jobs.DeviceJob;
import org.tokenbench.ui.internal.jobs.UiInteraction;
import org.tokenbench.ui.internal.model.ChecklistModel;

/**
 * A Guomi SM2 USB key's environment, step by step: pick the vendor's SKF library (configured families or a file),
 * optionally the CA certificate and the user PIN, and run the checklist in a Job. Each step turns green, yellow or
 * red as it is known; selecting a step shows its diagnosis and what to do.
 *
 * <p>Everything goes through the devices service: the libraries are the {@value #TRANSPORT} transport's
 * {@link VendorLibraries}, the steps before a key are its {@code checkEnvironment}, and the key's own steps and PIN
 * counter are its driver's {@link Checklist} and {@link PinGuard}, under the key's scheduling rule. Another key
 * family behind the same transport works unchanged.
 */
public final class GuomiKeyView extends ViewPart implements DeviceView {

    public static final String ID = "org.tokenbench.ui.views.guomi";
    /** The transport of GM/T 0016 SKF vendor libraries. */
    static final String TRANSPORT = "skf";
    /** tokenbench:0x0001: a TokenBench service did not start. */
    private static final org.tokenbench.core.ErrorCode SERVICE_MISSING = org.tokenbench.core.ErrorCode.of(org.tokenbench.core.ErrorCode.TOKENBENCH, 1);

    /** The library the user chose and the key found through it (absent when none is plugged in). */
    private record Target(DeviceTransport transport, Path library, Optional<Device> key) {
    }

    private ServiceHandle<DeviceService> devices;
    /** Set by the Devices view: the key the user double-clicked, preferred among its library's keys. */
    private String chosenDevice;
    private ServiceHandle<DiagnosticsRegistry> diagnostics;
    private ServiceHandle<FailureJournal> journal;
    private final AuditRecorder audit = new AuditRecorder();
    /** The Guomi view's environment and key check, in the audit log (a driver-specific action name). */
    static final String KEY_CHECK = "guomi.key-check";
    private Interaction interaction;
    private Combo library;
    private Text caFile;
    private Text crlFile;
    private Text pin;
    private ChecklistTable steps;
    private Label summary;
    private Label pinCounter;
    private final ChecklistModel model = new ChecklistModel();
    private ViewCommand runCommand;

    @Override
    public void createPartControl(Composite parent) {
        setPartName(Messages.guomi_title);
        diagnostics = new ServiceHandle<>(DiagnosticsRegistry.class);
        journal = new ServiceHandle<>(FailureJournal.class);
        interaction = new UiInteraction(parent.getDisplay(), message -> showSummary(message));
        GridLayoutFactory.swtDefaults().numColumns(3).applyTo(parent);

        new Label(parent, SWT.NONE).setText(Messages.guomi_library);
        library = Widgets.id(new Combo(parent, SWT.DROP_DOWN), "guomi.library");
        GridDataFactory.fillDefaults().grab(true, false).applyTo(library);
        library.setToolTipText(Messages.guomi_libraryTip);
        FileField.browse(parent, library::setText, FileField.LIBRARIES);
        caFile = FileField.create(parent, Messages.guomi_caCertificate, "guomi.ca", FileField.CERTIFICATES);
        crlFile = FileField.create(parent, Messages.guomi_crlFile, "guomi.crl", FileField.CRLS);
        new Label(parent, SWT.NONE).setText(Messages.guomi_userPin);
        pin = Widgets.id(new Text(parent, SWT.BORDER | SWT.PASSWORD), "guomi.pin");
        GridDataFactory.fillDefaults().grab(true, false).applyTo(pin);
        pin.setToolTipText(Messages.guomi_pinTip);
        runCommand = ViewCommand.activate(getSite(), TokenBenchCommands.RUN_CHECK, this::runCheck);
        Widgets.id(runCommand.button(parent, Messages.guomi_runChecklist), "guomi.run");
        new Label(parent, SWT.NONE);
        pinCounter = Widgets.id(new Label(parent, SWT.NONE), "guomi.pinCounter");
        GridDataFactory.fillDefaults().span(2, 1).grab(true, false).applyTo(pinCounter);
        library.addListener(SWT.Selection, e -> refreshPinCounter());
        library.addListener(SWT.DefaultSelection, e -> refreshPinCounter());
        library.addListener(SWT.FocusOut, e -> refreshPinCounter());

        summary = Widgets.id(new Label(parent, SWT.WRAP), "guomi.summary");
        GridDataFactory.fillDefaults().span(3, 1).grab(true, false).hint(500, SWT.DEFAULT).applyTo(summary);

        steps = new ChecklistTable(parent, "guomi", code -> diagnostics.get().flatMap(registry -> registry.explain(code)));
        GridDataFactory.fillDefaults().span(3, 1).grab(true, true).applyTo(steps.control());
        devices = new ServiceHandle<>(DeviceService.class, service -> Widgets.later(parent.getDisplay(), this::fillLibraries));
    }

    /** From the Devices view: check this key (its library is chosen, the key preferred over the library's others). */
    @Override
    public void showDevice(String deviceId) {
        chosenDevice = deviceId;
        devices.get().flatMap(service -> service.device(deviceId))
                .map(d -> d.slot().properties().get(VendorLibraries.LIBRARY_PROPERTY)).ifPresent(library::setText);
        showSummary(NLS.bind(Messages.guomi_runFor, devices.get().flatMap(service -> service.device(deviceId)).map(d -> d.slot().name())
                .orElse(deviceId)));
        refreshPinCounter();
    }

    /**
     * Runs the checklist in a Job: the transport's steps before a key (library loads, exports its functions), then the
     * key's own through its driver's {@link Checklist}, under the key's rule; rows appear as each step is known. The PIN
     * is used through the session, once, never retried. The Job fails when the checklist could not run at all; red steps
     * are its findings, shown in the table.
     */
    private Job runCheck() {
        String chosen = library.getText().strip();
        if (chosen.isEmpty()) {
            showSummary(Messages.guomi_chooseLibrary);
            return null;
        }
        ChecklistModel.Typed typed = ChecklistModel.typed(caFile.getText(), crlFile.getText(), pin.getTextChars());
        pin.setText("");
        Optional<Secret> userPin = typed.pin();
        Interaction asking = interaction;
        // one run at a time: Run is off until this one ended (the listener below turns it on again)
        runCommand.setEnabled(false);
        showSummary(Messages.guomi_checking);
        Display display = steps.control().getDisplay();
        Job job = new Job(Messages.guomi_checkJob) {
            @Override
            protected IStatus run(IProgressMonitor monitor) {
                monitor.beginTask(Messages.guomi_checkJob, IProgressMonitor.UNKNOWN);
                Checklist.Inputs inputs;
                try {
                    // read here, bounded, not on the display thread; an unreadable file runs nothing, the last results stay
                    inputs = ChecklistModel.inputs(typed);
                } catch (TokenException e) {
                    userPin.ifPresent(Secret::close);
                    Widgets.later(display, () -> showSummary(e.getMessage()));
                    return Status.error(e.getMessage() + " [" + e.code() + "]");
                }
                model.started();
                Widgets.later(display, GuomiKeyView.this::showRun);
                java.util.function.Consumer<Checklist.Result> shown = result -> {
                    model.add(result);
                    monitor.subTask(result.step().title());
                    Widgets.later(display, () -> steps.show(model.results()));
                    if (result.status() == Checklist.Status.FAILED && result.code().isPresent()) {
                        journal.get().ifPresent(j -> j.record(NLS.bind(Messages.guomi_journalCheckStep, result.step().title()),
                                new TokenException(result.code().get(), result.detail())));
                    }
                };
                try {
                    Target target = target(chosen);
                    target.transport().checkEnvironment(target.library().toString()).forEach(shown);
                    if (model.firstFailure().isEmpty()) {
                        checkKey(target, inputs, asking, shown, monitor);
                    }
                    Optional<Checklist.Result> red = model.firstFailure();
                    model.finished();
                    String library = target.library().getFileName().toString();
                    audit.record(red.isEmpty() ? AuditEvent.succeeded(KEY_CHECK, "", "", "environment verified with " + library)
                            : new AuditEvent(KEY_CHECK, "", "", AuditEvent.Outcome.FAILED, red.get().code(),
                                    "stopped at " + red.get().step().title() + " with " + library), message -> Widgets.later(display, () -> showSummary(message)));
                    Widgets.later(display, () -> {
                        showRun();
                        refreshPinCounter();
                    });
                    return Status.OK_STATUS;
                } catch (OperationCanceledException e) {
                    // cancelled while it waited for the key: the key's steps never ran, so nothing is verified
                    audit.record(new AuditEvent(KEY_CHECK, "", "", AuditEvent.Outcome.CANCELED, Optional.empty(), "cancelled before the key's steps"),
                            message -> Widgets.later(display, () -> showSummary(message)));
                    return Status.CANCEL_STATUS;
                } catch (TokenException e) {
                    model.couldNotRun();
                    journal.get().ifPresent(j -> j.record(Messages.guomi_journalCheck, e));
                    Widgets.later(display, () -> showSummary(explain(e)));
                    return Status.error(e.getMessage() + " [" + e.code() + "]");
                } finally {
                    userPin.ifPresent(Secret::close);
                    monitor.done();
                }
            }
        };
        job.setUser(true);
        job.setProperty(IProgressConstants.NO_IMMEDIATE_ERROR_PROMPT_PROPERTY, Boolean.TRUE);
        // listening before it is scheduled: a Job cancelled before it ran never reaches run(), yet it is cancelled too
        job.addJobChangeListener(new JobChangeAdapter() {
            @Override
            public void done(IJobChangeEvent event) {
                Widgets.later(display, () -> runCommand.setEnabled(true));
                if (event.getResult().getSeverity() == IStatus.CANCEL) {
                    userPin.ifPresent(Secret::close);
                    model.cancelled();
                    Widgets.later(display, GuomiKeyView.this::showRun);
                }
            }
        });
        job.schedule();
        return job;
    }

    /** The key's own steps, from its driver's checklist, holding the key's rule for the whole run. */
    private void checkKey(Target target, Checklist.Inputs inputs, Interaction asking, java.util.function.Consumer<Checklist.Result> shown,
            IProgressMonitor monitor) throws TokenException {
        if (target.key().isEmpty()) {
            shown.accept(new Checklist.Result(new Checklist.Step("key-present", Messages.guomi_keyPresent), Checklist.Status.FAILED,
                    NLS.bind(Messages.guomi_noKeyOnLibrary, target.library()), Optional.empty()));
            return;
        }
        Device key = target.key().get();
        DeviceJob.onDevice(key.id(), monitor, m -> {
            try (DeviceSession session = service().open(key.id(), OpenOptions.of(asking))) {
                Optional<Checklist> checklist = session.feature(Checklist.class);
                if (checklist.isEmpty()) {
                    shown.accept(new Checklist.Result(new Checklist.Step("checklist", Messages.guomi_keyChecks), Checklist.Status.SKIPPED,
                            NLS.bind(Messages.guomi_noChecklist, session.driver().displayName()), Optional.empty()));
                    return;
                }
                checklist.get().run(inputs, asking, shown);
            }
        });
    }

    /**
     * Reads the user PIN's retry counter (costs no try) in a Job under the key's rule, so the user sees how many tries
     * are left before typing a PIN.
     */
    private Job refreshPinCounter() {
        String chosen = library.getText().strip();
        if (chosen.isEmpty()) {
            pinCounter.setText("");
            return null;
        }
        Display display = pinCounter.getDisplay();
        Job job = Job.create(Messages.guomi_pinJob, monitor -> {
            String text;
            try {
                Target target = target(chosen);
                if (target.key().isEmpty()) {
                    text = Messages.guomi_noKey;
                } else {
                    Device key = target.key().get();
                    StringBuilder read = new StringBuilder();
                    DeviceJob.onDevice(key.id(), monitor, m -> {
                        try (DeviceSession session = service().open(key.id(), OpenOptions.of(Interaction.NONE))) {
                            Optional<PinGuard> pins = session.feature(PinGuard.class);
                            if (pins.isEmpty()) {
                                read.append(NLS.bind(Messages.guomi_noPinCounter, key.slot().name()));
                            } else {
                                PinStatus status = pins.get().status(PinType.USER);
                                read.append(NLS.bind(Messages.guomi_userPinOf, key.slot().name(), status.isLocked()
                                        ? NLS.bind(Messages.guomi_pinLocked, status.maxTries()) : status.describe()));
                            }
                        }
                    });
                    text = read.toString();
                }
            } catch (TokenException e) {
                text = NLS.bind(Messages.guomi_counterUnavailable, e.getMessage());
            }
            String shown = text;
            Widgets.later(display, () -> {
                if (!pinCounter.isDisposed()) {
                    pinCounter.setText(shown);
                }
            });
        });
        job.schedule();
        return job;
    }

    private DeviceService service() throws TokenException {
        return devices.get().orElseThrow(() -> new TokenException(SERVICE_MISSING,
                "the devices service is not running"));
    }

    /** The SKF transport and its library configuration; fails with what to install when absent. */
    private DeviceTransport transport() throws TokenException {
        return service().transport(TRANSPORT).orElseThrow(() -> new TokenException(SERVICE_MISSING, "the SKF transport (org.tokenbench.skf) is not running"));
    }

    private static VendorLibraries libraries(DeviceTransport transport) throws TokenException {
        return transport.feature(VendorLibraries.class).orElseThrow(() -> new TokenException(SERVICE_MISSING, transport.displayName() + " has no vendor library configuration"));
    }

    /**
     * The library the user means (a configured family, "family — path", or a file, attached for this session) and the
     * key found through it. Off the display thread: loading a library and listing its keys may take a while.
     */
    private Target target(String chosen) throws TokenException {
        DeviceTransport transport = transport();
        VendorLibraries libraries = libraries(transport);
        String family = chosen.contains(" — ") ? chosen.substring(0, chosen.indexOf(" — ")) : chosen;
        Path configured = libraries.configured().get(family);
        Path path = configured != null ? configured.toAbsolutePath() : libraries.attach(Path.of(chosen));
        DeviceService service = service();
        List<Device> keys = keysOf(service, path);
        if (keys.isEmpty()) {
            service.refresh();
            keys = keysOf(service, path);
        }
        Optional<Device> key = keys.stream().filter(d -> d.id().equals(chosenDevice)).findFirst().or(() -> keysOf(service, path).stream().findFirst());
        return new Target(transport, path, key);
    }

    private static List<Device> keysOf(DeviceService service, Path library) {
        return service.devices().stream().filter(d -> d.slot().transport().equals(TRANSPORT) && d.slot().devicePresent()
                && library.toString().equals(d.slot().properties().get(VendorLibraries.LIBRARY_PROPERTY))).toList();
    }

    private void fillLibraries() {
        if (library.isDisposed()) {
            return;
        }
        String typed = library.getText();
        library.removeAll();
        try {
            libraries(transport()).configured().forEach((family, path) -> library.add(family + " — " + path));
        } catch (TokenException e) {
            showSummary(explain(e));
        }
        if (!typed.isEmpty()) {
            library.setText(typed);
        } else if (library.getItemCount() == 0) {
            showSummary(Messages.guomi_noLibrary);
        } else {
            library.select(0);
        }
    }

    private String explain(TokenException e) {
        return diagnostics.get().map(registry -> registry.render(e)).orElseGet(() -> DiagnosticsRegistry.plain(e));
    }

    /** The run's results and its summary as of one moment (display thread). */
    private void showRun() {
        ChecklistModel.Snapshot now = model.snapshot();
        steps.show(now.results());
        showSummary(now.summary());
    }

    /** The summary wraps: a longer text needs more lines, so the form lays out again. */
    private void showSummary(String text) {
        if (!summary.isDisposed()) {
            summary.setText(text);
            summary.getParent().layout(true, true);
        }
    }

    @Override
    public void setFocus() {
        library.setFocus();
    }

    @Override
    public void dispose() {
        devices.close();
        diagnostics.close();
        journal.close();
        audit.close();
        super.dispose();
    }
}
