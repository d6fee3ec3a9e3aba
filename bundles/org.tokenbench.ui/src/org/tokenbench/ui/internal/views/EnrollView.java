package org.tokenbench.ui.internal.views;

import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.dnd.Clipboard;
import org.eclipse.swt.dnd.TextTransfer;
import org.eclipse.swt.dnd.Transfer;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.part.ViewPart;
import org.tokenbench.core.PrivateFiles;
import org.tokenbench.core.Secret;
import org.tokenbench.core.TokenException;
import org.tokenbench.core.fleet.AuditEvent;
import org.tokenbench.otp.Enrollment;
import org.tokenbench.otp.KeyBackup;
import org.tokenbench.otp.OtpAuthUri;
import org.tokenbench.otp.OtpParams;
import org.tokenbench.otp.Verifier;
import org.tokenbench.qr.QrEncoder;
import org.tokenbench.ui.internal.jobs.UiInteraction;

import com.google.zxing.common.BitMatrix;

/**
 * TOTP login protection as a cloud console sets it up (seed 002): a fresh key and its QR code for a phone app,
 * a code from the app to prove the binding, and the same key handed to the Program Token view to put on a
 * hardware token as well. The key is held as a {@link Secret} and forgotten when the view closes or a new key
 * is made; the QR code is drawn from the module matrix, never written to a file.
 */
public final class EnrollView extends ViewPart {

    public static final String ID = "org.tokenbench.ui.views.enroll";

    private Text issuer;
    private Text account;
    private Canvas qr;
    private Text code;
    private Label result;
    private Secret secret;
    private OtpParams params;
    private BitMatrix modules;
    private Verifier verifier;
    private final AuditRecorder audit = new AuditRecorder();

    @Override
    public void createPartControl(Composite parent) {
        setPartName("Enroll");
        GridLayoutFactory.swtDefaults().numColumns(3).applyTo(parent);
        new Label(parent, SWT.NONE).setText("Issuer:");
        issuer = new Text(parent, SWT.BORDER);
        issuer.setText("TokenBench");
        GridDataFactory.fillDefaults().grab(true, false).span(2, 1).applyTo(issuer);
        new Label(parent, SWT.NONE).setText("Account:");
        account = new Text(parent, SWT.BORDER);
        account.setMessage("user@example.com");
        GridDataFactory.fillDefaults().grab(true, false).applyTo(account);
        Widgets.button(parent, "New key", this::newKey);

        qr = new Canvas(parent, SWT.BORDER | SWT.DOUBLE_BUFFERED);
        GridDataFactory.fillDefaults().span(3, 1).grab(true, true).hint(220, 220).applyTo(qr);
        qr.addPaintListener(e -> paint(e.gc, qr.getClientArea()));

        new Label(parent, SWT.NONE).setText("Code from the app:");
        code = new Text(parent, SWT.BORDER);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(code);
        Widgets.button(parent, "Verify", this::verify);
        result = new Label(parent, SWT.WRAP);
        GridDataFactory.fillDefaults().span(3, 1).grab(true, false).hint(200, SWT.DEFAULT).applyTo(result);
        Composite actions = new Composite(parent, SWT.NONE);
        GridLayoutFactory.fillDefaults().numColumns(2).applyTo(actions);
        GridDataFactory.fillDefaults().span(3, 1).applyTo(actions);
        Widgets.button(actions, "Put the same key on a token…", this::toToken);
        Widgets.button(actions, "Copy URI", this::copyUri).setToolTipText("Copies the otpauth URI (it holds the key) to the clipboard");
        Widgets.button(actions, "Encrypted backup…", this::backup).setToolTipText("Saves the key sealed with a passphrase (scrypt + AES-256-GCM)");
        result.setText("Make a new key, scan the QR code with the phone app, then type the code it shows.");
    }

    /** A fresh 160-bit key for the issuer and account typed. */
    public void newKey() {
        forget();
        params = OtpParams.totp(issuer.getText().strip(), account.getText().strip());
        secret = Enrollment.newSecret();
        try {
            modules = QrEncoder.modules(OtpAuthUri.format(params, secret));
        } catch (TokenException e) {
            result.setText(e.getMessage());
            return;
        }
        verifier = new Verifier(secret, params, 1);
        code.setText("");
        result.setText("Scan this code with the phone app (Google Authenticator, FreeOTP, …), then type the code it shows.");
        qr.redraw();
    }

    /** Checks a code from the app (±1 step, never the same step twice): the binding is done when it matches. */
    public boolean verify() {
        if (verifier == null) {
            result.setText("Make a new key first.");
            return false;
        }
        Verifier.Result check = verifier.verify(code.getText().strip(), Instant.now().getEpochSecond());
        String label = params.issuer() + ":" + params.account();
        audit.record(check.outcome() == Verifier.Outcome.ACCEPTED ? AuditEvent.succeeded(AuditEvent.ENROL, "", "", "phone app bound to " + label)
                : new AuditEvent(AuditEvent.ENROL, "", "", AuditEvent.Outcome.FAILED, Optional.empty(),
                        "phone app code for " + label + " " + check.outcome().name().toLowerCase(Locale.ROOT)), this::showLater);
        result.setText(switch (check.outcome()) {
            case ACCEPTED -> "Bound: the app's code matches" + (check.stepOffset() == 0 ? "." : " (" + check.stepOffset() + " step off: check the phone's clock).");
            case REPLAYED -> "That code was already used; wait for the next one.";
            case MALFORMED -> "A code is " + params.digits() + " digits.";
            default -> "The code does not match: check that the app scanned this QR code and that the phone's clock is right.";
        });
        return check.accepted();
    }

