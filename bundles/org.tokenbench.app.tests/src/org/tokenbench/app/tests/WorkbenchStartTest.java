package org.tokenbench.app.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.Test;
import org.tokenbench.diagnostics.Diagnosis;
import org.tokenbench.ui.internal.jobs.Screenshots;
import org.tokenbench.ui.internal.views.DiagnosticsView;
import org.tokenbench.ui.internal.views.DevicesView;
import org.tokenbench.ui.internal.views.DriversView;
import org.tokenbench.ui.internal.views.GuomiKeyView;
import org.tokenbench.ui.internal.views.ProgramTokenView;

/** The product's own application is running (UI harness); check what a user sees on first start. */
class WorkbenchStartTest {

    @Test
    void firstStartShowsTheTokenBenchPerspectiveWithItsViews() throws Exception {
        IWorkbenchWindow window = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
        assertNotNull(window, "no workbench window opened");
        Shell shell = window.getShell();
        assertEquals("TokenBench", shell.getText());
        assertEquals("org.tokenbench.ui.perspective", window.getActivePage().getPerspective().getId());
        for (String view : new String[] {DevicesView.ID, DriversView.ID, ProgramTokenView.ID, GuomiKeyView.ID, DiagnosticsView.ID}) {
            assertNotNull(window.getActivePage().findViewReference(view), view + " is not in the initial layout");
        }

        var menus = java.util.Arrays.stream(shell.getMenuBar().getItems()).map(item -> item.getText().replace("&", "")).toList();
        assertEquals(java.util.List.of("File", "Window"), menus);

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

    private static Path screenshot(Shell shell, String name) throws Exception {
        return Screenshots.save(shell, 0, 0, name);
    }
}
