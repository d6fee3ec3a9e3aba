package org.tokenbench.ui.internal.views;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.ScrolledComposite;
import org.eclipse.swt.dnd.Clipboard;
import org.eclipse.swt.dnd.DND;
import org.eclipse.swt.dnd.DropTarget;
import org.eclipse.swt.dnd.DropTargetAdapter;
import org.eclipse.swt.dnd.DropTargetEvent;
import org.eclipse.swt.dnd.FileTransfer;
import org.eclipse.swt.dnd.ImageTransfer;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Group;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.part.ViewPart;
import org.tokenbench.core.TokenException;
import org.tokenbench.core.driver.DriverRegistry;
import org.tokenbench.core.driver.Interaction;
import org.tokenbench.core.driver.TokenClock;
import org.tokenbench.diagnostics.DiagnosticsRegistry;
import org.tokenbench.diagnostics.FailureJournal;
import org.tokenbench.otp.Base32;
import org.tokenbench.otp.OtpAccount;
import org.tokenbench.otp.OtpAuthUri;
import org.tokenbench.otp.OtpException;
import org.tokenbench.otp.OtpGenerator;
import org.tokenbench.otp.OtpParams;
import org.tokenbench.otp.TokenProgrammer;
import org.tokenbench.pcsc.ApduTrace;
import org.tokenbench.pcsc.PcscReaders;
import org.tokenbench.pcsc.ReaderSessions;
import org.tokenbench.qr.FoundCode;
import org.tokenbench.qr.GreyImage;
import org.tokenbench.qr.ImageFiles;
import org.tokenbench.qr.MonitorImage;
import org.tokenbench.qr.QrScanner;
import org.tokenbench.ui.internal.jobs.JobProgress;
import org.tokenbench.ui.internal.preferences.TokenBenchPreferences;
import org.tokenbench.ui.internal.jobs.SwtScreenCapture;
import org.tokenbench.ui.internal.jobs.UiInteraction;

/**
 * Programs a SafeID-class token from a QR code, an image file or a typed key: the parsed fields with a live code
 * to compare with a phone app, the PC clock, the reader, the token's serial and clock, the burn as a Job with
 * progress, and the confirmation with the code the token shows. Device I/O never runs on the display thread.
 */
public final class ProgramTokenView extends ViewPart {

