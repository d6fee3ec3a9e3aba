package org.tokenbench.cli.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tokenbench.testing.qr.DesktopScenes;
import org.tokenbench.testing.qr.Scene;

/** {@code tokenbench qr decode|encode}: payloads on stdout alone, explanations on stderr, exit codes. */
class QrCommandTest {

    private static final String URI = "otpauth://totp/Cli:carol?secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP&issuer=Cli";

    @TempDir
    Path dir;

    @Test
    void encodeThenDecodeRoundTripsAndTheImageIsPrivate() throws Exception {
        Path uri = Files.writeString(dir.resolve("uri.txt"), URI + "\n");
        Path png = dir.resolve("code.png");
        CliRun encode = CliRun.of("qr", "encode", "--uri-file", uri.toString(), "--out", png.toString(), "--module", "4");
        assertEquals(0, encode.exitCode(), encode.err());
        assertEquals("", encode.out());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(png)));

        CliRun decode = CliRun.of("qr", "decode", png.toString());
        assertEquals(0, decode.exitCode(), decode.err());
        assertEquals(URI + System.lineSeparator(), decode.out());
        assertEquals("", decode.err());
    }

    /** {@code payload} as a QR code image {@code name} in the test's folder. */
    private Path qrCode(String payload, String name) throws Exception {
        return Files.write(dir.resolve(name), org.tokenbench.qr.QrEncoder.png(payload, 4));
    }

    /** A payload made to drive the terminal (clear screen, retitle, C1 CSI) is printed escaped, never raw. */
    @Test
    void controlCharactersInAPayloadCannotReachTheTerminal() throws Exception {
        String hostile = "https://example.com/\u001b[2J\u001b]0;owned\u0007\u009b31m\u007f\r end";
        Path png = qrCode(hostile, "hostile.png");
        CliRun decode = CliRun.of("qr", "decode", png.toString());
        assertEquals(0, decode.exitCode(), decode.err());
        assertEquals("https://example.com/\\u001b[2J\\u001b]0;owned\\u0007\\u009b31m\\u007f\\u000d end" + System.lineSeparator(), decode.out());
        for (byte b : decode.stdout()) {
            assertTrue(b == '\n' || (b >= 0x20 && b != 0x7F), "a raw control byte reached stdout: " + b);
        }
        CliRun json = CliRun.of("qr", "decode", "--json", png.toString());
        assertTrue(json.out().contains("\\u001b[2J"), json.out());
    }

    /** A payload with line breaks stays one line: it cannot add a forged result to what a script reads line by line. */
    @Test
    void aPayloadWithLineBreaksIsPrintedOnOneLine() throws Exception {
        String forged = "see below\notpauth://totp/Bank:alice?secret=JBSWY3DPEHPK3PXP&issuer=Bank\r\nend";
        Path png = qrCode(forged, "forged.png");
        CliRun decode = CliRun.of("qr", "decode", png.toString());
        assertEquals(0, decode.exitCode(), decode.err());
        assertEquals("see below\\u000aotpauth://totp/Bank:alice?secret=JBSWY3DPEHPK3PXP&issuer=Bank\\u000d\\u000aend"
                + System.lineSeparator(), decode.out());
        CliRun explain = CliRun.of("qr", "decode", "--json", png.toString());
        assertEquals(1, explain.out().lines().count(), explain.out());
    }

    @Test
    void everyCodeOfAScreenshotOnItsOwnLineWithJsonDetail() throws Exception {
        Scene mixed = DesktopScenes.hardSet().stream().filter(s -> s.name().equals("dual-mixed")).findFirst().orElseThrow();
        Path shot = dir.resolve("desktop.png");
        ImageIO.write(mixed.image(), "png", shot.toFile());
        CliRun plain = CliRun.of("qr", "decode", shot.toString());
        assertEquals(0, plain.exitCode(), plain.err());
        assertEquals(4, plain.out().lines().count(), plain.out());
        for (var code : mixed.codes()) {
            assertTrue(plain.out().lines().anyMatch(code.payload()::equals), "missing " + code);
        }
        assertTrue(plain.err().contains("not an OTP QR code") && plain.err().contains("web link"), plain.err());

        CliRun json = CliRun.of("qr", "decode", "--json", shot.toString());
        assertTrue(json.out().lines().anyMatch(l -> l.contains("\"kind\": \"HOTP\"") && l.contains("\"accounts\": [\"Counter (h1)\"]")
                && l.contains("\"region\": {\"x\": ")), json.out());
        assertTrue(json.out().lines().anyMatch(l -> l.contains("\"kind\": \"NOT_OTP\"") && l.contains("\"problemCode\": \"otp:0x0001\"")),
                json.out());
    }

    @Test
    void imageBytesFromStandardInput() throws Exception {
        byte[] png = org.tokenbench.qr.QrEncoder.png(URI, 3);
        CliRun run = CliRun.withInput(new ByteArrayInputStream(png), "qr", "decode", "-");
        assertEquals(0, run.exitCode(), run.err());
        assertEquals(URI, run.out().strip());
    }

    @Test
    void noCodeExitsOneAndBadFilesExitThreeWithTheReason() throws Exception {
        Scene none = DesktopScenes.hardSet().stream().filter(s -> s.name().equals("4k-no-code")).findFirst().orElseThrow();
        Path shot = dir.resolve("none.png");
        ImageIO.write(none.image(), "png", shot.toFile());
        CliRun empty = CliRun.of("qr", "decode", shot.toString());
        assertEquals(1, empty.exitCode());
        assertTrue(empty.err().startsWith("no QR code found in "), empty.err());

        Path pdf = Files.writeString(dir.resolve("setup.pdf"), "%PDF-1.4\n");
        CliRun bad = CliRun.of("qr", "decode", pdf.toString());
        assertEquals(3, bad.exitCode());
        assertTrue(bad.err().startsWith("tokenbench qr decode: Not an image TokenBench can read [qr:0x0002]"), bad.err());
        assertTrue(bad.err().contains("a PDF document"), bad.err());
        assertTrue(!bad.err().contains("Exception"), "no stack trace for the user: " + bad.err());

        CliRun mixedBatch = CliRun.of("qr", "decode", pdf.toString(), dir.resolve("missing.png").toString(), shot.toString());
        assertEquals(3, mixedBatch.exitCode());
        assertTrue(mixedBatch.err().contains("missing.png: no such file"), mixedBatch.err());
    }

    @Test
    void encodeRefusesAnUnusableUri() throws Exception {
        Path uri = Files.writeString(dir.resolve("bad.txt"), "otpauth://totp/x?secret=JBSWY3DPEHPK3PXP&algorithm=MD5");
        CliRun run = CliRun.of("qr", "encode", "--uri-file", uri.toString(), "--out", dir.resolve("x.png").toString());
        assertEquals(3, run.exitCode());
        assertTrue(!Files.exists(dir.resolve("x.png")));
        assertEquals(2, CliRun.of("qr", "decode").exitCode());
    }
}
