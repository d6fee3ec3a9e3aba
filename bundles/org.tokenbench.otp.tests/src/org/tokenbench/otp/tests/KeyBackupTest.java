package org.tokenbench.otp.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.tokenbench.otp.KeyBackup;
import org.tokenbench.otp.OtpAccount;
import org.tokenbench.otp.OtpAuthUri;
import org.tokenbench.otp.OtpException;
import org.tokenbench.otp.OtpGenerator;
import org.tokenbench.otp.OtpProblem;

/** The encrypted key backup: round trip, wrong passphrase, tampering, and no key in the file. */
class KeyBackupTest {

    private static final String URI = "otpauth://totp/Cloud:ops?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=Cloud&period=30";
    private static final String PASSPHRASE = "correct horse battery staple";

    @Test
    void aBackupOpensWithItsPassphraseToTheSameKey() throws Exception {
        String backup;
        try (OtpAccount account = OtpAuthUri.parse(URI)) {
            backup = KeyBackup.seal(account, PASSPHRASE.toCharArray());
        }
        assertTrue(backup.startsWith("TokenBench key backup v1\n"), backup);
        assertFalse(backup.contains("GEZDGNBV"), "the key must not be readable in the backup");
        try (OtpAccount restored = KeyBackup.open(backup, PASSPHRASE.toCharArray());
             OtpAccount original = OtpAuthUri.parse(URI);
             OtpGenerator a = OtpGenerator.open(restored.secret(), restored.params());
             OtpGenerator b = OtpGenerator.open(original.secret(), original.params())) {
            assertEquals("Cloud (ops)", restored.displayName());
            assertTrue(restored.secret().sameAs(original.secret()));
            assertEquals(b.codeFor(1), a.codeFor(1));
        }
        try (OtpAccount account = OtpAuthUri.parse(URI)) {
            assertNotEquals(backup, KeyBackup.seal(account, PASSPHRASE.toCharArray()), "a fresh salt and nonce every time");
        }
    }

    @Test
    void aWrongPassphraseAndAChangedFileFailAlike() throws Exception {
        String backup;
        try (OtpAccount account = OtpAuthUri.parse(URI)) {
            backup = KeyBackup.seal(account, PASSPHRASE.toCharArray());
        }
        OtpException wrong = assertThrows(OtpException.class, () -> KeyBackup.open(backup, "correct horse battery stapler".toCharArray()));
        assertEquals(OtpProblem.BACKUP_NOT_OPENED, wrong.problem());
        String data = backup.substring(backup.indexOf("data=") + 5, backup.indexOf("data=") + 9);
        String flipped = backup.replace("data=" + data, "data=" + (data.charAt(0) == 'A' ? 'B' : 'A') + data.substring(1));
        assertEquals(OtpProblem.BACKUP_NOT_OPENED, assertThrows(OtpException.class, () -> KeyBackup.open(flipped, PASSPHRASE.toCharArray())).problem());
        String otherSalt = backup.replaceFirst("salt=.", "salt=Q");
        assertEquals(OtpProblem.BACKUP_NOT_OPENED, assertThrows(OtpException.class, () -> KeyBackup.open(otherSalt, PASSPHRASE.toCharArray())).problem());
        assertEquals(OtpProblem.BACKUP_MALFORMED, assertThrows(OtpException.class, () -> KeyBackup.open(backup.substring(0, 40), PASSPHRASE.toCharArray())).problem());
        assertEquals(OtpProblem.BACKUP_MALFORMED, assertThrows(OtpException.class, () -> KeyBackup.open(URI, PASSPHRASE.toCharArray())).problem());
    }

    @Test
    void aShortPassphraseIsRefused() throws Exception {
        try (OtpAccount account = OtpAuthUri.parse(URI)) {
            OtpException e = assertThrows(OtpException.class, () -> KeyBackup.seal(account, "short".toCharArray()));
            assertEquals(OtpProblem.WEAK_PASSPHRASE, e.problem());
        }
    }
}
