package org.tokenbench.ui.internal.jobs;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.BooleanSupplier;

import org.eclipse.swt.SWTException;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.PaletteData;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Monitor;
import org.tokenbench.qr.GreyImage;
import org.tokenbench.qr.MonitorImage;
import org.tokenbench.qr.PortalScreenCapture;
import org.tokenbench.qr.QrException;
import org.tokenbench.qr.QrProblem;
import org.tokenbench.qr.Region;
import org.tokenbench.qr.ScreenCapture;
import org.tokenbench.qr.ScreenCaptures;

/**
 * Every monitor through SWT ({@code Display.getMonitors()} and a GC copy of each one's area, on the display thread);
 * the decoding then runs in a Job on the grey images. On Wayland, where no client may copy the screen, the desktop's
 * screenshot portal is asked instead ({@link ScreenCaptures#portalFirst}); that may wait for the user's answer, so it
 * is called from a Job, never on the display thread. The GC copy stays the fallback when the desktop has no portal.
 */
public final class SwtScreenCapture implements ScreenCapture {

    private final Display display;

    public SwtScreenCapture(Display display) {
        this.display = display;
    }

    /** Whether this session's screens come from the desktop's portal (Wayland): then capture from a Job. */
    public static boolean needsPortal() {
        return ScreenCaptures.isWayland(System.getProperty("os.name", ""), System.getenv());
    }

    @Override
    public List<MonitorImage> captureAll() throws QrException {
        return captureAll(() -> false);
    }

    /**
     * Every monitor. On X11 a GC copy on the display thread (at once when called there, else through syncExec). On
     * Wayland the portal, which may wait up to 30 s for the user: never on the display thread (no nested event loop);
     * {@code cancelled} closes the portal request.
     */
    public List<MonitorImage> captureAll(BooleanSupplier cancelled) throws QrException {
        if (!needsPortal()) {
            return onDisplayThread(this::copyMonitors);
        }
        if (isDisplayThread()) {
            throw new IllegalStateException("the screenshot portal may wait 30 s for the user: capture from a Job");
        }
        return ScreenCaptures.portalFirst(() -> new PortalScreenCapture().captureAll(cancelled), () -> onDisplayThread(this::copyMonitors))
                .captureAll();
    }

    private boolean isDisplayThread() {
        return !display.isDisposed() && display.getThread() == Thread.currentThread();
    }

    private List<MonitorImage> onDisplayThread(ScreenCapture capture) throws QrException {
        if (isDisplayThread()) {
            return capture.captureAll();
        }
        CompletableFuture<List<MonitorImage>> images = new CompletableFuture<>();
        try {
            display.syncExec(() -> {
                try {
                    images.complete(capture.captureAll());
                } catch (QrException | RuntimeException e) {
                    images.completeExceptionally(e);
                }
            });
        } catch (SWTException closed) {
            throw new QrException(QrProblem.NO_SCREEN, "the workbench's display is closed", closed);
        }
        try {
            List<MonitorImage> copied = images.getNow(null);
            if (copied == null) {
                throw new QrException(QrProblem.NO_SCREEN, "the workbench's display closed during the capture");
            }
            return copied;
        } catch (CompletionException e) {
            if (e.getCause() instanceof QrException qr) {
                throw qr;
            }
            throw new QrException(QrProblem.CAPTURE_FAILED, "the screens cannot be copied (" + e.getCause() + ")", e.getCause());
        }
    }

    private List<MonitorImage> copyMonitors() throws QrException {
        List<MonitorImage> images = new ArrayList<>();
        Monitor[] monitors = display.getMonitors();
        for (int i = 0; i < monitors.length; i++) {
            Rectangle bounds = monitors[i].getBounds();
            Image image = new Image(display, bounds.width, bounds.height);
            GC gc = new GC(display);
            try {
                gc.copyArea(image, bounds.x, bounds.y);
                ImageData data = image.getImageData(monitors[i].getZoom());
                double scale = data.width / (double) bounds.width;
                images.add(new MonitorImage(i, "monitor " + (i + 1), new Region(bounds.x, bounds.y, bounds.width, bounds.height), scale,
                        grey(data)));
            } catch (RuntimeException e) {
                throw new QrException(QrProblem.CAPTURE_FAILED, "monitor " + (i + 1) + " cannot be captured (" + e.getMessage() + ")", e);
            } finally {
                gc.dispose();
                image.dispose();
            }
        }
        if (images.isEmpty()) {
            throw new QrException(QrProblem.NO_SCREEN, "the display reports no monitor");
        }
        return images;
    }

    /** Screen captures have a direct palette: unpack each pixel with its masks instead of a palette lookup per pixel. */
    public static GreyImage grey(ImageData data) {
        PaletteData palette = data.palette;
        int[] argb = new int[data.width * data.height];
        int[] row = new int[data.width];
        for (int y = 0; y < data.height; y++) {
            data.getPixels(0, y, data.width, row, 0);
            for (int x = 0; x < data.width; x++) {
                int pixel = row[x];
                int r;
                int g;
                int b;
                if (palette.isDirect) {
                    r = shift(pixel & palette.redMask, palette.redShift);
                    g = shift(pixel & palette.greenMask, palette.greenShift);
                    b = shift(pixel & palette.blueMask, palette.blueShift);
                } else {
                    org.eclipse.swt.graphics.RGB rgb = palette.getRGB(pixel);
                    r = rgb.red;
                    g = rgb.green;
                    b = rgb.blue;
                }
                argb[y * data.width + x] = 0xFF000000 | (r & 0xFF) << 16 | (g & 0xFF) << 8 | (b & 0xFF);
            }
        }
        return GreyImage.fromArgb(argb, data.width, data.height);
    }

    private static int shift(int value, int shift) {
        return shift < 0 ? value >>> -shift : value << shift;
    }
}
