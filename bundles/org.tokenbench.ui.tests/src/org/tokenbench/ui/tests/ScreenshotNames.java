package org.tokenbench.ui.tests;

import org.eclipse.core.runtime.Platform;

/** The views' screenshots are kept per language: the English names as before, "-zh" before ".png" in the Chinese run. */
final class ScreenshotNames {

    private ScreenshotNames() {
    }

    static String of(String name) {
        String nl = Platform.getNL();
        return nl != null && nl.startsWith("zh") ? name.replace(".png", "-zh.png") : name;
    }
}
