package org.tokenbench.ui.internal.views;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;

import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.part.ViewPart;
import org.tokenbench.core.PrivateFiles;
import org.tokenbench.core.TokenException;
import org.tokenbench.core.fleet.AuditEvent;
import org.tokenbench.otp.KeyBackup;
import org.tokenbench.otp.Verifier;
import org.tokenbench.qr.QrEncoder;
import org.tokenbench.ui.internal.commands.TokenBenchCommands;
import org.tokenbench.ui.internal.commands.ViewCommand;
import org.tokenbench.ui.internal.jobs.UiInteraction;
import org.tokenbench.ui.internal.model.EnrollModel;

import com.google.zxing.common.BitMatrix;

/**
 * TOTP login protection as a cloud console sets it up (seed 002): a fresh key (or one restored from a backup) and its
 * QR code for a phone app, a code from the app to prove the binding, and the same key handed to the Program Token view
 * to put on a hardware token as well. The state and rules are an {@link EnrollModel}; this view renders it. The QR code
 * is drawn from the module matrix, never written to a file; a copied URI leaves the clipboard after 30 s.
 */
public final class EnrollView extends ViewPart {

    public static final String ID = "org.tokenbench.ui.views.enroll";

    private final EnrollModel model = new EnrollModel();
    private Text issuer;
    private Text account;
    private Canvas qr;
    private Text code;
    private Label result;
    private final AuditRecorder audit = new AuditRecorder();

    @Override
    public void createPartControl(Composite parent) {
        setPartName(Messages.enroll_title);
        GridLayoutFactory.swtDefaults().numColumns(3).applyTo(parent);
        new Label(parent, SWT.NONE).setText(Messages.enroll_issuer);
        issuer = Widgets.id(new Text(parent, SWT.BORDER), "enroll.issuer");
        issuer.setText("TokenBench");
        GridDataFactory.fillDefaults().grab(true, false).span(2, 1).applyTo(issuer);
        new Label(parent, SWT.NONE).setText(Messages.enroll_account);
        account = Widgets.id(new Text(parent, SWT.BORDER), "enroll.account");
        account.setMessage("user@example.com");
        GridDataFactory.fillDefaults().grab(true, false).applyTo(account);
        Widgets.id(ViewCommand.activate(getSite(), TokenBenchCommands.NEW_KEY, this::newKey).button(parent, Messages.enroll_newKey), "enroll.newKey");

        qr = Widgets.id(new Canvas(parent, SWT.BORDER | SWT.DOUBLE_BUFFERED), "enroll.qr");
        GridDataFactory.fillDefaults().span(3, 1).grab(true, true).hint(220, 220).applyTo(qr);
        qr.addPaintListener(e -> paint(e.gc, qr.getClientArea()));

        new Label(parent, SWT.NONE).setText(Messages.enroll_code);
        code = Widgets.id(new Text(parent, SWT.BORDER), "enroll.code");
        GridDataFactory.fillDefaults().grab(true, false).applyTo(code);
        Widgets.id(ViewCommand.activate(getSite(), TokenBenchCommands.VERIFY_CODE, this::verify).enabledWhen(model::hasKey).button(parent, Messages.enroll_verify), "enroll.verify");
        result = Widgets.id(new Label(parent, SWT.WRAP), "enroll.result");
        GridDataFactory.fillDefaults().span(3, 1).grab(true, false).hint(200, SWT.DEFAULT).applyTo(result);
        Composite actions = new Composite(parent, SWT.NONE);
        GridLayoutFactory.fillDefaults().numColumns(5).applyTo(actions);
        GridDataFactory.fillDefaults().span(3, 1).applyTo(actions);
        Widgets.id(ViewCommand.activate(getSite(), TokenBenchCommands.KEY_TO_TOKEN, this::toToken).enabledWhen(model::hasKey).button(actions, Messages.enroll_toToken), "enroll.toToken");
        Widgets.id(ViewCommand.activate(getSite(), TokenBenchCommands.COPY_URI, this::copyUri).enabledWhen(model::hasKey).button(actions, Messages.enroll_copyUri), "enroll.copyUri").setToolTipText(Messages.enroll_copyUriTip);
        Widgets.id(ViewCommand.activate(getSite(), TokenBenchCommands.BACKUP_KEY, this::backup).enabledWhen(model::hasKey).button(actions, Messages.enroll_backup), "enroll.backup").setToolTipText(Messages.enroll_backupTip);
        Widgets.id(ViewCommand.activate(getSite(), TokenBenchCommands.RESTORE_KEY, this::chooseBackup).button(actions, Messages.enroll_restore), "enroll.restore").setToolTipText(Messages.enroll_restoreTip);
        show();
    }

