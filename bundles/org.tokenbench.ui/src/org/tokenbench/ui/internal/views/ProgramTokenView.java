package org.tokenbench.ui.internal.views;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.eclipse.core.runtime.jobs.IJobChangeEvent;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.core.runtime.jobs.JobChangeAdapter;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Group;
import org.eclipse.swt.widgets.Label;
import org.eclipse.ui.part.ViewPart;
import org.tokenbench.core.TokenException;
import org.tokenbench.core.device.Device;
import org.tokenbench.core.device.DeviceService;
import org.tokenbench.core.device.DeviceSession;
import org.tokenbench.core.device.OpenOptions;
import org.tokenbench.core.driver.AccessKey;
import org.tokenbench.core.driver.Interaction;
import org.tokenbench.core.driver.TokenClock;
import org.tokenbench.diagnostics.DiagnosticsRegistry;
import org.tokenbench.diagnostics.FailureJournal;
import org.tokenbench.otp.OtpAccount;
import org.tokenbench.programming.ProgrammingChoices;
import org.tokenbench.ui.DeviceView;
import org.tokenbench.ui.internal.commands.TokenBenchCommands;
import org.tokenbench.ui.internal.commands.ViewCommand;
import org.tokenbench.ui.internal.jobs.DeviceJob;
import org.tokenbench.ui.internal.jobs.UiInteraction;
import org.tokenbench.ui.internal.model.ProgramTokenModel;
import org.tokenbench.ui.internal.model.ProgramTokenModel.Target;
import org.tokenbench.ui.internal.preferences.TokenBenchPreferences;

/**
 * Programs an OTP token from a QR code, an image file or a typed key: the parsed fields with a live code to compare
 * with a phone app, the PC clock, the device (from the devices service), the token's serial and clock, the burn as a
 * Job with progress, and the confirmation with the code the token shows. The settings offered are the connected
 * family's, from its driver's descriptor.
 *
 * <p>No session stays open between operations: Connect and Burn each open one in a Job under the device's
 * {@link org.tokenbench.ui.internal.jobs.DeviceRule}, so a Connect pressed during a burn waits for it, and Burn checks
 * that the token it writes is the one that was connected. Device I/O never runs on the display thread.
 *
 * <p>The form's sections are {@link ProgramKeySection} and {@link ProgramTokenSection}; this part wires them to the
 * devices service and runs Connect, Burn and Refresh, which are commands (menus, toolbar, key bindings, buttons).
 */
public final class ProgramTokenView extends ViewPart implements DeviceView {

    public static final String ID = "org.tokenbench.ui.views.program";
    private ServiceHandle<DeviceService> devices;
    private volatile AutoCloseable deviceEvents;
    private ServiceHandle<DiagnosticsRegistry> diagnostics;
    private ServiceHandle<FailureJournal> journal;
    private Interaction interaction;

    private ProgramForm form;
    private ProgramKeySection keySection;
    private ProgramTokenSection tokenSection;
    private ViewCommand burnCommand;
    private ViewCommand connectCommand;
    private Label status;

    /** The task's state and rules; the view renders it. */
    private final ProgramTokenModel model = new ProgramTokenModel();

    @Override
    public void createPartControl(Composite view) {
        setPartName(Messages.program_title);
        diagnostics = new ServiceHandle<>(DiagnosticsRegistry.class);
        journal = new ServiceHandle<>(FailureJournal.class);
        interaction = new UiInteraction(view.getDisplay(), this::setStatus);
        form = new ProgramForm(view);
        keySection = new ProgramKeySection(form, getSite(), model, this::setStatus, this::explain, this::updateButtons);
        connectCommand = ViewCommand.activate(getSite(), TokenBenchCommands.CONNECT, this::connect);
        ViewCommand refreshCommand = ViewCommand.activate(getSite(), TokenBenchCommands.REFRESH_DEVICES, this::refreshDevices);
        tokenSection = new ProgramTokenSection(form, model, connectCommand, refreshCommand, this::setStatus, this::explain,
                this::updateButtons);

        Group write = ProgramForm.group(form.body(), Messages.program_burnGroup);
        burnCommand = ViewCommand.activate(getSite(), TokenBenchCommands.BURN, this::burn);
        burnCommand.setEnabled(false);
        Widgets.id(burnCommand.button(write, Messages.program_burn), "program.burn");
        status = Widgets.id(new Label(write, SWT.WRAP), "program.status");
        GridDataFactory.fillDefaults().grab(true, false).hint(500, SWT.DEFAULT).applyTo(status);

        tokenSection.offerFamilySettings();
        devices = new ServiceHandle<>(DeviceService.class, service -> {
            closeDeviceEvents();
            deviceEvents = service.onChange(event -> Widgets.later(view, this::fillDeviceChooser));
            Widgets.later(view, this::fillDeviceChooser);
        });
        fillDeviceChooser();
        tick();
    }

