package org.tokenbench.cli.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.tokenbench.otp.Base32;
import org.tokenbench.testing.OtpVectors;

/** `tokenbench otp …` end to end through the command-line tool, secrets on stdin or in files. */
class OtpCommandTest {

    private static final String SEED20_HEX = "3132333435363738393031323334353637383930";
    private static final String SEED20_BASE32 = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";

    @ParameterizedTest(name = "otp code --algorithm {1} --time {0} = {2}")
    @MethodSource("org.tokenbench.testing.OtpVectors#rfc6238")
    void rfc6238VectorsThroughTheCommand(long time, String algorithm, String expected) {
        String seed = new String(Base32.encode(OtpVectors.seedFor(algorithm).getBytes(StandardCharsets.US_ASCII)));
        CliRun run = CliRun.withStdin(seed + "\n", "otp", "code", "--secret-file", "-", "--algorithm", algorithm,
                "--digits", "8", "--time", Long.toString(time));
        assertEquals(0, run.exitCode(), run.err());
        assertEquals(expected + System.lineSeparator(), run.out());
    }

    @ParameterizedTest(name = "HOTP counter {0} = {1}")
    @MethodSource("org.tokenbench.testing.OtpVectors#rfc4226")
    void rfc4226VectorsThroughTheCommandWithAHexKey(long counter, String expected) {
        CliRun run = CliRun.withStdin(SEED20_HEX, "otp", "code", "--secret-file", "-", "--secret-encoding", "hex", "--counter", Long.toString(counter));
        assertEquals(0, run.exitCode(), run.err());
        assertEquals(expected, run.out().strip());
    }

    @Test
    void uriFileAndJson(@TempDir Path dir) throws Exception {
        Path uri = dir.resolve("key.uri");
        Files.writeString(uri, "otpauth://totp/ACME:ops?secret=" + SEED20_BASE32 + "&digits=8\n");
        CliRun run = CliRun.of("otp", "code", "--uri-file", uri.toString(), "--time", "59", "--json");
        assertEquals(0, run.exitCode(), run.err());
        assertEquals("{\"code\": \"94287082\", \"step\": 1, \"validForSeconds\": 1}", run.out().strip());

        CliRun mixed = CliRun.of("otp", "code", "--uri-file", uri.toString(), "--digits", "6");
        assertEquals(2, mixed.exitCode());
        assertTrue(mixed.err().contains("comes from the URI"), mixed.err());
    }

    @Test
    void verifyExitCodesAndOffset() throws Exception {
        java.nio.file.Files.deleteIfExists(org.tokenbench.core.TokenBenchHome.directory().resolve("used-codes.properties"));
        CliRun ok = CliRun.withStdin(SEED20_BASE32, "otp", "verify", "--secret-file", "-", "--digits", "8", "--time", "89", "--code", "94287082");
        assertEquals(0, ok.exitCode(), ok.err());
        assertEquals("-1", ok.out().strip(), "the code of step 1 checked at step 2 is one step behind");

        // Another run, the same code: a replay, whatever process checked it first.
        CliRun again = CliRun.withStdin(SEED20_BASE32, "otp", "verify", "--secret-file", "-", "--digits", "8", "--time", "89", "--code", "94287082");
        assertEquals(1, again.exitCode(), again.out());
        assertTrue(again.err().startsWith("replayed"), again.err());
        String record = java.nio.file.Files.readString(org.tokenbench.core.TokenBenchHome.directory().resolve("used-codes.properties"));
        assertFalse(record.contains(SEED20_BASE32) || record.contains("94287082"), "neither the key nor the code is stored: " + record);

        CliRun wide = CliRun.withStdin(SEED20_BASE32, "otp", "verify", "--secret-file", "-", "--digits", "8", "--time", "89", "--code", "00000000",
                "--window", "5");
        assertTrue(wide.err().contains("warning: a window of 5 steps accepts codes up to 150 s old or early"), wide.err());

        CliRun bad = CliRun.withStdin(SEED20_BASE32, "otp", "verify", "--secret-file", "-", "--digits", "8", "--time", "200", "--code", "94287082");
        assertEquals(1, bad.exitCode());
        assertTrue(bad.err().startsWith("invalid"), bad.err());

        CliRun malformed = CliRun.withStdin(SEED20_BASE32, "otp", "verify", "--secret-file", "-", "--code", "12");
        assertEquals(1, malformed.exitCode());
        assertTrue(malformed.err().startsWith("malformed"), malformed.err());
    }

    @Test
    void newMakesAUriThatExplainAccepts(@TempDir Path dir) throws Exception {
        CliRun created = CliRun.of("otp", "new", "--issuer", "Example Cloud", "--account", "root@example.com");
        assertEquals(0, created.exitCode(), created.err());
        String uri = created.out().strip();
        assertTrue(uri.startsWith("otpauth://totp/Example%20Cloud:root%40example.com?secret="), uri);

        Path file = dir.resolve("new.uri");
        Files.writeString(file, uri);
        CliRun explained = CliRun.of("otp", "explain", "--uri-file", file.toString());
        assertEquals(0, explained.exitCode(), explained.err());
        assertTrue(explained.out().contains("issuer: Example Cloud"), explained.out());
        assertTrue(explained.out().contains("secret: 20 bytes (160 bits)"), explained.out());
        String secret = uri.substring(uri.indexOf("secret=") + 7, uri.indexOf('&'));
        assertFalse(explained.out().contains(secret.substring(0, 8)), "explain must never print the key");
    }

    @Test
    void explainSaysExactlyWhatIsWrong() {
        CliRun run = CliRun.withStdin("otpauth://totp/x?secret=JBSWY31PEHPK3PXP", "otp", "explain", "--uri-file", "-");
        assertEquals(1, run.exitCode());
        assertEquals("invalid: secret: the character at position 7 is not Base32 (letters A-Z and digits 2-7 only; 0, 1 and 8 are often mistyped for O, I or L, and B)",
                run.out().strip());

        CliRun json = CliRun.withStdin("https://example.com", "otp", "explain", "--uri-file", "-", "--json");
        assertEquals(1, json.exitCode());
        assertTrue(json.out().contains("\"problem\": \"WRONG_SCHEME\""), json.out());
        assertTrue(json.out().contains("\"code\": \"otp:0x0001\""), json.out());
    }

    @Test
    void secretsAreNeverTakenFromArguments() {
        CliRun run = CliRun.of("otp", "code", "--secret", SEED20_BASE32);
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("unknown option --secret"), run.err());
        assertFalse(run.err().contains(SEED20_BASE32));
    }

    @Test
    void missingFileIsAFailureNamingItsOption() {
        CliRun run = CliRun.of("otp", "code", "--secret-file", "/nonexistent/key.txt");
        assertEquals(3, run.exitCode());
        assertTrue(run.err().contains("the file given to --secret-file does not exist"), run.err());
    }

    /** Keys in forms the key check does not know, and passphrases, typed where a file name goes are not repeated. */
    @Test
    void aMissingFileNamedLikeASecretIsNotEchoed() {
        for (String typed : new String[] { "JBSW-Y3DP-EHPK-3PXP", "12345678901234567890" }) {
            CliRun run = CliRun.of("otp", "code", "--secret-file", typed);
            assertEquals(3, run.exitCode(), run.err());
            assertTrue(run.err().contains("the name is not repeated"), run.err());
            assertFalse(run.out().contains(typed) || run.err().contains(typed), run.err());
        }
    }
}
