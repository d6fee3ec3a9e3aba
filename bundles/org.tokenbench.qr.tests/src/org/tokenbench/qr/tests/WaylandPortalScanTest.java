package org.tokenbench.qr.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tokenbench.qr.FoundCode;
import org.tokenbench.qr.GreyImage;
import org.tokenbench.qr.MonitorImage;
import org.tokenbench.qr.QrEncoder;
import org.tokenbench.qr.QrException;
import org.tokenbench.qr.QrProblem;
import org.tokenbench.qr.QrScanner;
import org.tokenbench.qr.Region;
import org.tokenbench.qr.ScreenCapture;
import org.tokenbench.qr.ScreenCaptures;

/**
 * Scan Screen on Wayland. The choice between the portal and X11 is tested everywhere; the real portal round trip runs
 * in the rig (releng/scripts/wayland-rig: headless sway, xdg-desktop-portal + -wlr on a private session bus, a viewer
 * showing a code), which sets TOKENBENCH_WAYLAND_RIG=1.
 */
class WaylandPortalScanTest {

    private static final String URI = "otpauth://totp/Wayland:alice?secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP&issuer=Wayland";

    private static final List<MonitorImage> ONE_SCREEN = List.of(new MonitorImage(0, "x11", new Region(0, 0, 2, 2), 1.0,
            GreyImage.fromArgb(new int[4], 2, 2)));

    @Test
    void waylandIsTheSessionWithAWaylandDisplay() {
        assertTrue(ScreenCaptures.isWayland("Linux", Map.of("WAYLAND_DISPLAY", "wayland-0")));
        assertFalse(ScreenCaptures.isWayland("Linux", Map.of("DISPLAY", ":0")));
        assertFalse(ScreenCaptures.isWayland("Linux", Map.of("WAYLAND_DISPLAY", " ")));
        assertFalse(ScreenCaptures.isWayland("Windows 11", Map.of("WAYLAND_DISPLAY", "wayland-0")));
    }

    @Test
    void aMissingPortalFallsBackToX11() throws Exception {
        ScreenCapture missing = () -> {
            throw new QrException(QrProblem.PORTAL_MISSING, "no portal; install xdg-desktop-portal");
        };
        assertSame(ONE_SCREEN, ScreenCaptures.portalFirst(missing, () -> ONE_SCREEN).captureAll());
    }

    @Test
    void whenTheFallbackFailsTooTheMessageSaysWhatToInstall() {
        ScreenCapture missing = () -> {
            throw new QrException(QrProblem.PORTAL_MISSING, "no portal; install xdg-desktop-portal");
        };
        ScreenCapture noX11 = () -> {
            throw new QrException(QrProblem.NO_SCREEN, "no X display");
        };
        QrException e = assertThrows(QrException.class, () -> ScreenCaptures.portalFirst(missing, noX11).captureAll());
        assertEquals(QrProblem.PORTAL_MISSING, e.problem());
        assertTrue(e.getMessage().contains("install xdg-desktop-portal") && e.getMessage().contains("no X display"), e.getMessage());
    }

    @Test
    void aRefusalIsNotBypassedThroughX11() {
        ScreenCapture refused = () -> {
            throw new QrException(QrProblem.CAPTURE_FAILED, "the desktop refused the screenshot: allow screenshots");
        };
        QrException e = assertThrows(QrException.class, () -> ScreenCaptures.portalFirst(refused, () -> ONE_SCREEN).captureAll());
        assertEquals(QrProblem.CAPTURE_FAILED, e.problem());
    }

    /** The real thing: a viewer shows a code on headless sway; the portal's screenshot has it; the PNG is gone after. */
    @Test
    void theRigsPortalFindsTheCodeOnTheWaylandScreen(@TempDir Path dir) throws Exception {
        assumeTrue("1".equals(System.getenv("TOKENBENCH_WAYLAND_RIG")), "only in releng/scripts/wayland-rig");
        assertTrue(ScreenCaptures.isWayland(System.getProperty("os.name"), System.getenv()));
        Path png = dir.resolve("code.png");
        Files.write(png, QrEncoder.png(URI, 6));
        String viewer = System.getenv().getOrDefault("TOKENBENCH_RIG_VIEWER", "imv-wayland");
        Process shown = new ProcessBuilder(viewer, png.toString()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("viewer.log").toFile()).start();
        try {
            ScreenCapture capture = ScreenCaptures.forThisSession(() -> {
                throw new QrException(QrProblem.NO_SCREEN, "no X11 in the rig");
            });
            List<FoundCode> found = List.of();
            long started = System.nanoTime();
            // The compositor maps the viewer's window asynchronously: look until it shows, 20 s at most.
            while (found.isEmpty() && System.nanoTime() - started < TimeUnit.SECONDS.toNanos(20)) {
                Thread.sleep(300);
                found = new QrScanner().scanScreens(capture);
            }
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
            assertEquals(1, found.size(), "the code on the Wayland screen, through the portal");
            assertEquals(URI, found.get(0).payload());
            System.out.println("wayland-rig: the portal's screenshot had the code after " + millis + " ms");
            Path wlrOutput = Path.of("/tmp/out.png"); // where xdg-desktop-portal-wlr saves: it may show a seed
            assertFalse(Files.exists(wlrOutput), "the portal's screenshot file is deleted after reading");
        } finally {
            shown.destroy();
            shown.waitFor(5, TimeUnit.SECONDS);
        }
    }
}