    /** Decodes every QR code in an image file (handed over by a second launch), in a Job; several OTP codes → the user picks one. */
    public Job loadImage(Path file) {
        return keySection.loadImage(file);
    }

    /** Takes a key from elsewhere in the workbench (the Enroll view's "put the same key on a token"); the caller wipes it. */
    public void useKey(char[] otpauthUri) {
        keySection.useKey(otpauthUri);
        setStatus(Messages.program_keyFromEnroll);
    }

    /** From the Devices view: work on this device (its id, reader or key name, or serial). */
    @Override
    public void showDevice(String deviceId) {
        fillDeviceChooser();
        Optional<Device> device = devices.get().flatMap(service -> {
            try {
                return Optional.of(service.find(deviceId));
            } catch (TokenException e) {
                return Optional.empty();
            }
        });
        setStatus(device.isPresent() && tokenSection.select(device.get().id()) ? Messages.program_connectPrompt
                : NLS.bind(Messages.program_notADevice, deviceId));
    }

    /** Asks the transports for their devices again (in a Job) and lists them. */
    private void refreshDevices() {
        Label shown = status;
        Job job = Job.create(Messages.program_lookingForTokens, monitor -> {
            Optional<DeviceService> service = devices.get();
            try {
                if (service.isPresent()) {
                    service.get().refresh();
                    service.get().identifyAgain();
                }
                Widgets.later(shown, () -> {
                    fillDeviceChooser();
                    if (tokenSection.noDevices()) {
                        setStatus(Messages.program_noToken);
                    }
                });
            } catch (TokenException e) {
                Widgets.later(shown, () -> setStatus(explain(e)));
            }
        });
        job.schedule();
    }

    /** Readers with a card and claimed devices, keeping the choice; called for every devices-service event. */
    private void fillDeviceChooser() {
        tokenSection.showDevices(devices.get().map(DeviceService::devices).orElse(List.of()).stream()
                .filter(d -> d.slot().devicePresent() || d.state() == Device.State.CLAIMED).toList());
    }

    /**
     * Connects in a Job under the device's rule: opens a session, reads serial, family and clock, and closes it again.
     * Run during a burn of the same device, it waits for the burn.
     */
    private void connect() {
        Optional<String> deviceId = tokenSection.chosenDeviceId();
        Optional<DeviceService> service = devices.get();
        if (deviceId.isEmpty() || service.isEmpty()) {
            setStatus(service.isEmpty() ? Messages.program_noDevicesService : Messages.program_chooseTokenFirst);
            return;
        }
        String id = deviceId.get();
        String name = service.get().device(id).map(d -> d.slot().name()).orElse(id);
        OpenOptions options = options(name);
        Label shown = status;
        String connecting = NLS.bind(Messages.program_connecting, name);
        setStatus(connecting + "\u2026");
        DeviceJob.schedule(connecting, id, monitor -> {
            try (DeviceSession session = service.get().open(id, options)) {
                String clock = session.feature(TokenClock.class).map(ProgramTokenView::clockText).orElse("");
                Target read = new Target(id, name, session.identity().serial(), ProgrammingChoices.of(session.family()),
                        session.feature(AccessKey.class).isPresent());
                String text = NLS.bind(Messages.program_tokenSummary, session.family().name(), read.serial()) + clock;
                Widgets.later(shown, () -> {
                    model.setTarget(read);
                    tokenSection.showToken(text);
                    setStatus(Messages.program_connected);
                });
            }
        }, e -> {
            journal.get().ifPresent(j -> j.record(Messages.program_journalConnect, e));
            Widgets.later(shown, () -> setStatus(explain(e)));
        });
    }

