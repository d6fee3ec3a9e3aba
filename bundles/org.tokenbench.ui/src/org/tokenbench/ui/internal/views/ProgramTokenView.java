package org.tokenbench.ui.internal.views;

import org.tokenbench.ui.internal.model.ProgramTokenModel;
import org.tokenbench.ui.internal.model.ProgramTokenModel.Target;

import org.tokenbench.ui.internal.commands.TokenBenchCommands;
import org.tokenbench.ui.internal.commands.ViewCommand;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.ScrolledComposite;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Group;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.part.ViewPart;
import org.tokenbench.core.ErrorCode;
import org.tokenbench.core.Secret;
import org.tokenbench.core.driver.AccessKey;
import org.tokenbench.core.TokenException;
import org.tokenbench.core.device.Device;
import org.tokenbench.core.device.DeviceService;
import org.tokenbench.core.device.DeviceSession;
import org.tokenbench.core.device.OpenOptions;
import org.tokenbench.core.driver.Interaction;
import org.tokenbench.core.driver.TokenClock;
import org.tokenbench.core.fleet.AuditLog;
import org.tokenbench.core.fleet.DeviceInventory;
import org.tokenbench.diagnostics.DiagnosticsRegistry;
import org.tokenbench.diagnostics.FailureJournal;
import org.tokenbench.otp.OtpAccount;
import org.tokenbench.otp.OtpException;
import org.tokenbench.otp.OtpGenerator;
import org.tokenbench.programming.ProgrammingChoices;
import org.tokenbench.programming.TokenProgrammer;
import org.tokenbench.qr.FoundCode;
import org.tokenbench.ui.DeviceView;
import org.tokenbench.ui.internal.jobs.DeviceJob;
import org.tokenbench.ui.internal.jobs.JobProgress;
import org.tokenbench.ui.internal.preferences.TokenBenchPreferences;
import org.tokenbench.ui.internal.jobs.UiInteraction;

/**
 * Programs an OTP token from a QR code, an image file or a typed key: the parsed fields with a live code to compare
 * with a phone app, the PC clock, the device (from the devices service), the token's serial and clock, the burn as a
 * Job with progress, and the confirmation with the code the token shows. The settings offered are the connected
 * family's, from its driver's descriptor.
 *
 * <p>No session stays open between operations: Connect and Burn each open one in a Job under the device's
 * {@link org.tokenbench.ui.internal.jobs.DeviceRule}, so a Connect pressed during a burn waits for it, and Burn checks
 * that the token it writes is the one that was connected. Device I/O never runs on the display thread.
 */
public final class ProgramTokenView extends ViewPart implements DeviceView {

