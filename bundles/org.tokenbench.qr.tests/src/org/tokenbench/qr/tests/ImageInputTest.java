package org.tokenbench.qr.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tokenbench.qr.FoundCode;
import org.tokenbench.qr.PayloadKind;
import org.tokenbench.qr.QrEncoder;
import org.tokenbench.qr.QrException;
import org.tokenbench.qr.QrProblem;
import org.tokenbench.qr.QrScanner;

/** Files and bytes in every supported format, and every kind of bad input with its own message. */
class ImageInputTest {

    private static final String URI = "otpauth://totp/Example:alice%40example.com?secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP&issuer=Example";

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"png", "jpeg", "gif", "bmp"})
    void aGeneratedCodeDecodesFromEachFormat(String format) throws Exception {
        BufferedImage rgb = toRgb(ImageIO.read(new ByteArrayInputStream(QrEncoder.png(URI, 4))));
        Path file = dir.resolve("code." + format);
        assertTrue(ImageIO.write(rgb, format, file.toFile()), format + " writer");
        List<FoundCode> found = new QrScanner().decodeFile(file);
        assertEquals(1, found.size(), format);
        assertEquals(URI, found.get(0).payload());
        assertEquals(PayloadKind.TOTP, found.get(0).classification().kind());
        assertEquals(List.of("Example (alice@example.com)"), found.get(0).classification().accounts());
        assertEquals(file.toString(), found.get(0).where());
    }

    /** A QR code saved with a transparent background is black on nothing: it must read as black on white. */
    @Test
    void transparentBackgroundCountsAsWhite() throws Exception {
        BufferedImage code = ImageIO.read(new ByteArrayInputStream(QrEncoder.png(URI, 4)));
        BufferedImage transparent = new BufferedImage(code.getWidth(), code.getHeight(), BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < code.getHeight(); y++) {
            for (int x = 0; x < code.getWidth(); x++) {
                transparent.setRGB(x, y, (code.getRGB(x, y) & 0xFF) < 128 ? 0xFF000000 : 0x00000000);
            }
        }
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(transparent, "png", png);
        assertEquals(URI, new QrScanner().decodeBytes(png.toByteArray(), "clipboard").get(0).payload());
    }

    @Test
    void anImageWithoutCodeGivesNothing() throws Exception {
        BufferedImage blank = new BufferedImage(640, 480, BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(blank, "png", png);
        assertTrue(new QrScanner().decodeBytes(png.toByteArray(), "drop").isEmpty());
    }

    @Test
    void missingFile() {
        QrException e = assertThrows(QrException.class, () -> new QrScanner().decodeFile(dir.resolve("nope.png")));
        assertEquals(QrProblem.FILE_UNREADABLE, e.problem());
        assertTrue(e.getMessage().endsWith("nope.png: no such file"), e.getMessage());
    }

    @Test
    void aPdfIsNamedAsSuch() {
        QrException e = assertThrows(QrException.class,
                () -> new QrScanner().decodeBytes("%PDF-1.7\n%âãÏÓ\n1 0 obj".getBytes(StandardCharsets.ISO_8859_1), "setup.pdf"));
        assertEquals(QrProblem.UNSUPPORTED_FORMAT, e.problem());
        assertTrue(e.getMessage().contains("a PDF document"), e.getMessage());
    }

    @Test
    void aTextFileWithTheUriSaysToUseItDirectly() {
        QrException e = assertThrows(QrException.class, () -> new QrScanner().decodeBytes(URI.getBytes(StandardCharsets.US_ASCII), "key.txt"));
        assertTrue(e.getMessage().contains("otpauth URI, not an image"), e.getMessage());
        assertFalse(e.getMessage().contains("JBSWY3DP"), "the message quotes the key: " + e.getMessage());
    }

    @Test
    void aTruncatedPngIsReportedAsDamaged() throws Exception {
        byte[] png = QrEncoder.png(URI, 4);
        QrException e = assertThrows(QrException.class, () -> new QrScanner().decodeBytes(Arrays.copyOf(png, png.length / 2), "half.png"));
        assertEquals(QrProblem.UNSUPPORTED_FORMAT, e.problem());
        assertTrue(e.getMessage().contains("damaged or truncated"), e.getMessage());
    }

    @Test
    void emptyInput() {
        QrException e = assertThrows(QrException.class, () -> new QrScanner().decodeBytes(new byte[0], "standard input"));
        assertEquals("standard input: empty, not an image", e.getMessage());
    }

    @Test
    void foundCodesNeverPrintTheirPayload() throws Exception {
        FoundCode code = new QrScanner().decodeBytes(QrEncoder.png(URI, 4), "clipboard").get(0);
        assertFalse(code.toString().contains("JBSWY3DP"), code.toString());
        assertFalse(code.classification().toString().contains("JBSWY3DP"), code.classification().toString());
    }

    @Test
    void encoderRefusesTextThatCannotFit() {
        QrException e = assertThrows(QrException.class, () -> QrEncoder.png("x".repeat(8000), 2));
        assertEquals(QrProblem.ENCODE_FAILED, e.problem());
    }

    @Test
    void encoderDrawsTheStandardQuietZone() throws IOException, QrException {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(QrEncoder.png(URI, 5)));
        int modules = QrEncoder.modules(URI).getWidth();
        assertEquals((modules + 2 * QrEncoder.QUIET_ZONE) * 5, image.getWidth());
        for (int i = 0; i < QrEncoder.QUIET_ZONE * 5; i++) {
            assertEquals(0xFFFFFF, image.getRGB(i, i) & 0xFFFFFF, "quiet zone at " + i);
        }
        // The top-left finder pattern's dark outer ring starts right after the quiet zone.
        assertEquals(0, image.getRGB(QrEncoder.QUIET_ZONE * 5, QrEncoder.QUIET_ZONE * 5) & 0xFFFFFF);
    }

    private static BufferedImage toRgb(BufferedImage image) {
        BufferedImage rgb = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
        rgb.getGraphics().drawImage(image, 0, 0, null);
        return rgb;
    }
}
