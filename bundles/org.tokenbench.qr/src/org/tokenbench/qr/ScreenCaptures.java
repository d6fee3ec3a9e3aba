package org.tokenbench.qr;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Which capture a session needs. X11 lets any client copy the screen; Wayland lets none, so there the
 * xdg-desktop-portal Screenshot API is asked first and the X11 capture (XWayland windows only) is the fallback
 * when the desktop has no portal.
 */
public final class ScreenCaptures {

    private ScreenCaptures() {
    }

    /** Whether this is a Linux Wayland session ({@code WAYLAND_DISPLAY} set). */
    public static boolean isWayland(String os, Map<String, String> environment) {
        return os.toLowerCase(Locale.ROOT).startsWith("linux") && !environment.getOrDefault("WAYLAND_DISPLAY", "").isBlank();
    }

    /** For this process: the portal first on Wayland, else {@code x11} alone. */
    public static ScreenCapture forThisSession(ScreenCapture x11) {
        return isWayland(System.getProperty("os.name", ""), System.getenv()) ? portalFirst(new PortalScreenCapture(), x11) : x11;
    }

    /**
     * The portal's capture, or {@code fallback}'s when the portal is missing. A refusal is not a reason to fall back:
     * the user said no, and the message says what to allow.
     */
    public static ScreenCapture portalFirst(ScreenCapture portal, ScreenCapture fallback) {
        return () -> {
            try {
                return portal.captureAll();
            } catch (QrException missing) {
                if (missing.problem() != QrProblem.PORTAL_MISSING) {
                    throw missing;
                }
                try {
                    List<MonitorImage> images = fallback.captureAll();
                    return images;
                } catch (QrException fallbackFailed) {
                    throw new QrException(QrProblem.PORTAL_MISSING, missing.getMessage() + " (the X11 capture failed too: "
                            + fallbackFailed.getMessage() + ")", fallbackFailed);
                }
            }
        };
    }
}