    public void setAccount(String name) {
        account.setText(name);
    }

    public void typeCode(String value) {
        code.setText(value);
    }

    public String resultText() {
        return result.getText();
    }

    /** The current key's URI, for tests that act as the phone app. Never shown in the view. */
    public String currentUriForTests() {
        return OtpAuthUri.format(params, secret);
    }

    public int qrModules() {
        return modules == null ? 0 : modules.getWidth();
    }

    private void toToken() {
        if (secret == null) {
            result.setText("Make a new key first.");
            return;
        }
        try {
            ProgramTokenView program = (ProgramTokenView) getSite().getPage().showView(ProgramTokenView.ID);
            program.useKey(OtpAuthUri.format(params, secret));
        } catch (PartInitException e) {
            result.setText(e.getMessage());
        }
    }

    private void copyUri() {
        if (secret == null) {
            return;
        }
        Clipboard clipboard = new Clipboard(qr.getDisplay());
        try {
            clipboard.setContents(new Object[] {OtpAuthUri.format(params, secret)}, new Transfer[] {TextTransfer.getInstance()});
        } finally {
            clipboard.dispose();
        }
        result.setText("The URI (with the key) is on the clipboard: paste it where it belongs, then copy something else over it.");
    }

    /** Seals the key with a passphrase typed twice and saves it where the user chooses, readable by the owner only. */
    private void backup() {
        if (secret == null) {
            result.setText("Make a new key first.");
            return;
        }
        char[] first = askPassphrase("Passphrase for the backup (at least " + KeyBackup.MIN_PASSPHRASE + " characters):");
        char[] second = first == null ? null : askPassphrase("The same passphrase again:");
        try {
            if (first == null || second == null) {
                return;
            }
            if (!java.util.Arrays.equals(first, second)) {
                result.setText("The two passphrases differ; nothing was saved.");
                return;
            }
            FileDialog dialog = new FileDialog(qr.getShell(), SWT.SAVE);
            dialog.setFileName((params.issuer().isEmpty() ? "key" : params.issuer().replaceAll("[^A-Za-z0-9._-]", "_")) + ".tbkey");
            dialog.setOverwrite(true);
            String file = dialog.open();
            if (file != null) {
                saveBackup(java.nio.file.Path.of(file), first);
            }
        } finally {
            if (first != null) {
                java.util.Arrays.fill(first, '\0');
            }
            if (second != null) {
                java.util.Arrays.fill(second, '\0');
            }
        }
    }

    /** Writes the sealed key; public for tests, which cannot type into native file dialogs. */
    public void saveBackup(java.nio.file.Path file, char[] passphrase) {
        try {
            PrivateFiles.write(file, KeyBackup.seal(params, secret, passphrase).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            result.setText("Encrypted backup saved to " + file + ". Keep the passphrase apart from it.");
            audit.record(AuditEvent.succeeded(AuditEvent.BACKUP, "", "", params.issuer() + ":" + params.account() + " to " + file), this::showLater);
        } catch (TokenException e) {
            result.setText(e.getMessage());
            audit.record(AuditEvent.failed(AuditEvent.BACKUP, "", "", e.code(), params.issuer() + ":" + params.account() + " to " + file), this::showLater);
        }
    }

    private char[] askPassphrase(String prompt) {
        return UiInteraction.askMasked(qr.getShell(), "Encrypted backup", prompt);
    }

    /** Black modules on white with the standard quiet zone, as large as the canvas allows. */
    private void paint(GC gc, Rectangle area) {
        gc.setBackground(qr.getDisplay().getSystemColor(SWT.COLOR_WHITE));
        gc.fillRectangle(area);
        if (modules == null) {
            return;
        }
        int total = modules.getWidth() + 2 * QrEncoder.QUIET_ZONE;
        int scale = Math.max(1, Math.min(area.width, area.height) / total);
        int x0 = area.x + (area.width - total * scale) / 2 + QrEncoder.QUIET_ZONE * scale;
        int y0 = area.y + (area.height - total * scale) / 2 + QrEncoder.QUIET_ZONE * scale;
        gc.setBackground(qr.getDisplay().getSystemColor(SWT.COLOR_BLACK));
        for (int y = 0; y < modules.getHeight(); y++) {
            for (int x = 0; x < modules.getWidth(); x++) {
                if (modules.get(x, y)) {
                    gc.fillRectangle(x0 + x * scale, y0 + y * scale, scale, scale);
                }
            }
        }
    }

    private void forget() {
        if (verifier != null) {
            verifier.close();
            verifier = null;
        }
        if (secret != null) {
            secret.close();
            secret = null;
        }
        modules = null;
    }

    @Override
    public void setFocus() {
        account.setFocus();
    }

    /** A message from a background thread (the audit log's failure) in the result line. */
    private void showLater(String message) {
        result.getDisplay().asyncExec(() -> {
            if (!result.isDisposed()) {
                result.setText(message);
            }
        });
    }

    @Override
    public void dispose() {
        forget();
        audit.close();
        super.dispose();
    }
}
