package org.tokenbench.app.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.Test;
import org.tokenbench.diagnostics.Diagnosis;
import org.tokenbench.ui.internal.views.DiagnosticsView;
import org.tokenbench.ui.internal.views.DriversView;

/** The product's own application is running (UI harness); check what a user sees on first start. */
class WorkbenchStartTest {

    @Test
    void firstStartShowsTheTokenBenchPerspectiveWithItsDriversView() throws Exception {
        IWorkbenchWindow window = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
        assertNotNull(window, "no workbench window opened");
        Shell shell = window.getShell();
        assertEquals("TokenBench", shell.getText());
        assertEquals("org.tokenbench.ui.perspective", window.getActivePage().getPerspective().getId());
        assertNotNull(window.getActivePage().findView(DriversView.ID), "Drivers view not in the initial layout");

        assertNotNull(window.getActivePage().findView(DiagnosticsView.ID), "Diagnostics view not in the initial layout");

        Path png = screenshot(shell, "workbench-first-start.png");
        assertTrue(Files.size(png) > 1000, "screenshot is empty: " + png);
    }

    @Test
    void diagnosticsViewExplainsACodeASupportCallerReadsOut() throws Exception {
        IWorkbenchWindow window = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
        DiagnosticsView view = (DiagnosticsView) window.getActivePage().showView(DiagnosticsView.ID);
        view.search("PIN");
        Diagnosis wrongPin = view.shownCodes().stream().filter(d -> d.code().value() == 0x0A000024L).findFirst().orElseThrow();
        view.select(wrongPin);
        assertTrue(view.detailsText().contains("Never retry in a loop"), view.detailsText());
        Path png = screenshot(window.getShell(), "diagnostics-view.png");
        assertTrue(Files.size(png) > 1000, "screenshot is empty: " + png);
        view.search("");
    }

    /** Saves what the shell shows, as a CI artefact under target/screenshots. */
    private static Path screenshot(Shell shell, String name) throws Exception {
        Display display = shell.getDisplay();
        shell.forceActive();
        while (display.readAndDispatch()) {
            // let the window paint before grabbing it
        }
        Rectangle bounds = shell.getBounds();
        Image image = new Image(display, bounds.width, bounds.height);
        GC gc = new GC(display);
        try {
            gc.copyArea(image, bounds.x, bounds.y);
            ImageData data = image.getImageData();
            Path dir = Path.of(System.getProperty("tokenbench.screenshots", "target/screenshots"));
            Files.createDirectories(dir);
            Path file = dir.resolve(name);
            ImageLoader loader = new ImageLoader();
            loader.data = new ImageData[] {data};
            loader.save(file.toString(), SWT.IMAGE_PNG);
            return file;
        } finally {
            gc.dispose();
            image.dispose();
        }
    }
}
