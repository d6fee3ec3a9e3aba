package org.tokenbench.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;

import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tokenbench.otp.KeyBackup;
import org.tokenbench.otp.OtpAccount;
import org.tokenbench.otp.OtpAuthUri;
import org.tokenbench.otp.OtpGenerator;
import org.tokenbench.ui.internal.jobs.Screenshots;
import org.tokenbench.ui.internal.views.EnrollView;

/** Seed 002: a new key, its QR code, a code from the "phone" to bind, and no replay of that code. */
class EnrollViewTest {

    @TempDir
    Path dir;

    @Test
    void aNewKeyIsBoundWithTheAppsCodeAndTheCodeCannotBeReplayed() throws Exception {
        IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
        EnrollView view = (EnrollView) page.showView(EnrollView.ID);
        view.setAccount("alice@example.com");
        view.newKey();
        assertTrue(view.qrModules() >= 21, "no QR code drawn");

        // The phone app: it scanned the same URI, so it computes the same code.
        String code;
        try (OtpAccount phone = OtpAuthUri.parse(view.currentUriForTests());
             OtpGenerator generator = OtpGenerator.open(phone.secret(), phone.params())) {
            assertEquals("alice@example.com", phone.params().account());
            code = generator.codeFor(phone.params().stepAt(Instant.now().getEpochSecond()));
        }
        view.typeCode(code.equals("000000") ? "999999" : "000000");
        assertFalse(view.verify(), view.resultText());
        view.typeCode(code);
        assertTrue(view.verify(), view.resultText());
        assertTrue(view.resultText().startsWith("Bound"), view.resultText());
        assertFalse(view.verify(), "the same code twice must be refused");
        assertTrue(view.resultText().contains("already used"), view.resultText());
        Screenshots.save(page.getWorkbenchWindow().getShell(), 1280, 800, "enroll-1280x800.png");

        Path backup = dir.resolve("alice.tbkey");
        view.saveBackup(backup, "a passphrase long enough".toCharArray());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(backup)));
        try (OtpAccount restored = KeyBackup.open(Files.readString(backup), "a passphrase long enough".toCharArray());
             OtpAccount phone = OtpAuthUri.parse(view.currentUriForTests())) {
            assertTrue(restored.secret().sameAs(phone.secret()), "the backup holds the enrolled key");
        }
    }
}
