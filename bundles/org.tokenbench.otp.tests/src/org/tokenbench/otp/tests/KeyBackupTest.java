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
        assertTrue(backup.startsWith("TokenBench key backup v2\nkdf=scrypt N=131072 r=8 p=1\n"), backup);
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

    /** A file that asks for 2^24 x 16 x 128 bytes of scrypt memory is refused before any is allocated. */
    @Test
    void aHeaderAskingForHugeScryptCostsIsRefusedBeforeDeriving() throws Exception {
        String backup;
        try (OtpAccount account = OtpAuthUri.parse(URI)) {
            backup = KeyBackup.seal(account, PASSPHRASE.toCharArray());
        }
        for (String kdf : new String[] {"scrypt N=16777216 r=16 p=1", "scrypt N=1048576 r=8 p=1", "scrypt N=100000 r=8 p=1", "scrypt N=1024 r=8 p=1", "argon2 t=1"}) {
            String crafted = backup.replace("kdf=scrypt N=131072 r=8 p=1", "kdf=" + kdf);
            OtpException e = assertThrows(OtpException.class, () -> KeyBackup.open(crafted, PASSPHRASE.toCharArray()), kdf);
            assertEquals(OtpProblem.BACKUP_MALFORMED, e.problem(), kdf);
        }
    }

    /** The same passphrase, typed with a precomposed or a combining accent and stray spaces, opens the backup. */
    @Test
    void passphrasesAreTrimmedAndNormalised() throws Exception {
        String backup;
        try (OtpAccount account = OtpAuthUri.parse(URI)) {
            backup = KeyBackup.seal(account, "caf\u00e9 au lait, sans sucre".toCharArray());
        }
        try (OtpAccount restored = KeyBackup.open(backup, "  cafe\u0301 au lait, sans sucre\n".toCharArray())) {
            assertEquals("Cloud (ops)", restored.displayName());
        }
    }

    /** A version 1 file (scrypt N=2^15, the passphrase as given), written here the way v1 wrote it, still opens. */
    @Test
    void aVersionOneBackupStillOpens() throws Exception {
        byte[] salt = new byte[16];
        byte[] nonce = new byte[12];
        java.util.Arrays.fill(salt, (byte) 7);
        java.util.Arrays.fill(nonce, (byte) 9);
        java.util.Base64.Encoder b64 = java.util.Base64.getEncoder();
        String header = "TokenBench key backup v1\nkdf=scrypt N=32768 r=8 p=1\nsalt=" + b64.encodeToString(salt) + "\nnonce="
                + b64.encodeToString(nonce) + "\n";
        byte[] key = org.bouncycastle.crypto.generators.SCrypt.generate(PASSPHRASE.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                salt, 1 << 15, 8, 1, 32);
        javax.crypto.Cipher gcm = javax.crypto.Cipher.getInstance("AES/GCM/NoPadding");
        gcm.init(javax.crypto.Cipher.ENCRYPT_MODE, new javax.crypto.spec.SecretKeySpec(key, "AES"),
                new javax.crypto.spec.GCMParameterSpec(128, nonce));
        gcm.updateAAD(header.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        String v1 = header + "data=" + b64.encodeToString(gcm.doFinal(URI.getBytes(java.nio.charset.StandardCharsets.UTF_8))) + "\n";
        try (OtpAccount restored = KeyBackup.open(v1, PASSPHRASE.toCharArray()); OtpAccount original = OtpAuthUri.parse(URI)) {
            assertTrue(restored.secret().sameAs(original.secret()));
        }
    }
}