    private static String clockText(TokenClock clock) {
        try {
            Instant time = clock.tokenTime();
            return NLS.bind(Messages.program_tokenTime, ProgramTokenSection.TIME.format(time), TokenClock.skew(time, Instant.now()).toSeconds());
        } catch (TokenException e) {
            return Messages.program_tokenClockUnreadable;
        }
    }

    /**
     * Burns in a Job under the device's rule (progress and cancel in the Progress view; the work is {@link TokenBurn}'s)
     * with the view's own copy of the key; confirmed, the key field is emptied. Connect and Burn are disabled until it
     * ends.
     */
    private void burn() {
        Optional<DeviceService> service = devices.get();
        if (!model.canBurn() || service.isEmpty()) {
            return;
        }
        Target target = model.target().orElseThrow();
        OpenOptions options = options(target.name());
        Label shown = status;
        Display swt = status.getDisplay();
        // Its own copy: editing the key field during the burn closes the model's key, not this one.
        OtpAccount account = model.startBurn();
        TokenBurn.Order order = new TokenBurn.Order(target, account, model.displaySeconds(), tokenSection.forced(), model.keyFile());
        updateButtons();
        // Created, then listened to, then scheduled: a burn that fails at once must still wipe its key and free the buttons.
        DeviceJob job = DeviceJob.create(NLS.bind(Messages.program_programming, target.serial()), target.deviceId(),
                new TokenBurn(service.get(), order, options, result -> Widgets.later(shown, () -> {
                    keySection.clear();
                    setStatus(result.confirmedOffset() == 0 ? NLS.bind(Messages.program_programmed, result.token().serial())
                            : NLS.bind(Messages.program_programmedOffset, result.token().serial(), result.confirmedOffset()));
                })), e -> {
                    journal.get().ifPresent(j -> j.record(Messages.program_journalProgram, e));
                    Widgets.later(shown, () -> setStatus(explain(e)));
                });
        job.addJobChangeListener(new JobChangeAdapter() {
            @Override
            public void done(IJobChangeEvent event) {
                account.close();
                Widgets.later(swt, () -> {
                    model.burnEnded();
                    if (!shown.isDisposed()) {
                        updateButtons();
                    }
                });
            }
        });
        job.schedule();
    }

    /** APDUs to the Activity view when the preference asks for it; secret bodies are redacted by the transport. */
    private OpenOptions options(String name) {
        OpenOptions options = OpenOptions.of(interaction);
        return TokenBenchPreferences.store().getBoolean(TokenBenchPreferences.TRACE_APDUS)
                ? options.withTrace(line -> ActivityView.trace(name, line)) : options;
    }

    /** After the key, the token or a choice changed: the settings check and what Burn and Connect may do. */
    private void updateButtons() {
        if (tokenSection == null || burnCommand == null) {
            return;
        }
        tokenSection.showSettingsCheck();
        burnCommand.setEnabled(model.canBurn());
        connectCommand.setEnabled(model.canConnect());
    }

    private void closeDeviceEvents() {
        AutoCloseable events = deviceEvents;
        deviceEvents = null;
        if (events != null) {
            try {
                events.close();
            } catch (Exception e) {
                // the service is going away with it
            }
        }
    }

    /** Once a second: the PC clock and the current code, so the user can compare with a phone and the token. */
    private void tick() {
        if (status.isDisposed()) {
            return;
        }
        long now = Instant.now().getEpochSecond();
        tokenSection.showClock(now);
        keySection.showCode(now);
        form.relayout();
        status.getDisplay().timerExec(1000, this::tick);
    }

    private String explain(TokenException e) {
        return diagnostics.get().map(registry -> registry.render(e)).orElseGet(() -> DiagnosticsRegistry.plain(e));
    }

    private void setStatus(String text) {
        if (status != null && !status.isDisposed()) {
            status.setText(text);
            form.relayout();
        }
    }

    @Override
    public void setFocus() {
        keySection.setFocus();
    }

    @Override
    public void dispose() {
        closeDeviceEvents();
        model.close();
        devices.close();
        diagnostics.close();
        journal.close();
        super.dispose();
    }
}
