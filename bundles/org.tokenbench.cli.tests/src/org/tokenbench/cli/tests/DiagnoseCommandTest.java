package org.tokenbench.cli.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DiagnoseCommandTest {

    @Test
    void explainsAConsoleCodePastedAlone() {
        CliRun run = CliRun.of("diagnose", "0x21220003");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().startsWith("Certificate not found [guomi.console:0x21220003]"), run.out());
        assertTrue(run.out().contains("What to do: Attach the key's certificate"), run.out());
    }

    @Test
    void aBareStatusWordIsExplainedForEveryFamilyThatUsesIt() {
        CliRun run = CliRun.of("diagnose", "6982");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("[iso7816:0x6982]") && run.out().contains("[safeid:0x6982]") && run.out().contains("[ykoath:0x6982]"), run.out());
    }

    @Test
    void namespaceQualifiedAndJson() {
        CliRun run = CliRun.of("diagnose", "skf:0x0A000024", "--json");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().startsWith("{\"namespace\": \"skf\", \"code\": \"0x0A000024\", \"title\": \"Wrong PIN (SAR_PIN_INCORRECT)\""), run.out());
    }

    @Test
    void unknownCodesExitOneAndSuggestTheClosest() {
        CliRun run = CliRun.of("diagnose", "0x21220004");
        assertEquals(1, run.exitCode());
        assertEquals("", run.out());
        assertTrue(run.err().contains("closest known codes:" + System.lineSeparator() + "  guomi.console:0x21220003  Certificate not found"), run.err());
        assertEquals(2, CliRun.of("diagnose", "not-hex").exitCode());
    }

    @Test
    void listsANamespace() {
        CliRun run = CliRun.of("diagnose", "--list", "skf");
        assertEquals(0, run.exitCode(), run.err());
        assertEquals(51, run.out().lines().count());
        assertTrue(run.out().contains("skf:0x0A000023\tDevice removed (SAR_DEVICE_REMOVED)"), run.out());
        assertEquals(1, CliRun.of("diagnose", "--list", "nope").exitCode());
    }

    @Test
    void failuresOfOtherCommandsAreExplainedThroughTheCatalogs() {
        CliRun run = CliRun.withStdin("otpauth://totp/x?secret=JBSWY31PEHPK3PXP", "otp", "code", "--uri-file", "-");
        assertEquals(3, run.exitCode());
        assertTrue(run.err().startsWith("tokenbench otp code: The key is not valid Base32 [otp:0x0004]"), run.err());
        assertTrue(run.err().contains("What to do: Compare the key character by character"), run.err());
        assertTrue(run.err().contains("Detail: secret: the character at position 7 is not Base32"), run.err());
    }
}
