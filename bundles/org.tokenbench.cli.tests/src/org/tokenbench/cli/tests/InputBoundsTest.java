package org.tokenbench.cli.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Inputs that never end or come from a pipe: a clear failure with a non-zero exit, or the input itself, never a hang. */
class InputBoundsTest {

    private static final String KEY = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";

    @TempDir
    Path dir;

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void aDeviceThatNeverEndsIsRefusedAtTheSizeLimit() {
        CliRun zero = CliRun.of("otp", "code", "--secret-file", "/dev/zero");
        assertEquals(3, zero.exitCode(), zero.out());
        assertTrue(zero.err().contains("/dev/zero holds more than 65536 bytes: not the expected input"), zero.err());
        assertEquals("", zero.out(), "no code is printed from a failed read");
    }

    /** What a shell's {@code --secret-file <(pass show key)} gives: a pipe, written by another process. */
    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void aPipeWithAWriterIsRead() throws Exception {
        Path fifo = dir.resolve("key-pipe");
        assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
        Thread writer = new Thread(() -> {
            try (OutputStream out = Files.newOutputStream(fifo)) {
                out.write((KEY + "\n").getBytes(StandardCharsets.US_ASCII));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        writer.start();
        CliRun code = CliRun.of("otp", "code", "--secret-file", fifo.toString(), "--time", "59");
        writer.join();
        assertEquals(0, code.exitCode(), code.err());
        assertTrue(code.out().strip().matches("\\d{6}"), code.out());
    }

    @Test
    void aKeyUnderEightyBitsIsRefusedUnlessAllowed() {
        String shortKey = "JBSWY3DPEHPK3PA";  // 75 bits of Base32: 72 bits of key
        CliRun refused = CliRun.withStdin(shortKey, "otp", "code", "--secret-file", "-", "--time", "59");
        assertEquals(3, refused.exitCode(), refused.out());
        assertTrue(refused.err().contains("the key is only 72 bits long") && refused.err().contains("--allow-short-key"), refused.err());
        assertTrue(refused.err().contains("Key too short [otp:0x0013]"), refused.err());
        assertFalse(refused.err().contains(shortKey), "the key is never echoed");
        assertEquals("", refused.out());

        CliRun allowed = CliRun.withStdin(shortKey, "otp", "code", "--secret-file", "-", "--time", "59", "--allow-short-key");
        assertEquals(0, allowed.exitCode(), allowed.err());
        assertTrue(allowed.out().strip().matches("\\d{6}"), allowed.out());
    }

    @Test
    void aTimeBefore1970IsAUsageError() {
        CliRun negative = CliRun.withStdin(KEY, "otp", "code", "--secret-file", "-", "--time", "-30");
        assertEquals(2, negative.exitCode(), negative.out());
        assertTrue(negative.err().contains("must be 0 or more, got -30"), negative.err());
    }
}
