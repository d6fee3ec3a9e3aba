package org.tokenbench.qr;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Captures every monitor. The workbench implements it with SWT ({@code Display.getMonitors()} and a GC copy),
 * headless commands with AWT's Robot ({@link AwtScreenCapture}); tests hand in generated screens, so the
 * decoding engine never needs a display.
 */
@ProviderType
public interface ScreenCapture {

    /** One image per monitor, at device resolution; throws when there is no screen to capture. */
    List<MonitorImage> captureAll() throws QrException;
}
