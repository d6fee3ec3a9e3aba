package org.tokenbench.ui.tests;

import org.tokenbench.ui.internal.perspectives.ScreenshotMatrix;

/** The views' screenshots are kept per language: the English names as before, "-zh" before ".png" in the Chinese run. */
final class ScreenshotNames {

    private ScreenshotNames() {
    }

    static String of(String name) {
        return ScreenshotMatrix.language().equals("zh") ? name.replace(".png", "-zh.png") : name;
    }
}
