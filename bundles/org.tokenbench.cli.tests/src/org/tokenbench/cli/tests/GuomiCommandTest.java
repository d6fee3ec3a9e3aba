package org.tokenbench.cli.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tokenbench.testing.skf.SoftSkf;

/** {@code tokenbench guomi …} against the soft SKF library, loaded by path as a vendor library is. */
class GuomiCommandTest {

    private static final String PIN = "24681357";

    @TempDir
    Path dir;

    private SoftSkf key(Map<String, String> provisioning) {
        Map<String, String> all = new java.util.HashMap<>(Map.of("user_pin", PIN, "serial", "CLI-0001"));
        all.putAll(provisioning);
        return SoftSkf.create(SoftSkf.library(), dir.resolve("key"), all);
    }

    @Test
    void checkPrintsEveryStepAndExitsZeroWhenAllPass() throws Exception {
        SoftSkf key = key(Map.of());
        CliRun keys = CliRun.of("guomi", "keys", "--library", key.libraryPath().toString(), "--json");
        assertEquals(0, keys.exitCode(), keys.err());
        assertTrue(keys.out().contains("\"serial\": \"CLI-0001\""), keys.out());

        Path ca = Files.write(dir.resolve("ca.der"), key.caCertificate());
        Path pin = Files.writeString(dir.resolve("pin"), PIN + "\n");
        CliRun check = CliRun.of("guomi", "check", "--library", key.libraryPath().toString(), "--ca-file", ca.toString(), "--pin-file",
                pin.toString());
        assertEquals(0, check.exitCode(), check.out() + check.err());
        assertEquals(10, check.out().lines().filter(l -> l.startsWith("PASSED ")).count(), check.out());
        assertFalse(check.out().contains(PIN), "the PIN is never printed");
        // The checklist's PIN verification went through the platform's guard, so the audit log has it (without the PIN).
        CliRun audit = CliRun.of("audit", "list", "--serial", "CLI-0001");
        assertTrue(audit.out().lines().anyMatch(l -> l.contains("key.pin-verify") && l.contains("succeeded")), audit.out() + audit.err());
        assertFalse(audit.out().contains(PIN), "the PIN is never recorded");
    }

    /** Skipped steps are not a pass: a script must not read "verified" into a check that never saw the CA or the PIN. */
    @Test
    void withoutCaAndPinTheCheckPassesWithUncheckedStepsAndItsOwnExitCode() throws Exception {
        SoftSkf key = key(Map.of());
        CliRun check = CliRun.of("guomi", "check", "--library", key.libraryPath().toString());
        assertEquals(4, check.exitCode(), check.out() + check.err());
        assertTrue(check.out().contains("SKIPPED Certificate valid today and issued by the CA: valid until "), check.out());
        assertTrue(check.err().contains("passed with unchecked steps: Certificate valid today and issued by the CA, Logon signature round trip"),
                check.err());
    }

