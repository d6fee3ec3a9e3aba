package org.tokenbench.cli.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * An input that cannot be used is titled by its cause (too large, not a file, late, more than one line), and a missing
 * file given to an option is named by the option, never by what was typed: that may be a passphrase.
 */
class InputFailureTitlesTest {

    @TempDir
    Path dir;

    @AfterEach
    void patienceBack() {
        System.clearProperty("tokenbench.pipePatienceSeconds");
    }

    private static void assertTitled(CliRun run, String title) {
        assertEquals(3, run.exitCode(), run.err());
        String firstLine = run.err().lines().findFirst().orElse("");
        assertTrue(firstLine.contains(title), firstLine);
        assertFalse(firstLine.contains("cannot be read") || run.err().contains("does not exist"), run.err());
        assertEquals("", run.out());
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void anEndlessDeviceAndAHugeFileAreTooLarge() throws Exception {
        CliRun zero = CliRun.of("otp", "code", "--secret-file", "/dev/zero");
        assertTitled(zero, "Input too large [tokenbench:0x0060]");
        assertTrue(zero.err().contains("/dev/zero holds more than 65536 bytes"), zero.err());

        Path huge = Files.write(dir.resolve("huge.txt"), new byte[200_000]);
        CliRun big = CliRun.of("otp", "code", "--secret-file", huge.toString());
        assertTitled(big, "Input too large [tokenbench:0x0060]");
        assertTrue(big.err().contains("huge.txt holds more than"), big.err());
    }

    @Test
    void aFolderIsNotARegularFile() {
        CliRun folder = CliRun.of("otp", "code", "--uri-file", dir.toString());
        assertTitled(folder, "Input is not a regular file [tokenbench:0x0061]");
        assertTrue(folder.err().contains("is a directory"), folder.err());
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void aPipeNobodyWritesTimesOut() throws Exception {
        Path fifo = dir.resolve("nobody-writes");
        assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
        System.setProperty("tokenbench.pipePatienceSeconds", "1");
        long start = System.nanoTime();
        CliRun late = CliRun.of("otp", "code", "--secret-file", fifo.toString());
        assertTitled(late, "Input did not arrive in time [tokenbench:0x0062]");
        assertTrue(late.err().contains("gave no complete input within 1 s"), late.err());
        assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(10), "waited only as long as allowed");
    }

    @Test
    void aSecretFileOfTwoLinesSaysSo() throws Exception {
        Path twoLines = Files.writeString(dir.resolve("passphrase.txt"), "first line\nsecond line\n");
        Path key = Files.writeString(dir.resolve("key.txt"), "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
        CliRun run = CliRun.of("otp", "backup", "--secret-file", key.toString(), "--passphrase-file", twoLines.toString(),
                "--out", dir.resolve("backup.txt").toString());
        assertTitled(run, "A one-line input holds more lines [tokenbench:0x0063]");
        assertFalse(Files.exists(dir.resolve("backup.txt")), "no backup written");
        assertFalse(run.err().contains("first line") || run.err().contains("second line"), "the secret is never shown: " + run.err());
    }

    /** a.b, "my pass.phrase", /x/y: whatever an option's missing file was called, only the option is named. */
    @Test
    void aMissingFileGivenToASecretOptionIsNamedByItsOptionOnly() throws Exception {
        Path key = Files.writeString(dir.resolve("key.txt"), "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
        String[][] runs = {
            { "otp", "code", "--secret-file", "a.b" },
            { "otp", "code", "--uri-file", "correct horse.battery staple" },
            { "otp", "code", "--secret-file", "/nonexistent/pa.ss" },
            { "otp", "restore", "--backup-file", key.toString(), "--passphrase-file", "hunter2.x" },
            { "guomi", "check", "--pin-file", "1234.5678" },
            { "oath", "list", "--reader", "No Such Reader", "--password-file", "s3cr.et" },
            { "seeds", "check", key.toString(), "--password-file", "pass.word" },
        };
        for (String[] args : runs) {
            String typed = args[args.length - 1];
            String option = args[args.length - 2];
            CliRun run = CliRun.of(args);
            assertEquals(3, run.exitCode(), String.join(" ", args) + ": " + run.err());
            assertTrue(run.err().contains("Input file cannot be read [tokenbench:0x0002]"), run.err());
            assertTrue(run.err().contains("the file given to " + option + " does not exist"), run.err());
            assertFalse(run.err().contains(typed) || run.out().contains(typed), "never echoed: " + run.err());
        }
    }
}
