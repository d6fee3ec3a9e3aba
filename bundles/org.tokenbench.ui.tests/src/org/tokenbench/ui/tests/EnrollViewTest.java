package org.tokenbench.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tokenbench.ui.internal.model.Messages.enroll_bound;
import static org.tokenbench.ui.internal.model.Messages.enroll_boundOff;
import static org.tokenbench.ui.internal.model.Messages.enroll_mismatch;
import static org.tokenbench.ui.internal.model.Messages.enroll_replayed;
import static org.tokenbench.ui.internal.model.Messages.enroll_restored;
import static org.tokenbench.ui.internal.model.Messages.enroll_scan;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;

import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;

import org.eclipse.swt.dnd.Clipboard;
import org.eclipse.swt.dnd.TextTransfer;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tokenbench.otp.KeyBackup;
import org.tokenbench.otp.OtpException;
import org.tokenbench.otp.OtpAccount;
import org.tokenbench.otp.OtpAuthUri;
import org.tokenbench.otp.OtpGenerator;
import org.tokenbench.ui.internal.jobs.Screenshots;
import org.tokenbench.ui.internal.views.EnrollView;
import org.tokenbench.ui.internal.views.FileDialogs;
import org.tokenbench.ui.internal.views.Messages;

/**
 * Enrolment in the workbench through its real widgets: a new key, Copy URI (the test reads the clipboard as the phone
 * app would scan the code), a wrong and a right code, a replay, and the clipboard cleared 30 s after the copy.
 */
class EnrollViewTest {

    private static final String BACKED_UP = "otpauth://totp/Example:dave@example.com?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=Example";
    private static final String PASSPHRASE = "correct horse battery staple";

    @TempDir
    Path dir;

    @Test
    void aNewKeyIsBoundWithTheAppsCodeAndItsCopiedUriLeavesTheClipboard() throws Exception {
        IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
        page.showView(EnrollView.ID);
        Control root = page.getWorkbenchWindow().getShell();
        WidgetFinder.find(root, "enroll.account", Text.class).setText("alice@example.com");
        WidgetFinder.click(root, "enroll.newKey");
        Label result = WidgetFinder.find(root, "enroll.result", Label.class);
        assertEquals(enroll_scan, result.getText());

        WidgetFinder.click(root, "enroll.copyUri");
        long copiedAt = System.nanoTime();
        Clipboard clipboard = new Clipboard(root.getDisplay());
        String uri = (String) clipboard.getContents(TextTransfer.getInstance());
        String code;
        try (OtpAccount phone = OtpAuthUri.parse(uri); OtpGenerator generator = OtpGenerator.open(phone.secret(), phone.params())) {
            assertEquals("alice@example.com", phone.params().account());
            code = generator.codeFor(phone.params().stepAt(Instant.now().getEpochSecond()));
        }
        Text typed = WidgetFinder.find(root, "enroll.code", Text.class);
        typed.setText(code.equals("000000") ? "999999" : "000000");
        WidgetFinder.click(root, "enroll.verify");
        assertEquals(enroll_mismatch, result.getText());
        typed.setText(code);
        WidgetFinder.click(root, "enroll.verify");
        assertTrue(result.getText().equals(enroll_bound) || MessageTemplates.matches(enroll_boundOff, result.getText()), result.getText());
        WidgetFinder.click(root, "enroll.verify");
        assertEquals(enroll_replayed, result.getText());
        Screenshots.save(page.getWorkbenchWindow().getShell(), 1280, 800, ScreenshotNames.of("enroll-1280x800.png"));

        DisplayWait.until(() -> System.nanoTime() - copiedAt > 31_000_000_000L, 40);
        DisplayWait.until(() -> result.getText().equals(Messages.enroll_cleared), 5, result::getText);
        Object now = clipboard.getContents(TextTransfer.getInstance());
        assertTrue(now == null || !now.equals(uri), "the key left the clipboard");
        clipboard.dispose();
    }

