package org.tokenbench.cli.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CommandLineToolTest {

    @Test
    void versionPrintsTheBundleVersionAlone() {
        CliRun run = CliRun.of("version");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().matches("0\\.1\\.0\\.\\S+\\R"), run.out());
    }

    @Test
    void unknownCommandIsAUsageError() {
        CliRun run = CliRun.of("frobnicate");
        assertEquals(2, run.exitCode());
        assertEquals("", run.out());
        assertTrue(run.err().contains("unknown command 'frobnicate'"), run.err());
    }

    @Test
    void misspeltOptionIsRejectedNotIgnored() {
        CliRun run = CliRun.of("drivers", "--jsn");
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("--jsn"), run.err());
    }

    @Test
    void noArgumentsPrintsHelpToStderr() {
        CliRun run = CliRun.of();
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("drivers"), run.err());
    }
}
