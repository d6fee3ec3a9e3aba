package org.tokenbench.qr;

import java.awt.AWTException;
import java.awt.GraphicsConfiguration;
import java.awt.GraphicsDevice;
import java.awt.GraphicsEnvironment;
import java.awt.Image;
import java.awt.Rectangle;
import java.awt.Robot;
import java.awt.image.BufferedImage;
import java.awt.image.MultiResolutionImage;
import java.util.ArrayList;
import java.util.List;

/**
 * Every monitor through AWT's Robot, for headless commands ({@code tokenbench qr scan}). Each screen device is
 * captured at its device resolution ({@code createMultiResolutionScreenCapture}), not the scaled-down logical
 * image a plain capture returns on HiDPI screens, where small codes would lose their modules.
 */
public final class AwtScreenCapture implements ScreenCapture {

    @Override
    public List<MonitorImage> captureAll() throws QrException {
        if (GraphicsEnvironment.isHeadless()) {
            throw new QrException(QrProblem.NO_SCREEN, "there is no screen to capture: this session has no display "
                    + "(DISPLAY is not set, or Java runs headless); decode a screenshot file instead (tokenbench qr decode FILE)");
        }
        GraphicsDevice[] devices;
        try {
            devices = GraphicsEnvironment.getLocalGraphicsEnvironment().getScreenDevices();
        } catch (RuntimeException | Error e) {
            throw new QrException(QrProblem.NO_SCREEN, "the display cannot be opened (" + e.getMessage() + ")", e);
        }
        List<MonitorImage> monitors = new ArrayList<>();
        for (int i = 0; i < devices.length; i++) {
            GraphicsDevice device = devices[i];
            GraphicsConfiguration config = device.getDefaultConfiguration();
            Rectangle bounds = config.getBounds();
            double scale = config.getDefaultTransform().getScaleX();
            BufferedImage capture;
            try {
                capture = largest(new Robot(device).createMultiResolutionScreenCapture(bounds));
            } catch (AWTException | SecurityException e) {
                throw new QrException(QrProblem.CAPTURE_FAILED, "monitor " + (i + 1) + " cannot be captured (" + e.getMessage()
                        + "); on Wayland, allow screen capture for Java or save a screenshot and use tokenbench qr decode", e);
            }
            monitors.add(new MonitorImage(i, device.getIDstring(), new Region(bounds.x, bounds.y, bounds.width, bounds.height),
                    scale, GreyImage.of(capture)));
        }
        if (monitors.isEmpty()) {
            throw new QrException(QrProblem.NO_SCREEN, "the display reports no monitor");
        }
        return monitors;
    }

    private static BufferedImage largest(MultiResolutionImage image) {
        Image best = null;
        for (Image variant : image.getResolutionVariants()) {
            if (best == null || variant.getWidth(null) > best.getWidth(null)) {
                best = variant;
            }
        }
        if (best instanceof BufferedImage buffered) {
            return buffered;
        }
        BufferedImage copy = new BufferedImage(best.getWidth(null), best.getHeight(null), BufferedImage.TYPE_INT_RGB);
        copy.getGraphics().drawImage(best, 0, 0, null);
        return copy;
    }
}
