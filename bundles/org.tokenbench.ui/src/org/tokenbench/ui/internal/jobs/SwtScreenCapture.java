package org.tokenbench.ui.internal.jobs;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

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
 * Every monitor through SWT ({@code Display.getMonitors()} and a GC copy of each one's area). Must be called on
 * the display thread; the decoding then runs in a Job on the grey images. On Wayland, where no client may copy the
 * screen, the desktop's screenshot portal is asked instead ({@link ScreenCaptures#portalFirst}) on another thread
 * while this one keeps the event loop running (the desktop may show a dialog first); the GC copy stays the fallback
 * when the desktop has no portal.
 */
public final class SwtScreenCapture implements ScreenCapture {

    private final Display display;

    public SwtScreenCapture(Display display) {
        this.display = display;
    }

    @Override
    public List<MonitorImage> captureAll() throws QrException {
        if (!ScreenCaptures.isWayland(System.getProperty("os.name", ""), System.getenv())) {
            return copyMonitors();
        }
        return ScreenCaptures.portalFirst(this::portalWhileDispatching, this::copyMonitors).captureAll();
    }

    private List<MonitorImage> portalWhileDispatching() throws QrException {
        CompletableFuture<List<MonitorImage>> shot = new CompletableFuture<>();
        Thread portal = new Thread(() -> {
            try {
                shot.complete(new PortalScreenCapture().captureAll());
            } catch (QrException | RuntimeException e) {
                shot.completeExceptionally(e);
            } finally {
                display.wake();
            }
        }, "TokenBench screenshot portal");
        portal.setDaemon(true);
        portal.start();
        while (!shot.isDone()) {
            if (!display.readAndDispatch()) {
                display.sleep();
            }
        }
        try {
            return shot.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof QrException qr) {
                throw qr;
            }
            throw new QrException(QrProblem.CAPTURE_FAILED, "the screenshot portal failed (" + e.getCause() + ")", e.getCause());
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