    /**
     * Restore from backup… with a backup the CLI's {@link KeyBackup} wrote: the file dialog answered, the passphrase typed
     * into the real masked dialog. A cancelled file choice or passphrase changes nothing; a wrong passphrase says so
     * and the key being enrolled stays; the right one makes the backup's key the enrolled one.
     */
    @Test
    void restoreFromBackupOpensTheCliBackupWithTheRightPassphraseOnly() throws Exception {
        Path file = dir.resolve("dave.tbkey");
        try (OtpAccount saved = OtpAuthUri.parse(BACKED_UP)) {
            Files.writeString(file, KeyBackup.seal(saved, PASSPHRASE.toCharArray()), StandardCharsets.US_ASCII);
        }
        IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
        page.showView(EnrollView.ID);
        Control root = page.getWorkbenchWindow().getShell();
        Label result = WidgetFinder.find(root, "enroll.result", Label.class);
        UserGestures.type(WidgetFinder.find(root, "enroll.account", Text.class), "erin@example.com");
        WidgetFinder.click(root, "enroll.newKey");
        String enrolled = copiedUri(root);
        String said = result.getText();

        FileDialogs.answerNext(Optional.empty());
        WidgetFinder.click(root, "enroll.restore");
        UserGestures.whenDialogOpens(dialog -> UserGestures.press(dialog, IDialogConstants.CANCEL_ID));
        FileDialogs.answerNext(Optional.of(file));
        WidgetFinder.click(root, "enroll.restore");
        assertEquals(said, result.getText(), "cancelled: nothing happened");
        assertEquals(enrolled, copiedUri(root));

        String wrong = "not the passphrase at all";
        String refused = assertThrows(OtpException.class, () -> KeyBackup.open(Files.readString(file), wrong.toCharArray())).getMessage();
        restore(root, file, wrong);
        DisplayWait.until(() -> result.getText().equals(refused), 15, result::getText);
        assertEquals(enrolled, copiedUri(root), "the key being enrolled is not lost");

        restore(root, file, PASSPHRASE);
        DisplayWait.until(() -> MessageTemplates.matches(enroll_restored, result.getText()), 15, result::getText);
        assertEquals(NLS.bind(enroll_restored, "Example (dave@example.com)"), result.getText());
        Screenshots.save(page.getWorkbenchWindow().getShell(), 1280, 800, ScreenshotNames.of("enroll-restored-1280x800.png"));
        try (OtpAccount restored = OtpAuthUri.parse(copiedUri(root)); OtpAccount original = OtpAuthUri.parse(BACKED_UP);
                OtpGenerator restoredCodes = OtpGenerator.open(restored.secret(), restored.params());
                OtpGenerator originalCodes = OtpGenerator.open(original.secret(), original.params())) {
            assertEquals(originalCodes.codeAt(1_700_000_000L), restoredCodes.codeAt(1_700_000_000L), "the backup's key");
        }
    }

    /** Restore from backup… on {@code file} with {@code passphrase} typed into the masked dialog; waits for the Job. */
    private static void restore(Control root, Path file, String passphrase) {
        FileDialogs.answerNext(Optional.of(file));
        UserGestures.whenDialogOpens(dialog -> {
            Text field = WidgetFinder.find(dialog, "masked.field", Text.class);
            assertTrue((field.getStyle() & SWT.PASSWORD) != 0, "the passphrase is masked");
            UserGestures.type(field, passphrase);
            UserGestures.press(dialog, IDialogConstants.OK_ID);
        });
        WidgetFinder.click(root, "enroll.restore");
        DisplayWait.until(() -> Arrays.stream(Job.getJobManager().find(null)).noneMatch(job -> job.getName().equals(Messages.enroll_restoring)), 15);
    }

    /** Copy URI, read back from the clipboard as a phone app's import would. */
    private static String copiedUri(Control root) {
        WidgetFinder.click(root, "enroll.copyUri");
        Clipboard clipboard = new Clipboard(root.getDisplay());
        try {
            return (String) clipboard.getContents(TextTransfer.getInstance());
        } finally {
            clipboard.dispose();
        }
    }
}