    /** {@code LANG=zh_CN}: the steps' titles and details in Chinese; {@code --json} keeps its keys, step ids and statuses. */
    @Test
    void underAChineseLocaleTheCheckSpeaksChineseAndItsJsonKeepsTheIds() throws Exception {
        SoftSkf key = key(Map.of());
        Locale before = Locale.getDefault();
        Locale.setDefault(Locale.of("zh", "CN"));
        try {
            CliRun check = CliRun.of("guomi", "check", "--library", key.libraryPath().toString());
            assertEquals(4, check.exitCode(), check.out() + check.err());
            assertTrue(check.out().contains("PASSED  \u56fd\u5bc6U\u76fe\u5df2\u63d2\u5165: "), check.out());
            assertTrue(check.out().contains("SKIPPED \u767b\u5f55\u7b7e\u540d\u5f80\u8fd4\u9a8c\u8bc1: \u672a\u63d0\u4f9bPIN\u7801"), check.out());
            // the key's details are machine-readable here: stable ids and English words in every language
            CliRun keys = CliRun.of("guomi", "keys", "--library", key.libraryPath().toString(), "--json");
            assertEquals(0, keys.exitCode(), keys.err());
            assertTrue(keys.out().contains("\"free space\": \"40960 of 65536 bytes\"") && keys.out().contains("\"manufacturer\": "), keys.out());

            CliRun json = CliRun.of("guomi", "check", "--library", key.libraryPath().toString(), "--json");
            List<String> lines = json.out().lines().toList();
            assertEquals(List.of("library-loads", "functions-exported", "device-present", "device-info", "application", "sm2-container",
                    "certificate", "certificate-valid", "pin-not-locked", "signature"),
                    lines.stream().map(line -> line.replaceFirst("^\\{\"step\": \"([a-z0-9-]+)\".*$", "$1")).toList(), json.out());
            assertTrue(lines.get(0).startsWith("{\"step\": \"library-loads\", \"title\": \"\u5df2\u627e\u5230\u5382\u5546 SKF "
                    + "\u63a5\u53e3\u5e93\u4e14\u53ef\u4ee5\u52a0\u8f7d\", \"status\": \"PASSED\""), lines.get(0));
            assertTrue(lines.get(9).contains("\"status\": \"SKIPPED\"") && lines.get(9).contains("\"code\": \"guomi:0x0011\""), lines.get(9));
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    void aCorruptCertificateIsExplainedAsTheConsoleCodeWithItsRemedy() throws Exception {
        SoftSkf key = key(Map.of());
        CliRun.of("guomi", "keys", "--library", key.libraryPath().toString(), "--json");  // provisions the key
        key.faults("corrupt-cert");
        CliRun check = CliRun.of("guomi", "check", "--library", key.libraryPath().toString());
        assertEquals(1, check.exitCode(), check.out() + check.err());
        assertTrue(check.out().contains("FAILED  Signing certificate present and parseable: the certificate on the key does not parse"), check.out());
        assertTrue(check.out().contains("[guomi.console:0x21210001]"), check.out());
        assertTrue(check.out().contains("What to do: "), check.out());
        assertTrue(check.out().contains("SKIPPED Logon signature round trip: not checked"), check.out());
    }

    @Test
    void pinVerificationReportsTheCounterAndAWrongPinExitsThree() throws Exception {
        SoftSkf key = key(Map.of());
        CliRun info = CliRun.of("guomi", "pin", "--library", key.libraryPath().toString());
        assertEquals("6 of 6 tries left", info.out().strip(), info.err());
        Path wrong = Files.writeString(dir.resolve("wrong"), "00000000");
        CliRun bad = CliRun.of("guomi", "pin", "--library", key.libraryPath().toString(), "--pin-file", wrong.toString());
        assertEquals(3, bad.exitCode());
        assertTrue(bad.err().contains("Wrong PIN (SAR_PIN_INCORRECT) [skf:0x0A000024]"), bad.err());
        assertTrue(bad.err().contains("5 of 6 tries left"), bad.err());
        assertEquals("5", key.state("user_remain"));
    }

    /** A PIN is the first line of standard input; what follows is left for the command's questions, and never tried. */
    @Test
    void aPinFromStandardInputIsItsFirstLineOnlyAndAMultiLineFileSpendsNoTry() throws Exception {
        SoftSkf key = key(Map.of());
        CliRun piped = CliRun.withStdin(PIN + "\nyes\n", "guomi", "pin", "--library", key.libraryPath().toString(), "--pin-file", "-");
        assertEquals(0, piped.exitCode(), piped.err());
        assertTrue(piped.out().startsWith("verified; 6 of 6 tries left"), piped.out());

        Path twoLines = Files.writeString(dir.resolve("pin-and-more"), PIN + "\nyes\n");
        CliRun file = CliRun.of("guomi", "pin", "--library", key.libraryPath().toString(), "--pin-file", twoLines.toString());
        assertEquals(3, file.exitCode(), file.out());
        assertTrue(file.err().contains("holds more than one line; a PIN file holds the PIN alone"), file.err());
        assertEquals("6", key.state("user_remain"), "nothing was tried");
    }

    /** `(echo PIN; yes) | tokenbench guomi pin --pin-file -` must not lock a key: the last try needs a person at a terminal. */
    @Test
    void theLastTryIsNotSpentOnAYesReadFromAPipe() throws Exception {
        SoftSkf key = key(Map.of("user_remain", "1"));
        CliRun piped = CliRun.withStdin("00000000\nyes\nyes\n", "guomi", "pin", "--library", key.libraryPath().toString(), "--pin-file", "-");
        assertEquals(3, piped.exitCode(), piped.out() + piped.err());
        assertTrue(piped.err().contains("the last try needs a \"yes\" typed at a terminal"), piped.err());
        assertTrue(piped.err().contains("[tokenbench:0x0020]"), piped.err());
        assertEquals("1", key.state("user_remain"), "nothing was tried");
    }

    @Test
    void aFamilyIsConfiguredListedAndRemovedAndAnUnknownOneIsSaidWithTheConfiguredOnes() throws Exception {
        String library = SoftSkf.library().toAbsolutePath().toString();
        assertEquals(0, CliRun.of("guomi", "library", "set", "soft-removal", library).exitCode());
        assertTrue(CliRun.of("guomi", "library", "list").out().lines().anyMatch(line -> line.startsWith("soft-removal\t")));
        CliRun removed = CliRun.of("guomi", "library", "remove", "soft-removal");
        assertEquals(0, removed.exitCode(), removed.err());
        assertTrue(CliRun.of("guomi", "library", "list").out().lines().noneMatch(line -> line.startsWith("soft-removal\t")));
        CliRun again = CliRun.of("guomi", "library", "remove", "soft-removal");
        assertEquals(2, again.exitCode());
        assertTrue(again.err().contains("no library is configured for the family 'soft-removal'"), again.err());
        assertTrue(java.nio.file.Files.exists(SoftSkf.library()), "the library file itself stays");
    }

    @Test
    void libraryFamiliesAreRefusedUnlessLoadable() throws Exception {
        CliRun missing = CliRun.of("guomi", "check", "--family", "nobody-configured-this");
        assertEquals(2, missing.exitCode());
        assertTrue(missing.err().contains("guomi library set nobody-configured-this PATH"), missing.err());
        CliRun noCa = CliRun.of("guomi", "check", "--library", SoftSkf.library().toString(), "--ca-file",
                dir.resolve("absent-ca.der").toString());
        assertEquals(3, noCa.exitCode(), noCa.err());
        assertTrue(noCa.err().contains("Input file cannot be read [tokenbench:0x0002]") && noCa.err().contains("the file given to --ca-file does not exist"), noCa.err());
        CliRun none = CliRun.of("guomi", "keys", "--library", dir.resolve("libabsent.so").toString());
        assertEquals(3, none.exitCode());
        assertTrue(none.err().contains("Vendor SKF library not found [guomi:0x0001]"), none.err());
    }
}
