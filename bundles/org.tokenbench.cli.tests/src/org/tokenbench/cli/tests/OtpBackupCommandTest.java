package org.tokenbench.cli.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tokenbench otp backup|restore}: the encrypted key backup of seed 002 from the command line. */
class OtpBackupCommandTest {

    private static final String URI = "otpauth://totp/Cloud:ops?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=Cloud";

    @TempDir
    Path dir;

    @Test
    void backupThenRestoreGivesTheSameUriAndTheFileHidesTheKey() throws Exception {
        Path uri = Files.writeString(dir.resolve("uri"), URI);
        Path passphrase = Files.writeString(dir.resolve("pass"), "four unrelated words here\n");
        Path backup = dir.resolve("cloud.tbkey");
        CliRun sealed = CliRun.of("otp", "backup", "--uri-file", uri.toString(), "--passphrase-file", passphrase.toString(), "--out",
                backup.toString());
        assertEquals(0, sealed.exitCode(), sealed.err());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(backup)));
        assertFalse(Files.readString(backup).contains("GEZDGNBV"));

        CliRun restored = CliRun.of("otp", "restore", "--backup-file", backup.toString(), "--passphrase-file", passphrase.toString());
        assertEquals(0, restored.exitCode(), restored.err());
        assertEquals("otpauth://totp/Cloud:ops?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=Cloud", restored.out().strip()
                .replaceAll("&(algorithm|digits|period)=[^&]*", ""));

        Path wrong = Files.writeString(dir.resolve("wrong"), "four unrelated words there");
        CliRun refused = CliRun.of("otp", "restore", "--backup-file", backup.toString(), "--passphrase-file", wrong.toString());
        assertEquals(3, refused.exitCode());
        assertTrue(refused.err().startsWith("tokenbench otp restore: The key backup cannot be opened [otp:0x0011]"), refused.err());
    }
}