    public static final String ID = "org.tokenbench.ui.views.program";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);
    private static final String[] DISPLAY_SECONDS = {"30", "15", "60", "120"};

    private final QrScanner scanner = new QrScanner();
    private ServiceHandle<DriverRegistry> drivers;
    private ServiceHandle<DiagnosticsRegistry> diagnostics;
    private ServiceHandle<FailureJournal> journal;
    private Interaction interaction;

    private Text keyText;
    private Label issuer;
    private Label account;
    private Label settings;
    private Label liveCode;
    private Label pcClock;
    private Combo readers;
    private Label token;
    private Combo displayTime;
    private Button force;
    private Button burn;
    private Label status;

    private CodeChooser chooser = (codes, imageOf) -> new QrCodePicker(keyText.getShell(), codes, imageOf).choose();
    private OtpAccount parsed;
    private ReaderSessions.Opened opened;

    @Override
    public void createPartControl(Composite view) {
        setPartName("Program Token");
        drivers = new ServiceHandle<>(DriverRegistry.class);
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

        Group key = group(parent, "1. The key (from the service's QR code)");
        Composite sources = new Composite(key, SWT.NONE);
        GridLayoutFactory.fillDefaults().numColumns(3).applyTo(sources);
        GridDataFactory.fillDefaults().span(2, 1).applyTo(sources);
        Widgets.button(sources, "Scan Screen", this::scanScreen).setToolTipText("Find QR codes on every monitor");
        Widgets.button(sources, "Load Image…", this::chooseImage).setToolTipText("…or drop image files on this view");
        Widgets.button(sources, "Paste Image", this::pasteImage).setToolTipText("A screenshot or QR image on the clipboard");
        acceptDroppedFiles(parent);
        Label paste = new Label(key, SWT.WRAP);
        paste.setText("…or paste the otpauth:// URI, or type the Base32 key (shown masked):");
        GridDataFactory.fillDefaults().span(2, 1).grab(true, false).hint(200, SWT.DEFAULT).applyTo(paste);
        keyText = new Text(key, SWT.BORDER | SWT.SINGLE | SWT.PASSWORD);
        GridDataFactory.fillDefaults().grab(true, false).span(2, 1).applyTo(keyText);
        keyText.addModifyListener(e -> parse());
        issuer = field(key, "Issuer:");
        account = field(key, "Account:");
        settings = field(key, "Settings:");
        liveCode = field(key, "Code now:");
        liveCode.setToolTipText("Compare with the phone app holding the same key");

        Group device = group(parent, "2. The token");
        pcClock = field(device, "PC clock:");
        new Label(device, SWT.NONE).setText("Reader:");
        Composite readerRow = new Composite(device, SWT.NONE);
        GridLayoutFactory.fillDefaults().numColumns(3).applyTo(readerRow);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(readerRow);
        readers = new Combo(readerRow, SWT.READ_ONLY);
        GridDataFactory.fillDefaults().grab(true, false).hint(160, SWT.DEFAULT).applyTo(readers);
        Widgets.button(readerRow, "Refresh", this::refreshReaders);
        Widgets.button(readerRow, "Connect", () -> connect());
        token = field(device, "Token:");
        new Label(device, SWT.NONE).setText("Display time (s):");
        displayTime = new Combo(device, SWT.READ_ONLY);
        displayTime.setItems(DISPLAY_SECONDS);
        displayTime.select(Math.max(0, java.util.Arrays.asList(DISPLAY_SECONDS).indexOf(
                TokenBenchPreferences.store().getString(TokenBenchPreferences.DISPLAY_SECONDS))));
        force = new Button(device, SWT.CHECK);
        force.setText("Set the clock even if it is off by over " + TokenBenchPreferences.maxClockSkew().toSeconds() + " s");
        force.setToolTipText("Programming sets the token clock to the PC's. Off by more than 5 minutes usually means the PC clock "
                + "is wrong: check it first. The bound is a preference (Window › Preferences › TokenBench).");
        GridDataFactory.fillDefaults().span(2, 1).applyTo(force);

        Group write = group(parent, "3. Burn and confirm");
        burn = Widgets.button(write, "Burn seed and settings", () -> burn());
        burn.setEnabled(false);
        status = new Label(write, SWT.WRAP);
        GridDataFactory.fillDefaults().grab(true, false).hint(500, SWT.DEFAULT).applyTo(status);

        refreshReaders();
        tick();
    }

    /** Decodes every QR code in an image file; several OTP codes → the user picks one. */
    public void loadImage(Path file) {
        try {
            GreyImage image = ImageFiles.read(file);
            take(scanner.decodeImage(image, file.getFileName().toString()), file.getFileName().toString(), code -> image);
        } catch (TokenException e) {
            setStatus(explain(e));
        }
    }

    /** How the view asks which of several codes to use; tests replace the thumbnail dialog. */
    public interface CodeChooser {
        Optional<FoundCode> choose(List<FoundCode> codes, Function<FoundCode, GreyImage> imageOf);
    }

    public void setCodeChooser(CodeChooser chooser) {
        this.chooser = chooser;
    }

    /** Decodes an image on the clipboard (a screenshot tool's copy, a browser's "Copy image"). */
    public void pasteImage() {
        Clipboard clipboard = new Clipboard(keyText.getDisplay());
        try {
            Object contents = clipboard.getContents(ImageTransfer.getInstance());
            if (!(contents instanceof ImageData data)) {
                setStatus("The clipboard holds no image. Copy the QR code as an image (or take a screenshot to the clipboard) first.");
                return;
            }
            GreyImage image = SwtScreenCapture.grey(data);
            take(scanner.decodeImage(image, "the clipboard"), "the clipboard", code -> image);
        } finally {
            clipboard.dispose();
        }
    }

    /** Image files dropped on the view are decoded in turn; the first that holds an OTP code is used. */
    public void dropFiles(String[] files) {
        for (String file : files) {
            loadImage(Path.of(file));
            if (!keyText.getText().isEmpty()) {
                return;
            }
        }
    }

    private void acceptDroppedFiles(Control target) {
        DropTarget drop = new DropTarget(target, DND.DROP_COPY | DND.DROP_DEFAULT);
        drop.setTransfer(FileTransfer.getInstance());
        drop.addDropListener(new DropTargetAdapter() {
            @Override
            public void dragEnter(DropTargetEvent event) {
                event.detail = DND.DROP_COPY;
            }

            @Override
            public void drop(DropTargetEvent event) {
                if (event.data instanceof String[] files) {
                    dropFiles(files);
                }
            }
        });
    }

    /** Takes a key from elsewhere in the workbench (the Enroll view's "put the same key on a token"). */
    public void useKey(String otpauthUri) {
        keyText.setText(otpauthUri);
        setStatus("Key taken from the Enroll view: connect the token and burn.");
    }

    /** Replaces how the view asks the user (tests script the answers; the default opens dialogs). */
    public void setInteraction(Interaction interaction) {
        this.interaction = interaction;
    }

    public void selectReader(String name) {
        readers.select(readers.indexOf(name));
    }

    public void refreshReaders() {
        String chosen = readers.getText();
        try {
            List<String> names = PcscReaders.names();
            readers.setItems(names.toArray(String[]::new));
            if (names.isEmpty()) {
                setStatus("No smart-card reader is connected. Plug in a PC/SC reader (e.g. HID OMNIKEY 5427 CK).");
            } else {
                readers.select(Math.max(0, names.indexOf(chosen)));
            }
        } catch (TokenException e) {
            readers.setItems(new String[0]);
            setStatus(explain(e) + "\nTokenBench talks to readers through pcscd: sudo apt install pcscd libpcsclite1, then plug the reader in.");
        }
    }

    /** Connects in a Job: probes the card, opens the best driver's session, reads serial and clock. */
    public Job connect() {
        String reader = readers.getText();
        closeSession();
        Display display = readers.getDisplay();
        // APDUs to the Activity view when the preference asks for it; secret bodies are redacted by the transport.
        ApduTrace trace = TokenBenchPreferences.store().getBoolean(TokenBenchPreferences.TRACE_APDUS)
                ? line -> ActivityView.record("APDU", reader, line) : ApduTrace.NONE;
        Job job = Job.create("Connecting to the token on " + reader, monitor -> {
            try {
                ReaderSessions.Opened session = ReaderSessions.open(reader, drivers.get().map(DriverRegistry::drivers).orElse(List.of()),
                        interaction, trace);
                String clock = session.session().feature(TokenClock.class).map(c -> {
                    try {
                        Instant time = c.tokenTime();
                        return ", token time " + TIME.format(time) + " (" + (time.getEpochSecond() - Instant.now().getEpochSecond()) + " s vs PC)";
                    } catch (TokenException e) {
                        return ", token clock unreadable";
                    }
                }).orElse("");
                String text = session.session().identity().family() + ", serial " + session.session().identity().serial() + clock;
                display.asyncExec(() -> {
                    if (token.isDisposed()) {
                        session.close();
                        return;
                    }
                    opened = session;
                    token.setText(text);
                    updateBurnButton();
                    setStatus("Connected. Check the fields, then burn.");
                });
            } catch (TokenException e) {
                journal.get().ifPresent(j -> j.record("Connect to token", e));
                display.asyncExec(() -> setStatus(explain(e)));
            }
        });
        job.setUser(true);
        job.schedule();
        return job;
    }

    /** Burns in a Job (progress and cancel in the Progress view), then asks for the code the token shows. */
    public Job burn() {
        if (opened == null || parsed == null) {
            return null;
        }
        ReaderSessions.Opened session = opened;
        OtpAccount account = parsed;
        int display = Integer.parseInt(displayTime.getText());
        boolean forced = force.getSelection();
        Display swt = burn.getDisplay();
        burn.setEnabled(false);
        Job job = new Job("Programming token " + session.session().identity().serial()) {
            @Override
            protected IStatus run(IProgressMonitor monitor) {
                try {
                    TokenProgrammer.Result result = new TokenProgrammer(Clock.systemUTC(), TokenBenchPreferences.maxClockSkew())
                            .program(session.session(), account, display, forced, interaction, new JobProgress(monitor));
                    ActivityView.record("Program token (" + account.displayName() + ")", result.token().serial(), "programmed and confirmed");
                    swt.asyncExec(() -> setStatus("Token " + result.token().serial() + " programmed and confirmed: its code matches"
                            + (result.confirmedOffset() == 0 ? "." : " (" + result.confirmedOffset() + " step off).")));
                } catch (TokenException e) {
                    journal.get().ifPresent(j -> j.record("Program token", e));
                    ActivityView.record("Program token (" + account.displayName() + ")", session.session().identity().serial(),
                            "failed: " + e.code());
                    swt.asyncExec(() -> setStatus(explain(e)));
                } finally {
                    swt.asyncExec(() -> {
                        if (!burn.isDisposed()) {
                            updateBurnButton();
                        }
                    });
                }
                return Status.OK_STATUS;
            }
        };
        job.setUser(true);
        job.schedule();
        return job;
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

    // ---- internals ----

    /** Captures every monitor on the display thread, decodes in a Job (~0.1 s per 4K frame), then lets the user pick. */
    private void scanScreen() {
        List<MonitorImage> monitors;
        try {
            monitors = new SwtScreenCapture(keyText.getDisplay()).captureAll();
        } catch (TokenException e) {
            setStatus(explain(e));
            return;
        }
        Display display = keyText.getDisplay();
        setStatus("Looking for QR codes on " + monitors.size() + (monitors.size() == 1 ? " monitor…" : " monitors…"));
        Job.create("Looking for QR codes on every monitor", m -> {
            try {
                List<FoundCode> found = scanner.scanScreens(() -> monitors);
                display.asyncExec(() -> take(found, "the screen", code -> monitors.get(code.source().monitor()).image()));
            } catch (TokenException e) {
                display.asyncExec(() -> setStatus(explain(e)));
            }
        }).schedule();
    }

    private void chooseImage() {
        FileDialog dialog = new FileDialog(keyText.getShell(), SWT.OPEN);
        dialog.setFilterExtensions(new String[] {"*.png;*.jpg;*.jpeg;*.gif;*.bmp", "*.*"});
        String file = dialog.open();
        if (file != null) {
            loadImage(Path.of(file));
        }
    }

    private void take(List<FoundCode> found, String where, Function<FoundCode, GreyImage> imageOf) {
        if (keyText.isDisposed()) {
            return;
        }
        List<FoundCode> usable = found.stream().filter(c -> c.classification().kind().isUsable()).toList();
        if (usable.isEmpty()) {
            setStatus(found.isEmpty() ? "No QR code found in " + where + "." : "The QR code in " + where + " is not usable: "
                    + found.get(0).classification().summary());
            return;
        }
        Optional<FoundCode> chosen = usable.size() == 1 ? Optional.of(usable.get(0)) : chooser.choose(usable, imageOf);
        chosen.ifPresent(code -> {
            keyText.setText(code.payload());
            setStatus("Key read from the QR code in " + code.where() + (usable.size() > 1 ? " (" + usable.size() + " codes found)." : "."));
        });
    }

    private void parse() {
        if (parsed != null) {
            parsed.close();
            parsed = null;
        }
        String text = keyText.getText().strip();
        issuer.setText("");
        account.setText("");
        settings.setText("");
        if (text.isEmpty()) {
            updateBurnButton();
            return;
        }
        try {
            parsed = text.regionMatches(true, 0, "otpauth", 0, 7) ? OtpAuthUri.parse(text)
                    : new OtpAccount(OtpParams.totp("", ""), Base32.decode(text), List.of());
            OtpParams p = parsed.params();
            issuer.setText(p.issuer().isEmpty() ? "(none)" : p.issuer());
            account.setText(p.account().isEmpty() ? "(none)" : p.account());
            settings.setText(p.type() + ", " + p.algorithm() + ", " + p.digits() + " digits, " + p.periodSeconds() + " s"
                    + (parsed.warnings().isEmpty() ? "" : " — " + String.join("; ", parsed.warnings())));
            setStatus("");
        } catch (OtpException e) {
            setStatus(explain(e));
        }
        updateBurnButton();
        tick();
    }

    private void updateBurnButton() {
        burn.setEnabled(parsed != null && opened != null);
    }

    /** Once a second: the PC clock and the current code, so the user can compare with a phone and the token. */
    private void tick() {
        if (pcClock.isDisposed()) {
            return;
        }
        long now = Instant.now().getEpochSecond();
        pcClock.setText(TIME.format(Instant.ofEpochSecond(now)));
        if (parsed != null) {
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

    private void closeSession() {
        if (opened != null) {
            opened.close();
            opened = null;
        }
        token.setText("");
        updateBurnButton();
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
        closeSession();
        if (parsed != null) {
            parsed.close();
        }
        drivers.close();
        diagnostics.close();
        journal.close();
        super.dispose();
    }
}
