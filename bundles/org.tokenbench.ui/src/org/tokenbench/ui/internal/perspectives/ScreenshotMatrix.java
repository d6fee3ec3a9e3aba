package org.tokenbench.ui.internal.perspectives;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.runtime.Platform;
import org.eclipse.e4.ui.css.swt.theme.IThemeEngine;
import org.eclipse.swt.widgets.Shell;
import org.tokenbench.ui.internal.jobs.Screenshots;

/**
 * The looks CI keeps screenshots of (issue 18): each window at 1280×800 and 1920×1080, in the light theme (the
 * product's default) and the dark one, in the language the workbench runs in (a second test run is Chinese). The
 * perspectives' and the device editors' screenshots both come from here, so they are named alike:
 * {@code <name>-<width>x<height>-<light|dark>-<en|zh>.png}.
 */
public final class ScreenshotMatrix {

    public static final String LIGHT = "org.eclipse.e4.ui.css.theme.e4_default";
    public static final String DARK = "org.eclipse.e4.ui.css.theme.e4_dark";
    public static final List<String> THEMES = List.of(LIGHT, DARK);
    /** The smallest screen TokenBench is laid out for, and the common one. */
    public static final List<int[]> SIZES = List.of(new int[] {1280, 800}, new int[] {1920, 1080});

    private ScreenshotMatrix() {
    }

    /** The workbench's language (Equinox's -nl, else the OS locale): "en" or "zh", for the screenshots' names. */
    public static String language() {
        String nl = Platform.getNL();
        return nl != null && nl.startsWith("zh") ? "zh" : "en";
    }

    /** The CSS theme engine of {@code shell}'s display (the product's application installs one). */
    public static IThemeEngine themes(Shell shell) {
        IThemeEngine themes = (IThemeEngine) shell.getDisplay().getData("org.eclipse.e4.ui.css.swt.theme");
        if (themes == null) {
            throw new IllegalStateException("no CSS theme engine on the display");
        }
        return themes;
    }

    /**
     * Saves {@code shell} in every theme at every size as {@code <name>-<w>x<h>-<theme>-<language>.png} and leaves it in
     * the light theme at the last size; returns the files in the order taken.
     */
    public static List<Path> saveEach(Shell shell, String name) throws IOException {
        IThemeEngine themes = themes(shell);
        List<Path> files = new ArrayList<>();
        try {
            for (String theme : THEMES) {
                themes.setTheme(theme, false);
                for (int[] size : SIZES) {
                    files.add(Screenshots.save(shell, size[0], size[1], name + "-" + size[0] + "x" + size[1] + "-"
                            + (theme.equals(DARK) ? "dark" : "light") + "-" + language() + ".png"));
                }
            }
        } finally {
            themes.setTheme(LIGHT, false);
        }
        return files;
    }
}
