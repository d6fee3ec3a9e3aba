package org.tokenbench.app.internal;

import java.util.Map;
import java.util.Optional;

/**
 * Whether the workbench can open a window at all. On Linux GTK needs an X11 or Wayland display; without one SWT fails
 * deep inside GTK and the launcher only says "An error has occurred" (exit 13). Checked before SWT is touched, so the
 * user reads one line that says what is missing and what works without a display.
 */
final class DisplayCheck {

    /** The process exit code when there is no display (the CLI's usage-error convention: nothing was attempted). */
    static final int NO_DISPLAY = 2;

    private DisplayCheck() {
    }

    /** Empty when a display is there (or the platform needs none we can check); else the one line to print. */
    static Optional<String> problem(String os, Map<String, String> environment) {
        if (!os.toLowerCase(java.util.Locale.ROOT).startsWith("linux")) {
            return Optional.empty();
        }
        boolean x11 = !environment.getOrDefault("DISPLAY", "").isBlank();
        boolean wayland = !environment.getOrDefault("WAYLAND_DISPLAY", "").isBlank();
        return x11 || wayland ? Optional.empty()
                : Optional.of("tokenbench: no display (neither DISPLAY nor WAYLAND_DISPLAY is set) to open the workbench; "
                        + "the headless commands work without one: tokenbench --help");
    }

    /**
     * The one line when a display is named but cannot be opened (a stale DISPLAY over SSH, an X server gone, no
     * permission): GTK's init fails inside SWT, which else ends in "An error has occurred" (exit 13).
     */
    static String unreachable(Map<String, String> environment) {
        String named = environment.getOrDefault("WAYLAND_DISPLAY", "").isBlank() ? "DISPLAY=" + environment.getOrDefault("DISPLAY", "")
                : "WAYLAND_DISPLAY=" + environment.get("WAYLAND_DISPLAY");
        return "tokenbench: the display " + named.replaceAll("\\p{Cntrl}", "?") + " cannot be opened (is the X or Wayland server running, and may you use it?);"
                + " the headless commands work without one: tokenbench --help";
    }
}
