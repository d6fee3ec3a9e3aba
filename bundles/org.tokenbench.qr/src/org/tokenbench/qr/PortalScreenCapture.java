package org.tokenbench.qr;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;

import org.tokenbench.qr.internal.GioScreenshotPortal;

/**
 * The whole desktop through xdg-desktop-portal's Screenshot API, the only way to capture a Wayland session. Blocks
 * until the portal answers (the desktop may ask the user first) or the timeout passes: call it off the UI thread.
 * The portal saves a PNG; it is read and deleted at once, since it may show a seed's QR code.
 */
public final class PortalScreenCapture implements ScreenCapture {

    /** Long enough for a user to read and answer the desktop's permission dialog. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

    private final GioScreenshotPortal portal;

    public PortalScreenCapture() {
        this(DEFAULT_TIMEOUT);
    }

    public PortalScreenCapture(Duration timeout) {
        this.portal = new GioScreenshotPortal(timeout);
    }

    /**
     * One image of the whole desktop (the portal joins the monitors).
     *
     * @throws QrException {@link QrProblem#PORTAL_MISSING} when there is no portal to ask,
     *         {@link QrProblem#CAPTURE_FAILED} when it was refused or did not answer in time
     */
    @Override
    public List<MonitorImage> captureAll() throws QrException {
        return captureAll(() -> false);
    }

    /**
     * As {@link #captureAll()}, giving up when {@code cancelled} turns true: the portal request is closed, so the
     * desktop drops its dialog, and a screenshot saved all the same is deleted.
     */
    public List<MonitorImage> captureAll(BooleanSupplier cancelled) throws QrException {
        GioScreenshotPortal.Shot shot = portal.screenshot(cancelled);
        GreyImage image;
        try {
            image = ImageFiles.read(shot.file());
        } finally {
            try {
                Files.deleteIfExists(shot.file());
            } catch (IOException e) {
                // left for the desktop's own screenshot folder; nothing else can be done about it here
            }
        }
        return List.of(new MonitorImage(0, "desktop (screenshot portal)", new Region(0, 0, image.width(), image.height()), 1.0,
                image));
    }
}
