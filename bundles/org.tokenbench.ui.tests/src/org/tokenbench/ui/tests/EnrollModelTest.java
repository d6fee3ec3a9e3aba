package org.tokenbench.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;

import org.eclipse.swt.dnd.Clipboard;
import org.eclipse.swt.dnd.TextTransfer;
import org.eclipse.swt.dnd.Transfer;
import org.eclipse.swt.widgets.Display;
import org.eclipse.osgi.util.NLS;
import org.junit.jupiter.api.Test;
import org.tokenbench.core.TokenException;
import org.tokenbench.otp.OtpAccount;
import org.tokenbench.otp.OtpAuthUri;
import org.tokenbench.otp.OtpGenerator;
import org.tokenbench.otp.Verifier;
import org.tokenbench.ui.internal.model.EnrollModel;
import org.tokenbench.ui.internal.model.Messages;
import org.tokenbench.ui.internal.views.CopiedSecret;

/** Enrolment's rules without a display: binding, replay, backup and restore through the CLI's KeyBackup, the clipboard rule. */
class EnrollModelTest {

    private static final String PASSPHRASE = "caf\u00e9 au lait, sans sucre";

    @Test
    void aNewKeyIsBoundOnceByTheAppsCode() throws Exception {
        try (EnrollModel model = new EnrollModel()) {
            assertFalse(model.verify("123456", 0).accepted());
            assertEquals(Messages.enroll_newFirst, model.message());
            model.newKey(" Example ", "alice@example.com");
            assertTrue(model.modules().orElseThrow().getWidth() >= 21);
            long now = Instant.now().getEpochSecond();
            String code = phoneCode(model, now);
            assertEquals(Verifier.Outcome.MALFORMED, model.verify("12", now).outcome());
            assertEquals(NLS.bind(Messages.enroll_digits, 6), model.message());
            assertTrue(model.verify(code, now).accepted());
            assertEquals(Messages.enroll_bound, model.message());
            assertEquals(Verifier.Outcome.REPLAYED, model.verify(code, now).outcome());
            assertEquals("Example:alice@example.com", model.label());
            assertEquals("Example.tbkey", model.backupFileName());
        }
    }

    @Test
    void aBackupRestoresTheSameKeyWithTheNfcEquivalentPassphraseAndWipesIt() throws Exception {
        String backup;
        String uri;
        try (EnrollModel model = new EnrollModel()) {
            model.newKey("Cloud", "ops");
            uri = model.uri().orElseThrow();
            char[] passphrase = PASSPHRASE.toCharArray();
            backup = model.seal(passphrase);
            assertTrue(new String(passphrase).chars().allMatch(c -> c == 0), "the passphrase is wiped after sealing");
            assertTrue(backup.startsWith("TokenBench key backup v2\n"), backup);
        }
        try (EnrollModel restored = new EnrollModel()) {
            char[] wrong = "not the passphrase at all".toCharArray();
            assertThrows(TokenException.class, () -> restored.restore(backup, wrong));
            assertTrue(new String(wrong).chars().allMatch(c -> c == 0), "a refused passphrase is wiped too");
            assertFalse(restored.hasKey(), "a refused restore leaves no key");
            // "é" typed as e + combining acute opens what was sealed with the precomposed é (NFC, as the CLI does)
            char[] decomposed = "  cafe\u0301 au lait, sans sucre\n".toCharArray();
            assertEquals("Cloud (ops)", restored.restore(backup, decomposed));
            assertTrue(new String(decomposed).chars().allMatch(c -> c == 0));
            assertEquals(uri, restored.uri().orElseThrow(), "the restored key is the sealed one");
            assertEquals(NLS.bind(Messages.enroll_restored, "Cloud (ops)"), restored.message());
            assertTrue(restored.modules().isPresent(), "its QR code can be scanned again");
        }
    }

    /** The real clearing rule on the real clipboard: the copied URI goes, what the user copied since stays. */
    @Test
    void theClipboardIsClearedOnlyIfItStillHoldsTheCopiedUri() {
        String copied = "otpauth://totp/Cloud:ops?secret=GEZDGNBVGY3TQOJQ&issuer=Cloud";
        Display display = Display.getCurrent();
        AtomicBoolean timerCleared = new AtomicBoolean();
        CopiedSecret.copy(display, copied, Duration.ofMillis(200), () -> timerCleared.set(true));
        assertEquals(copied, clipboardText(display));
        DisplayWait.until(timerCleared::get, 5);
        assertFalse(copied.equals(clipboardText(display)), "the URI left the clipboard when its time was up");

        CopiedSecret.copy(display, copied, Duration.ofMinutes(5), () -> {
        });
        setClipboardText(display, "something the user copied since");
        assertFalse(CopiedSecret.clearIfStillThere(display, copied));
        assertEquals("something the user copied since", clipboardText(display), "the user's own copy stays");
        setClipboardText(display, copied);
        assertTrue(CopiedSecret.clearIfStillThere(display, copied));
        assertFalse(copied.equals(clipboardText(display)));
        assertEquals(30, EnrollModel.CLIPBOARD_LIFETIME.toSeconds());
    }

    /** A restore that ends after the view closed keeps no key: nobody would close it. */
    @Test
    void aRestoreFinishingAfterTheViewClosedKeepsNoKey() throws Exception {
        String backup;
        try (EnrollModel model = new EnrollModel()) {
            model.newKey("Cloud", "ops");
            backup = model.seal(PASSPHRASE.toCharArray());
        }
        EnrollModel closed = new EnrollModel();
        closed.close();
        closed.restore(backup, PASSPHRASE.toCharArray());
        assertFalse(closed.hasKey(), "the restored key was closed, not installed in a closed model");
        assertTrue(closed.uri().isEmpty());
    }

    private static String clipboardText(Display display) {
        Clipboard clipboard = new Clipboard(display);
        try {
            return (String) clipboard.getContents(TextTransfer.getInstance());
        } finally {
            clipboard.dispose();
        }
    }

    private static void setClipboardText(Display display, String text) {
        Clipboard clipboard = new Clipboard(display);
        try {
            clipboard.setContents(new Object[] {text}, new Transfer[] {TextTransfer.getInstance()});
        } finally {
            clipboard.dispose();
        }
    }

    private static String phoneCode(EnrollModel model, long now) throws Exception {
        try (OtpAccount phone = OtpAuthUri.parse(model.uri().orElseThrow());
             OtpGenerator generator = OtpGenerator.open(phone.secret(), phone.params())) {
            return generator.codeFor(phone.params().stepAt(now));
        }
    }
}
