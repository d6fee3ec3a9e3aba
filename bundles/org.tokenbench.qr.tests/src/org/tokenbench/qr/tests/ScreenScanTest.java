package org.tokenbench.qr.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Frame;
import java.awt.Graphics;
import java.awt.GraphicsEnvironment;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.tokenbench.qr.AwtScreenCapture;
import org.tokenbench.qr.FoundCode;
import org.tokenbench.qr.GreyImage;
import org.tokenbench.qr.MonitorImage;
import org.tokenbench.qr.QrEncoder;
import org.tokenbench.qr.QrException;
import org.tokenbench.qr.QrProblem;
import org.tokenbench.qr.QrScanner;
import org.tokenbench.qr.Region;
import org.tokenbench.qr.ScreenCapture;
import org.tokenbench.testing.qr.DesktopScenes;
import org.tokenbench.testing.qr.Scene;

/** Scanning every monitor: which monitor, where in device pixels, and where on the (scaled) desktop. */
class ScreenScanTest {

    private static final String URI = "otpauth://totp/Screen:bob?secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP&issuer=Screen";

    /**
     * The two-monitor scene split in two, the right half from a 200 % monitor placed right of a 100 % one:
     * codes are reported per monitor, in that monitor's device pixels, and on the desktop in logical pixels.
     */
    @Test
    void codesAreReportedPerMonitorWithDesktopCoordinates() throws QrException {
        Scene dual = DesktopScenes.hardSet().stream().filter(s -> s.name().equals("dual-several")).findFirst().orElseThrow();
        BufferedImage left = dual.image().getSubimage(0, 0, 3840, 2160);
        BufferedImage right = dual.image().getSubimage(3840, 0, 3840, 2160);
        ScreenCapture twoMonitors = () -> List.of(
                new MonitorImage(0, "HDMI-1", new Region(0, 0, 3840, 2160), 1.0, GreyImage.of(copy(left))),
                new MonitorImage(1, "DP-1", new Region(3840, 0, 1920, 1080), 2.0, GreyImage.of(copy(right))));
        List<FoundCode> found = new QrScanner().scanScreens(twoMonitors);
        assertEquals(4, found.size(), found.toString());
        FoundCode onLeft = found.stream().filter(c -> c.payload().contains("Left")).findFirst().orElseThrow();
        assertEquals(0, onLeft.source().monitor());
        assertEquals("monitor 1 (HDMI-1)", onLeft.where());
        assertEquals(onLeft.region(), onLeft.desktopRegion());
        FoundCode tiny = found.stream().filter(c -> c.payload().contains("Right:tiny")).findFirst().orElseThrow();
        assertEquals(1, tiny.source().monitor());
        Region device = tiny.region();
        Region desktop = tiny.desktopRegion();
        assertEquals(3840 + device.x() / 2, desktop.x(), 1);
        assertEquals(device.width() / 2, desktop.width(), 1);
        assertTrue(device.x() > 300 && device.x() < 3840, "device pixels are relative to the monitor: " + device);
    }

    /** A real window on the test display (Xvfb in CI) showing a code, captured through AWT's Robot. */
    @Test
    void theRealScreenIsCapturedOrRefusedClearly() throws Exception {
        AwtScreenCapture capture = new AwtScreenCapture();
        if (GraphicsEnvironment.isHeadless()) {
            QrException e = assertThrows(QrException.class, capture::captureAll);
            assertEquals(QrProblem.NO_SCREEN, e.problem());
            return;
        }
        BufferedImage code = ImageIO.read(new ByteArrayInputStream(QrEncoder.png(URI, 6)));
        Frame frame = new Frame("TokenBench QR scan test") {
            private static final long serialVersionUID = 1L;

            @Override
            public void paint(Graphics g) {
                g.drawImage(code, getInsets().left, getInsets().top, null);
            }
        };
        try {
            frame.setUndecorated(true);
            frame.setBounds(120, 90, code.getWidth(), code.getHeight());
            frame.setVisible(true);
            List<FoundCode> found = new ArrayList<>();
            // The window manager-less X server maps the window asynchronously: look until it shows, 10 s at most.
            for (int i = 0; i < 50 && found.isEmpty(); i++) {
                Thread.sleep(200);
                frame.repaint();
                found = new QrScanner().scanScreens(capture);
            }
            assertEquals(1, found.size(), "the code on the screen was not found");
            assertEquals(URI, found.get(0).payload());
            assertEquals(0, found.get(0).source().monitor());
            Region where = found.get(0).desktopRegion();
            assertTrue(where.contains(120 + code.getWidth() / 2, 90 + code.getHeight() / 2), "reported at " + where);
        } finally {
            frame.dispose();
        }
    }

    private static BufferedImage copy(BufferedImage sub) {
        BufferedImage c = new BufferedImage(sub.getWidth(), sub.getHeight(), BufferedImage.TYPE_INT_RGB);
        c.getGraphics().drawImage(sub, 0, 0, null);
        return c;
    }
}
