package org.tokenbench.cli.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the hand-written parser got wrong (issue 19, item 6), tried as a new user would, through the real tool. */
class ParserFixesTest {

    private static final String KEY = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";
    private static final String URI = "otpauth://totp/Cli:carol?secret=" + KEY + "&issuer=Cli";

    @TempDir
    Path dir;

    private static void assertUsageError(CliRun run, String expected) {
        assertEquals(2, run.exitCode(), run.out() + run.err());
        assertTrue(run.err().contains(expected), "expected '" + expected + "' in: " + run.err());
        assertFalse(run.err().contains(KEY) || run.err().contains(KEY.substring(0, 16)), "a key is never echoed: " + run.err());
    }

    @Test
    void strayPositionalWordsAreRefused() throws Exception {
        Path secret = Files.writeString(dir.resolve("f"), KEY);
        assertUsageError(CliRun.of("otp", "code", "--secret-file", secret.toString(), KEY),
                "tokenbench otp code: this looks like a key; secrets are never taken as arguments, use --uri-file - or --secret-file -");
        assertUsageError(CliRun.of("drivers", "foo"), "tokenbench drivers: unexpected argument 'foo'");
        assertUsageError(CliRun.of("otp", "code", "--secret-file", secret.toString(), "extra", "words"), "unexpected argument 'extra' (and 1 more)");
    }

    @Test
    void anEndlessDeviceOrADirectoryGivenAsAFileFailsQuicklyAndNeverWithExitZero() throws Exception {
        CliRun zeros = CliRun.of("otp", "code", "--secret-file", "/dev/zero");
        assertEquals(3, zeros.exitCode(), zeros.err());
        assertTrue(zeros.err().contains("/dev/zero holds more than"), zeros.err());
        CliRun folder = CliRun.of("otp", "code", "--uri-file", dir.toString());
        assertEquals(3, folder.exitCode(), folder.err());
        assertTrue(folder.err().contains("is a directory"), folder.err());
    }

    @Test
    void anOptionNeverTakesTheNextOptionAsItsValue() {
        assertUsageError(CliRun.of("guomi", "check", "--library", "--ca-file", "x"), "--library");
        CliRun unknown = CliRun.of("otp", "code", "--secret-file", "--scret-encoding", "hex");
        assertUsageError(unknown, "Expected parameter for option '--secret-file' but found '--scret-encoding'");
        assertFalse(Files.exists(Path.of("--scret-encoding")));
    }

    @Test
    void invalidValuesAreUsageErrorsNamingTheAllowedOnes() {
        assertUsageError(CliRun.withStdin(KEY, "otp", "code", "--secret-file", "-", "--digits", "5"), "--digits': must be 6 to 10, got 5");
        assertUsageError(CliRun.withStdin(KEY, "otp", "code", "--secret-file", "-", "--period", "0"), "must be 1 to 3600 seconds, got 0");
        assertUsageError(CliRun.withStdin(KEY, "otp", "code", "--secret-file", "-", "--algorithm", "MD5"),
                "'MD5' is not supported: use SHA1, SHA256, SHA512 or SM3");
        assertUsageError(CliRun.withStdin(KEY, "otp", "code", "--secret-file", "-", "--secret-encoding", "base64"), "base32, hex");
        assertUsageError(CliRun.withStdin(KEY, "otp", "verify", "--secret-file", "-", "--code", "123456", "--window", "11"), "0 to 10 steps");
        assertUsageError(CliRun.of("otp", "new", "--issuer", "I", "--account", "A", "--bits", "100"), "128 to 512");
        assertUsageError(CliRun.of("otp", "new", "--issuer", "I", "--account", "A", "--algorithm", "SM3"), "not for phone apps");
        assertUsageError(CliRun.of("qr", "encode", "--uri-file", "u", "--out", "o", "--module", "0"), "1 to 64 pixels");
        assertUsageError(CliRun.of("otp", "code", "--time", KEY), "--time");
    }

    @Test
    void aKeyOrUriWhereAFileNameGoesIsRefusedWithoutEchoingIt() {
        assertUsageError(CliRun.of("otp", "code", "--uri-file", URI),
                "tokenbench otp code: this looks like a key; secrets are never taken as arguments, use --uri-file -");
        assertUsageError(CliRun.of("otp", "code", "--secret-file", KEY), "this looks like a key; secrets are never taken as arguments, use --secret-file -");
        assertUsageError(CliRun.of("otp", "code", "--secret-file=" + KEY.toLowerCase()), "use --secret-file -");
        assertUsageError(CliRun.of("otp", "code", "--secret", KEY), "unknown option --secret");
        assertUsageError(CliRun.of("otp", "code", "--secret=" + KEY), "unknown option --secret");
        assertUsageError(CliRun.of("otp", KEY), "this looks like a key");
    }

    @Test
    void aFileWhoseNameLooksLikeAKeyIsStillRead() throws Exception {
        Path named = Files.writeString(dir.resolve(KEY), KEY);
        CliRun run = CliRun.of("otp", "code", "--secret-file", named.toString(), "--time", "59");
        assertEquals(0, run.exitCode(), run.err());
    }

    @Test
    void onlyOneInputMayComeFromStandardInput() throws Exception {
        assertUsageError(CliRun.withStdin(URI + "\npassphrase", "otp", "backup", "--uri-file", "-", "--passphrase-file", "-", "--out",
                dir.resolve("b").toString()), "only one input can come from standard input (--uri-file and --passphrase-file both say -)");
        assertFalse(Files.exists(dir.resolve("b")));
        assertUsageError(CliRun.of("qr", "decode", "-", "-"), "only one input can come from standard input");
    }

    @Test
    void qrEncodeToDashWritesThePngToStandardOutput() throws Exception {
        Path uri = Files.writeString(dir.resolve("uri"), URI);
        CliRun run = CliRun.of("qr", "encode", "--uri-file", uri.toString(), "--out", "-", "--module", "3");
        assertEquals(0, run.exitCode(), run.err());
        assertFalse(Files.exists(Path.of("-")), "no file named -");
        assertArrayEquals(new byte[] { (byte) 0x89, 'P', 'N', 'G' }, Arrays.copyOf(run.stdout(), 4));
        assertTrue(run.err().contains("written to standard output"), run.err());
        assertTrue(ImageIO.read(new ByteArrayInputStream(run.stdout())) != null);
        CliRun decoded = CliRun.withInput(new ByteArrayInputStream(run.stdout()), "qr", "decode", "-");
        assertEquals(URI, decoded.out().strip());
    }

    @Test
    void aGroupWithoutItsCommandSaysWhichThereAre() {
        CliRun run = CliRun.of("otp");
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("name a command: code, verify, new, explain, backup, restore")
                || run.err().contains("name a command"), run.err());
        assertEquals("", run.out());
    }
}
