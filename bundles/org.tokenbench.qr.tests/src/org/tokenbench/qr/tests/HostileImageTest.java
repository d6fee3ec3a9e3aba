package org.tokenbench.qr.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.tokenbench.qr.FoundCode;
import org.tokenbench.qr.GreyImage;
import org.tokenbench.qr.ImageFiles;
import org.tokenbench.qr.QrDecoder;
import org.tokenbench.qr.QrException;
import org.tokenbench.qr.QrProblem;
import org.tokenbench.qr.QrScanner;

/**
 * Images and streams made to stall or exhaust a decoder end with a clear refusal. The timeouts only guard the build
 * against a regression that hangs (before the limits, the tiled image below kept ZXing busy for minutes); the
 * assertions are about what the decoder reports, not how fast it is.
 */
class HostileImageTest {

    @TempDir
    Path dir;

    /** A few hundred bytes of PNG: QR finder patterns (1:1:3:1:1) tiled over the whole image, and no code. */
    private static BufferedImage tiledFinderPatterns(int size) {
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_BYTE_BINARY);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, size, size);
        int module = 2;
        for (int y = module; y + 7 * module < size; y += 10 * module) {
            for (int x = module; x + 7 * module < size; x += 10 * module) {
                g.setColor(Color.BLACK);
                g.fillRect(x, y, 7 * module, 7 * module);
                g.setColor(Color.WHITE);
                g.fillRect(x + module, y + module, 5 * module, 5 * module);
                g.setColor(Color.BLACK);
                g.fillRect(x + 2 * module, y + 2 * module, 3 * module, 3 * module);
            }
        }
        g.dispose();
        return image;
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void anImageTiledWithFinderPatternsIsGivenUpOn() throws Exception {
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(tiledFinderPatterns(1200), "png", png);
        assertTrue(png.size() < 4096, "the attack image is tiny: " + png.size() + " bytes");

        QrException e = assertThrows(QrException.class, () -> new QrScanner().decodeBytes(png.toByteArray(), "tiles.png"));
        assertEquals(QrProblem.GAVE_UP, e.problem());
        assertTrue(e.getMessage().startsWith("tiles.png: gave up on this image (more QR finder patterns than a screen holds)"),
                e.getMessage());
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void theWholeSearchStopsAtItsDeadline() {
        QrDecoder hurried = new QrDecoder(new QrDecoder.Limits(Duration.ofMillis(1), Integer.MAX_VALUE));
        GreyImage image = GreyImage.of(tiledFinderPatterns(1200));
        QrException e = assertThrows(QrException.class, () -> hurried.decode(image, FoundCode.Source.image("busy.png")));
        assertEquals(QrProblem.GAVE_UP, e.problem());
        assertTrue(e.getMessage().contains("the search took longer than its time limit"), e.getMessage());
    }

    @Test
    void aDeviceIsRefusedWithoutReadingIt() {
        QrException e = assertThrows(QrException.class, () -> ImageFiles.read(Path.of("/dev/zero")));
        assertEquals(QrProblem.FILE_UNREADABLE, e.problem());
        assertEquals("/dev/zero: not a regular file (a device, pipe or folder)", e.getMessage());
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void anEndlessStreamIsCutOffAtTheByteLimit() {
        InputStream endless = new InputStream() {
            @Override
            public int read() {
                return 0;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                java.util.Arrays.fill(b, off, off + len, (byte) 0);
                return len;
            }
        };
        QrException e = assertThrows(QrException.class, () -> ImageFiles.readAtMost(endless, "standard input"));
        assertEquals(QrProblem.IMAGE_TOO_LARGE, e.problem());
        assertTrue(e.getMessage().startsWith("standard input: more than 64 MB"), e.getMessage());
    }

    /** 10000 x 10000 one-bit pixels compress to a small PNG, yet would need 500 MB decoded: refused from the header. */
    @Test
    void moreThanAnEightKScreensPixelsIsRefusedBeforeDecoding() throws Exception {
        Path file = dir.resolve("huge.png");
        ImageIO.write(new BufferedImage(10_000, 10_000, BufferedImage.TYPE_BYTE_BINARY), "png", file.toFile());
        assertTrue(Files.size(file) < ImageFiles.MAX_BYTES);
        QrException e = assertThrows(QrException.class, () -> ImageFiles.read(file));
        assertEquals(QrProblem.IMAGE_TOO_LARGE, e.problem());
        assertTrue(e.getMessage().endsWith("10000x10000 pixels is more than an 8K screen holds; crop the part with the QR code"),
                e.getMessage());
    }
}
