package org.tokenbench.ui.internal.jobs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;

/**
 * A PNG of what a window shows, for support tickets and for the UI tests' CI artefacts
 * ({@code tokenbench.screenshots}, default target/screenshots).
 */
public final class Screenshots {

    private Screenshots() {
    }

    /** Resizes the window (when {@code width > 0}), lets it lay out and paint, and saves it. */
    public static Path save(Shell shell, int width, int height, String name) throws IOException {
        Display display = shell.getDisplay();
        if (width > 0) {
            shell.setMaximized(false);
            shell.setBounds(0, 0, width, height);
            shell.layout(true, true);
        }
        shell.forceActive();
        // The pointer parked in the status bar: no tooltip over the views in the picture.
        Rectangle area = shell.getBounds();
        display.setCursorLocation(area.x + area.width - 2, area.y + area.height - 2);
        long until = System.nanoTime() + 500_000_000L;
        while (System.nanoTime() < until) {
            // let the window lay out and paint (twice over: GTK paints in passes) before grabbing it
            if (!display.readAndDispatch()) {
                Thread.onSpinWait();
            }
        }
        Rectangle bounds = shell.getBounds();
        Image image = new Image(display, bounds.width, bounds.height);
        GC gc = new GC(display);
        try {
            gc.copyArea(image, bounds.x, bounds.y);
            Path dir = Path.of(System.getProperty("tokenbench.screenshots", "target/screenshots"));
            Files.createDirectories(dir);
            Path file = dir.resolve(name);
            ImageLoader loader = new ImageLoader();
            loader.data = new org.eclipse.swt.graphics.ImageData[] {image.getImageData()};
            loader.save(file.toString(), SWT.IMAGE_PNG);
            return file;
        } finally {
            gc.dispose();
            image.dispose();
        }
    }
}
