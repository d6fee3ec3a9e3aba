package org.tokenbench.qr;

import java.util.List;

/**
 * Captures every monitor. The workbench implements it with SWT ({@code Display.getMonitors()} and a GC copy),
 * headless commands with AWT's Robot ({@link AwtScreenCapture}); tests hand in generated screens, so the
 * decoding engine never needs a display.
 */
public interface ScreenCapture {

    /** One image per monitor, at device resolution; throws when there is no screen to capture. */
    List<MonitorImage> captureAll() throws QrException;
}