    /** A fresh 160-bit key for the issuer and account typed. */
    private void newKey() {
        try {
            model.newKey(issuer.getText(), account.getText());
        } catch (TokenException e) {
            model.say(e.getMessage());
        }
        code.setText("");
        show();
    }

    /** Checks a code from the app (±1 step, never the same step twice): the binding is done when it matches. */
    private void verify() {
        boolean hadKey = model.hasKey();
        Verifier.Result check = model.verify(code.getText(), Instant.now().getEpochSecond());
        if (hadKey) {
            String label = model.label();
            audit.record(check.accepted() ? AuditEvent.succeeded(AuditEvent.ENROL, "", "", "phone app bound to " + label)
                    : new AuditEvent(AuditEvent.ENROL, "", "", AuditEvent.Outcome.FAILED, Optional.empty(),
                            "phone app code for " + label + " " + check.outcome().name().toLowerCase(java.util.Locale.ROOT)), this::showLater);
        }
        show();
    }

    private void toToken() {
        if (!model.hasKey()) {
            model.say(org.tokenbench.ui.internal.model.Messages.enroll_newFirst);
            show();
            return;
        }
        try {
            ProgramTokenView program = (ProgramTokenView) getSite().getPage().showView(ProgramTokenView.ID);
            // the key goes over as chars, wiped once the field holds them
            model.uriChars().ifPresent(uri -> {
                try {
                    program.useKey(uri);
                } finally {
                    Arrays.fill(uri, '\0');
                }
            });
        } catch (PartInitException e) {
            model.say(e.getMessage());
            show();
        }
    }

    /** The URI (it holds the key) on the clipboard for {@link EnrollModel#CLIPBOARD_LIFETIME}, then gone if still there. */
    private void copyUri() {
        Optional<String> uri = model.uri();
        if (uri.isEmpty()) {
            return;
        }
        CopiedSecret.copy(qr.getDisplay(), uri.get(), EnrollModel.CLIPBOARD_LIFETIME, () -> {
            if (!result.isDisposed()) {
                model.say(Messages.enroll_cleared);
                show();
            }
        });
        model.say(Messages.enroll_copied);
        show();
    }

    /** Seals the key with a passphrase typed twice and saves it where the user chooses, readable by the owner only. */
    private void backup() {
        if (!model.hasKey()) {
            model.say(org.tokenbench.ui.internal.model.Messages.enroll_newFirst);
            show();
            return;
        }
        char[] first = UiInteraction.askMasked(qr.getShell(), Messages.enroll_backupTitle, NLS.bind(Messages.enroll_passphrase, KeyBackup.MIN_PASSPHRASE));
        char[] second = first == null ? null : UiInteraction.askMasked(qr.getShell(), Messages.enroll_backupTitle, Messages.enroll_passphraseAgain);
        try {
            if (first == null || second == null) {
                return;
            }
            if (!Arrays.equals(first, second)) {
                model.say(Messages.enroll_passphrasesDiffer);
                show();
                return;
            }
            Optional<Path> file = FileDialogs.save(qr.getShell(), Messages.enroll_backupTitle, model.backupFileName());
            if (file.isPresent()) {
                Path target = file.get();
                String label = model.label();
                try {
                    PrivateFiles.write(target, model.seal(first).getBytes(StandardCharsets.US_ASCII));
                    model.say(NLS.bind(Messages.enroll_saved, target));
                    audit.record(AuditEvent.succeeded(AuditEvent.BACKUP, "", "", label + " to " + target), this::showLater);
                } catch (TokenException e) {
                    model.say(e.getMessage());
                    audit.record(AuditEvent.failed(AuditEvent.BACKUP, "", "", e.code(), label + " to " + target), this::showLater);
                }
                show();
            }
        } finally {
            if (first != null) {
                Arrays.fill(first, '\0');
            }
            if (second != null) {
                Arrays.fill(second, '\0');
            }
        }
    }