    public static final String ID = "org.tokenbench.ui.views.program";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);
    /** tokenbench:0x0031: the token on the reader is not the one that was connected. */
    static final ErrorCode DIFFERENT_TOKEN = ErrorCode.of(ErrorCode.TOKENBENCH, 0x31);
    /** tokenbench:0x0002: the key file cannot be read or holds no hex key (the CLI's code for an unreadable input). */
    static final ErrorCode KEY_FILE_UNUSABLE = ErrorCode.of(ErrorCode.TOKENBENCH, 0x02);


    private ServiceHandle<DeviceService> devices;
    private volatile AutoCloseable deviceEvents;
    private ServiceHandle<DiagnosticsRegistry> diagnostics;
    private ServiceHandle<FailureJournal> journal;
    private Interaction interaction;

    private Text keyText;
    private Label issuer;
    private Label account;
    private Label settings;
    private Label liveCode;
    private Label pcClock;
    private Combo deviceChooser;
    private final List<String> chooserIds = new ArrayList<>();
    private Label token;
    private Combo displayTime;
    private Label fit;
    private Button force;
    private Label keyFileName;
    private Label publishedKeyWarning;
    private Button burn;
    private ViewCommand burnCommand;
    private ViewCommand connectCommand;
    private Label status;

    private QrKeyInput qrInput;
    /** The task's state and rules; the view renders it. */
    private final ProgramTokenModel model = new ProgramTokenModel();

    @Override
    public void createPartControl(Composite view) {
        setPartName(Messages.program_title);
        diagnostics = new ServiceHandle<>(DiagnosticsRegistry.class);
        journal = new ServiceHandle<>(FailureJournal.class);
        interaction = new UiInteraction(view.getDisplay(), this::setStatus);
        // A form that scrolls when the view is short, rather than cutting off the burn button.
        ScrolledComposite scroll = new ScrolledComposite(view, SWT.V_SCROLL | SWT.H_SCROLL);
        scroll.setExpandHorizontal(true);
        scroll.setExpandVertical(true);
        Composite parent = new Composite(scroll, SWT.NONE);
        scroll.setContent(parent);
        scroll.addListener(SWT.Resize, e -> scroll.setMinSize(parent.computeSize(Math.max(420, scroll.getClientArea().width), SWT.DEFAULT)));
        GridLayoutFactory.swtDefaults().numColumns(1).applyTo(parent);

        Group key = group(parent, Messages.program_keyGroup);
        qrInput = new QrKeyInput(key, this::setStatus, this::explain, this::takeCode);
        Composite sources = new Composite(key, SWT.NONE);
        GridLayoutFactory.fillDefaults().numColumns(3).applyTo(sources);
        GridDataFactory.fillDefaults().span(2, 1).applyTo(sources);
        ViewCommand scanCommand = ViewCommand.activate(getSite(), TokenBenchCommands.SCAN_SCREEN, qrInput::scanScreen);
        scanCommand.button(sources, Messages.program_scanScreen).setToolTipText(Messages.program_scanScreenTip);
        qrInput.whileScanning(scanCommand::setEnabled);
        ViewCommand.activate(getSite(), TokenBenchCommands.LOAD_IMAGE, qrInput::chooseImage).button(sources, Messages.program_loadImage)
                .setToolTipText(Messages.program_loadImageTip);
        ViewCommand.activate(getSite(), TokenBenchCommands.PASTE_IMAGE, this::pasteImage).button(sources, Messages.program_pasteImage)
                .setToolTipText(Messages.program_pasteImageTip);
        qrInput.acceptDroppedFiles(parent);
        Label paste = new Label(key, SWT.WRAP);
        paste.setText(Messages.program_keyPrompt);
        GridDataFactory.fillDefaults().span(2, 1).grab(true, false).hint(200, SWT.DEFAULT).applyTo(paste);
        keyText = new Text(key, SWT.BORDER | SWT.SINGLE | SWT.PASSWORD);
        GridDataFactory.fillDefaults().grab(true, false).span(2, 1).applyTo(keyText);
        keyText.addModifyListener(e -> parse());
        issuer = field(key, Messages.program_issuer);
        account = field(key, Messages.program_account);
        settings = field(key, Messages.program_settings);
        liveCode = field(key, Messages.program_codeNow);
        liveCode.setToolTipText(Messages.program_codeNowTip);

        Group device = group(parent, Messages.program_tokenGroup);
        pcClock = field(device, Messages.program_pcClock);
        new Label(device, SWT.NONE).setText(Messages.program_device);
        Composite deviceRow = new Composite(device, SWT.NONE);
        GridLayoutFactory.fillDefaults().numColumns(3).applyTo(deviceRow);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(deviceRow);
        deviceChooser = new Combo(deviceRow, SWT.READ_ONLY);
        GridDataFactory.fillDefaults().grab(true, false).hint(160, SWT.DEFAULT).applyTo(deviceChooser);
        deviceChooser.setToolTipText(Messages.program_deviceTip);
        ViewCommand.activate(getSite(), TokenBenchCommands.REFRESH_DEVICES, () -> refreshDevices()).button(deviceRow, Messages.program_refresh);
        connectCommand = ViewCommand.activate(getSite(), TokenBenchCommands.CONNECT, this::connect);
        connectCommand.button(deviceRow, Messages.program_connect);
        token = field(device, Messages.program_token);
        new Label(device, SWT.NONE).setText(Messages.program_displayTime);
        displayTime = new Combo(device, SWT.READ_ONLY);
        displayTime.setToolTipText(Messages.program_displayTimeTip);
        displayTime.addListener(SWT.Selection, e -> {
            model.chooseDisplaySeconds(Integer.parseInt(displayTime.getText()));
            updateButtons();
        });
        fit = field(device, Messages.program_settingsCheck);
        force = new Button(device, SWT.CHECK);
        force.setText(NLS.bind(Messages.program_forceClock, TokenBenchPreferences.maxClockSkew().toSeconds()));
        force.setToolTipText(Messages.program_forceClockTip);
        GridDataFactory.fillDefaults().span(2, 1).applyTo(force);
        new Label(device, SWT.NONE).setText(Messages.program_keyFile);
        Composite keyFileRow = new Composite(device, SWT.NONE);
        GridLayoutFactory.fillDefaults().numColumns(3).applyTo(keyFileRow);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(keyFileRow);
        keyFileName = new Label(keyFileRow, SWT.NONE);
        GridDataFactory.fillDefaults().grab(true, false).hint(160, SWT.DEFAULT).applyTo(keyFileName);
        Widgets.button(keyFileRow, Messages.program_chooseKeyFile, this::chooseKeyFile).setToolTipText(Messages.program_keyFileTip);
        Widgets.button(keyFileRow, Messages.program_clearKeyFile, () -> useKeyFile(null));
        publishedKeyWarning = new Label(device, SWT.WRAP);
        publishedKeyWarning.setForeground(view.getDisplay().getSystemColor(SWT.COLOR_DARK_RED));
        GridDataFactory.fillDefaults().span(2, 1).grab(true, false).hint(200, SWT.DEFAULT).applyTo(publishedKeyWarning);
        showKeyFile();

        Group write = group(parent, Messages.program_burnGroup);
        burnCommand = ViewCommand.activate(getSite(), TokenBenchCommands.BURN, this::burn);
        burnCommand.setEnabled(false);
        burn = burnCommand.button(write, Messages.program_burn);
        status = new Label(write, SWT.WRAP);
        GridDataFactory.fillDefaults().grab(true, false).hint(500, SWT.DEFAULT).applyTo(status);

        offerFamilySettings();
        devices = new ServiceHandle<>(DeviceService.class, service -> {
            closeDeviceEvents();
            deviceEvents = service.onChange(event -> {
                if (!view.isDisposed()) {
                    view.getDisplay().asyncExec(this::fillDeviceChooser);
                }
            });
            view.getDisplay().asyncExec(this::fillDeviceChooser);
        });
        fillDeviceChooser();
        tick();
    }

    /** Decodes every QR code in an image file, in a Job; several OTP codes → the user picks one. */
    public Job loadImage(Path file) {
        return qrInput.loadImage(file);
    }

    /** How the view asks which of several codes to use; tests replace the thumbnail dialog. */
    public interface CodeChooser extends QrKeyInput.CodeChooser {
    }

    public void setCodeChooser(CodeChooser chooser) {
        qrInput.setCodeChooser(chooser);
    }

    /**
     * Decodes an image on the clipboard (a screenshot tool's copy, a browser's "Copy image") in a Job; null when the
     * clipboard holds no image (the view says so at once).
     */
    public Job pasteImage() {
        return qrInput.pasteImage();
    }

    /** Image files dropped on the view are decoded in turn (in a Job); the first that holds an OTP code is used. */
    public Job dropFiles(String[] files) {
        return qrInput.dropFiles(files);
    }

    /** Takes a key from elsewhere in the workbench (the Enroll view's "put the same key on a token"). */
    public void useKey(String otpauthUri) {
        keyText.setText(otpauthUri);
        setStatus(Messages.program_keyFromEnroll);
    }

    /** Replaces how the view asks the user (tests script the answers; the default opens dialogs). */
    public void setInteraction(Interaction interaction) {
        this.interaction = interaction;
    }

    /** Selects a device by its id, its reader or key name, or its serial. */
    public void selectDevice(String what) {
        fillDeviceChooser();
        Optional<Device> device = devices.get().flatMap(service -> {
            try {
                return Optional.of(service.find(what));
            } catch (TokenException e) {
                return Optional.empty();
            }
        });
        int index = device.map(d -> chooserIds.indexOf(d.id())).orElse(-1);
        if (index >= 0) {
            deviceChooser.select(index);
        } else {
            setStatus(NLS.bind(Messages.program_notADevice, what));
        }
    }

    /** From the Devices view: work on this device. */
    @Override
    public void showDevice(String deviceId) {
        selectDevice(deviceId);
        setStatus(Messages.program_connectPrompt);
    }

    /** Asks the transports for their devices again (in a Job) and lists them. */
    public Job refreshDevices() {
        Display display = deviceChooser.getDisplay();
        Job job = Job.create(Messages.program_lookingForTokens, monitor -> {
            Optional<DeviceService> service = devices.get();
            try {
                if (service.isPresent()) {
                    service.get().refresh();
                }
                display.asyncExec(() -> {
                    fillDeviceChooser();
                    if (!deviceChooser.isDisposed() && chooserIds.isEmpty()) {
                        setStatus(Messages.program_noToken);
                    }
                });
            } catch (TokenException e) {
                display.asyncExec(() -> setStatus(explain(e)));
            }
        });
        job.schedule();
        return job;
    }

    /** Readers with a card and claimed devices, keeping the choice; called for every devices-service event. */
    private void fillDeviceChooser() {
        if (deviceChooser.isDisposed()) {
            return;
        }
        String chosen = chosenDeviceId().orElse(null);
        List<Device> present = devices.get().map(DeviceService::devices).orElse(List.of()).stream()
                .filter(d -> d.slot().devicePresent() || d.state() == Device.State.CLAIMED).toList();
        chooserIds.clear();
        present.forEach(d -> chooserIds.add(d.id()));
        deviceChooser.setItems(present.stream().map(d -> d.slot().name() + d.claim().map(c -> " — " + c.family().name() + " "
                + c.identity().serial()).orElse(" — " + DevicesView.stateText(d))).toArray(String[]::new));
        if (!chooserIds.isEmpty()) {
            deviceChooser.select(Math.max(0, chooserIds.indexOf(chosen)));
        }
    }

    /** The device the chooser points at (what Connect and Burn will use). */
    public Optional<String> chosenDevice() {
        return chosenDeviceId();
    }

    private Optional<String> chosenDeviceId() {
        int index = deviceChooser.getSelectionIndex();
        return index < 0 || index >= chooserIds.size() ? Optional.empty() : Optional.of(chooserIds.get(index));
    }

    /**
     * Connects in a Job under the device's rule: opens a session, reads serial, family and clock, and closes it again.
     * Pressed during a burn of the same device, it waits for the burn.
     */
    public Job connect() {
        Optional<String> deviceId = chosenDeviceId();
        Optional<DeviceService> service = devices.get();
        if (deviceId.isEmpty() || service.isEmpty()) {
            setStatus(service.isEmpty() ? Messages.program_noDevicesService : Messages.program_chooseTokenFirst);
            return null;
        }
        String id = deviceId.get();
        String name = service.get().device(id).map(d -> d.slot().name()).orElse(id);
        OpenOptions options = options(name);
        Display display = deviceChooser.getDisplay();
        String connecting = NLS.bind(Messages.program_connecting, name);
        setStatus(connecting + "\u2026");
        return DeviceJob.schedule(connecting, id, monitor -> {
            try (DeviceSession session = service.get().open(id, options)) {
                String clock = session.feature(TokenClock.class).map(ProgramTokenView::clockText).orElse("");
                Target read = new Target(id, name, session.identity().serial(), ProgrammingChoices.of(session.family()),
                        session.feature(AccessKey.class).isPresent());
                String text = NLS.bind(Messages.program_tokenSummary, session.family().name(), read.serial()) + clock;
                display.asyncExec(() -> {
                    if (token.isDisposed()) {
                        return;
                    }
                    model.setTarget(read);
                    token.setText(text);
                    offerFamilySettings();
                    showKeyFile();
                    setStatus(Messages.program_connected);
                });
            }
        }, e -> {
            journal.get().ifPresent(j -> j.record("Connect to token", e));
            display.asyncExec(() -> setStatus(explain(e)));
        });
    }

    private static String clockText(TokenClock clock) {
        try {
            Instant time = clock.tokenTime();
            return NLS.bind(Messages.program_tokenTime, TIME.format(time), TokenClock.skew(time, Instant.now()).toSeconds());
        } catch (TokenException e) {
            return Messages.program_tokenClockUnreadable;
        }
    }

    /**
     * Burns in a Job under the device's rule (progress and cancel in the Progress view): opens a session, refuses a
     * token other than the connected one, programs with the view's own copy of the key, then asks for the code the token
     * shows. Connect and Burn are disabled until it ends.
     */
    public Job burn() {
        Optional<DeviceService> service = devices.get();
        if (!model.canBurn() || service.isEmpty()) {
            return null;
        }
        Target target = model.target().orElseThrow();
        int shownFor = model.displaySeconds();
        boolean forced = force.getSelection();
        Optional<Path> keyFile = model.keyFile();
        Interaction asking = interaction;
        OpenOptions options = OpenOptions.of(asking).withTrace(options(target.name()).trace());
        Display swt = burn.getDisplay();
        // Its own copy: editing the key field during the burn closes the model's key, not this one.
        OtpAccount account = model.startBurn();
        updateButtons();
        // Created, then listened to, then scheduled: a burn that fails at once must still wipe its key and free the buttons.
        DeviceJob job = DeviceJob.create(NLS.bind(Messages.program_programming, target.serial()), target.deviceId(), monitor -> {
            try (DeviceSession session = service.get().open(target.deviceId(), options);
                 Secret accessKey = keyFile.isPresent() ? readKeyFile(keyFile.get()) : null;
                 ServiceHandle<AuditLog> audit = new ServiceHandle<>(AuditLog.class);
                 ServiceHandle<DeviceInventory> inventory = new ServiceHandle<>(DeviceInventory.class)) {
                String serial = session.identity().serial();
                if (!serial.equals(target.serial())) {
                    throw new TokenException(DIFFERENT_TOKEN, "a different token is on the reader now (serial " + serial + ", connected: "
                            + target.serial() + "); nothing was written. Connect again to program this one.");
                }
                if (accessKey != null) {
                    session.feature(AccessKey.class).orElseThrow(() -> new TokenException(KEY_FILE_UNUSABLE,
                            "this token takes no access key: clear the key file")).use(accessKey);
                }
                TokenProgrammer.Result result = new TokenProgrammer(Clock.systemUTC(), TokenBenchPreferences.maxClockSkew(),
                        audit.get().orElse(AuditLog.NONE), inventory.get())
                        .program(session, target.choices(), account, shownFor, 0, forced, asking, new JobProgress(monitor));
                swt.asyncExec(() -> setStatus(result.confirmedOffset() == 0 ? NLS.bind(Messages.program_programmed, result.token().serial())
                        : NLS.bind(Messages.program_programmedOffset, result.token().serial(), result.confirmedOffset())));
            }
        }, e -> {
            journal.get().ifPresent(j -> j.record("Program token", e));
            swt.asyncExec(() -> setStatus(explain(e)));
        });
        job.addJobChangeListener(new org.eclipse.core.runtime.jobs.JobChangeAdapter() {
            @Override
            public void done(org.eclipse.core.runtime.jobs.IJobChangeEvent event) {
                account.close();
                swt.asyncExec(() -> {
                    model.burnEnded();
                    if (!burn.isDisposed()) {
                        updateButtons();
                    }
                });
            }
        });
        job.schedule();
        return job;
    }

    /** APDUs to the Activity view when the preference asks for it; secret bodies are redacted by the transport. */
    private OpenOptions options(String name) {
        OpenOptions options = OpenOptions.of(interaction);
        return TokenBenchPreferences.store().getBoolean(TokenBenchPreferences.TRACE_APDUS)
                ? options.withTrace(line -> ActivityView.trace(name, line)) : options;
    }

    /**
     * The display times the connected family offers (the one chosen before, else the preference's, else the family's
     * default), nothing before a connection.
     */
    private void offerFamilySettings() {
        List<String> choices = model.displayChoices().stream().map(String::valueOf).toList();
        String preferred = displayTime.getSelectionIndex() >= 0 ? displayTime.getText()
                : TokenBenchPreferences.store().getString(TokenBenchPreferences.DISPLAY_SECONDS);
        displayTime.setItems(choices.toArray(String[]::new));
        displayTime.setEnabled(!choices.isEmpty());
        if (!choices.isEmpty()) {
            int index = choices.indexOf(preferred);
            displayTime.select(index >= 0 ? index : Math.max(0, choices.indexOf(String.valueOf(model.displaySeconds()))));
            model.chooseDisplaySeconds(Integer.parseInt(displayTime.getText()));
        }
        updateButtons();
    }

    private void updateButtons() {
        fit.setText(model.settingsCheck());
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

    // ---- state shown to tests and screenshots ----

    public String fieldsText() {
        return issuer.getText() + " | " + account.getText() + " | " + settings.getText();
    }

    public String tokenText() {
        return token.getText();
    }

    public String statusText() {
        return status.getText();
    }

    public String liveCodeText() {
        return liveCode.getText();
    }

    /** The display times offered: the connected family's. */
    public List<String> displayTimeChoices() {
        return List.of(displayTime.getItems());
    }

    public String settingsCheckText() {
        return fit.getText();
    }

    public boolean canBurn() {
        return burn.isEnabled();
    }

    public boolean canConnect() {
        return connectCommand.isEnabled();
    }

    // ---- internals ----

    /** The chosen QR code's payload goes into the key field. */
    private void takeCode(FoundCode code, int found) {
        keyText.setText(code.payload());
        setStatus(found > 1 ? NLS.bind(Messages.program_keyFromQrOfSeveral, code.where(), found)
                : NLS.bind(Messages.program_keyFromQr, code.where()));
    }

    private void parse() {
        Optional<OtpException> problem = model.setKeyText(keyText.getText());
        Optional<ProgramTokenModel.KeySummary> summary = model.keySummary();
        issuer.setText(summary.map(ProgramTokenModel.KeySummary::issuer).orElse(""));
        account.setText(summary.map(ProgramTokenModel.KeySummary::account).orElse(""));
        settings.setText(summary.map(ProgramTokenModel.KeySummary::settings).orElse(""));
        setStatus(problem.map(this::explain).orElse(""));
        updateButtons();
        tick();
    }

    /** Once a second: the PC clock and the current code, so the user can compare with a phone and the token. */
    private void tick() {
        if (pcClock.isDisposed()) {
            return;
        }
        long now = Instant.now().getEpochSecond();
        pcClock.setText(TIME.format(Instant.ofEpochSecond(now)));
        Optional<OtpAccount> key = model.key();
        if (key.isPresent()) {
            OtpAccount parsed = key.get();
            try (OtpGenerator generator = OtpGenerator.open(parsed.secret(), parsed.params())) {
                long step = parsed.params().stepAt(now);
                long left = (step + 1) * parsed.params().periodSeconds() - now;
                liveCode.setText(generator.codeFor(step) + "   (" + left + " s left)");
            }
        } else {
            liveCode.setText("");
        }
        pcClock.getParent().layout(true, true);
        pcClock.getDisplay().timerExec(1000, this::tick);
    }

    private void chooseKeyFile() {
        FileDialog dialog = new FileDialog(keyText.getShell(), SWT.OPEN);
        dialog.setText(Messages.program_chooseKeyFileTitle);
        String file = dialog.open();
        if (file != null) {
            useKeyFile(Path.of(file));
        }
    }

    /**
     * Uses the token's access key from {@code file} (hex, as the CLI's {@code --key-file}), checked now and read again
     * at the burn (the view keeps only the path); null goes back to the vendor's published key, with the warning.
     */
    public void useKeyFile(Path file) {
        if (file != null) {
            try (Secret checked = readKeyFile(file)) {
                setStatus(Messages.program_keyFileTaken);
            } catch (TokenException e) {
                setStatus(explain(e));
                return;
            }
        }
        model.setKeyFile(file);
        showKeyFile();
    }

    /** The key file chosen, and the warning while the connected token would be opened with its published key. */
    private void showKeyFile() {
        keyFileName.setText(model.keyFile().map(f -> f.getFileName().toString()).orElse(Messages.program_noKeyFile));
        keyFileName.setToolTipText(model.keyFile().map(Path::toString).orElse(Messages.program_keyFileTip));
        publishedKeyWarning.setText(model.usesPublishedKey() ? Messages.program_publishedKeyWarning : "");
        publishedKeyWarning.setVisible(model.usesPublishedKey());
        ((GridData) publishedKeyWarning.getLayoutData()).exclude = !model.usesPublishedKey();
        publishedKeyWarning.getParent().layout(true, true);
    }

    private static Secret readKeyFile(Path file) throws TokenException {
        try {
            return AccessKey.readHexFile(file);
        } catch (IllegalArgumentException | java.io.IOException e) {
            throw new TokenException(KEY_FILE_UNUSABLE, NLS.bind(Messages.program_keyFileUnusable, file.getFileName(), e.getMessage()));
        }
    }

    /** The key file shown, with the warning when the vendor's published key would be used (tests, screenshots). */
    public String keyFileText() {
        return keyFileName.getText() + (publishedKeyWarning.getVisible() ? " | " + publishedKeyWarning.getText() : "");
    }

    private String explain(TokenException e) {
        return diagnostics.get().map(registry -> registry.render(e)).orElseGet(() -> DiagnosticsRegistry.plain(e));
    }

    private void setStatus(String text) {
        if (!status.isDisposed()) {
            status.setText(text);
            Composite form = status.getParent().getParent();
            form.layout(true, true);
            ((ScrolledComposite) form.getParent()).setMinSize(form.computeSize(Math.max(420, form.getParent().getClientArea().width), SWT.DEFAULT));
        }
    }

    private static Group group(Composite parent, String title) {
        Group group = new Group(parent, SWT.NONE);
        group.setText(title);
        GridLayoutFactory.swtDefaults().numColumns(2).applyTo(group);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(group);
        return group;
    }

    private static Label field(Composite parent, String name) {
        new Label(parent, SWT.NONE).setText(name);
        Label value = new Label(parent, SWT.WRAP);
        GridDataFactory.fillDefaults().grab(true, false).hint(200, SWT.DEFAULT).applyTo(value);
        return value;
    }

    @Override
    public void setFocus() {
        keyText.setFocus();
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