    /** Restore from backup…: the file, its passphrase, then the key is opened in a Job (scrypt takes about a second). */
    private void chooseBackup() {
        Optional<Path> file = FileDialogs.open(qr.getShell(), Messages.enroll_restoreTitle, "*.tbkey", "*.*");
        if (file.isEmpty()) {
            return;
        }
        char[] passphrase = UiInteraction.askMasked(qr.getShell(), Messages.enroll_restoreTitle, Messages.enroll_passphraseOpen);
        if (passphrase != null) {
            restore(file.get(), passphrase);
        }
    }

    /** Opens {@code file} with {@code passphrase} (wiped) off the display thread and shows the restored key. */
    private void restore(Path file, char[] passphrase) {
        Display display = qr.getDisplay();
        Job job = Job.create(Messages.enroll_restoring, monitor -> {
            char[] backup = null;
            try {
                backup = readText(file);
                String restored = model.restore(new String(backup), passphrase);
                audit.record(AuditEvent.succeeded(AuditEvent.RESTORE, "", "", restored + " from " + file), this::showLater);
                return Status.OK_STATUS;
            } catch (TokenException e) {
                model.say(e.getMessage());
                audit.record(AuditEvent.failed(AuditEvent.RESTORE, "", "", e.code(), "from " + file), this::showLater);
                return Status.error(e.getMessage() + " [" + e.code() + "]");
            } catch (IOException e) {
                model.say(NLS.bind(Messages.enroll_unreadable, e.getMessage()));
                return Status.error(e.getMessage());
            } finally {
                Arrays.fill(passphrase, '\0');
                if (backup != null) {
                    Arrays.fill(backup, '\0');
                }
                Widgets.later(display, this::show);
            }
        });
        job.setUser(true);
        job.setProperty(org.eclipse.ui.progress.IProgressConstants.NO_IMMEDIATE_ERROR_PROMPT_PROPERTY, Boolean.TRUE);
        job.schedule();
    }

    /** A backup is text of a few hundred bytes: anything much larger is not one. */
    private static char[] readText(Path file) throws IOException {
        if (Files.size(file) > 64 * 1024) {
            throw new IOException(file + " is too large to be a key backup");
        }
        byte[] bytes = Files.readAllBytes(file);
        java.nio.CharBuffer decoded = StandardCharsets.US_ASCII.decode(java.nio.ByteBuffer.wrap(bytes));
        try {
            char[] text = new char[decoded.remaining()];
            decoded.get(text);
            return text;
        } finally {
            Arrays.fill(bytes, (byte) 0);
            if (decoded.hasArray()) {
                Arrays.fill(decoded.array(), '\0');
            }
        }
    }

    /** Renders the model: the QR code and the message. */
    private void show() {
        if (result.isDisposed()) {
            return;
        }
        result.setText(model.message());
        result.getParent().layout(true, true);
        qr.redraw();
        ViewCommand.update(getSite());
    }

    /** Black modules on white with the standard quiet zone, as large as the canvas allows. */
    private void paint(GC gc, Rectangle area) {
        gc.setBackground(qr.getDisplay().getSystemColor(SWT.COLOR_WHITE));
        gc.fillRectangle(area);
        Optional<BitMatrix> shown = model.modules();
        if (shown.isEmpty()) {
            return;
        }
        BitMatrix modules = shown.get();
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

    @Override
    public void setFocus() {
        account.setFocus();
    }

    /** A message from a background thread (the audit log's failure) in the result line. */
    private void showLater(String message) {
        model.say(message);
        Display display = result.getDisplay();
        if (!display.isDisposed()) {
            Widgets.later(display, this::show);
        }
    }

    @Override
    public void dispose() {
        model.close();
        audit.close();
        super.dispose();
    }
}
