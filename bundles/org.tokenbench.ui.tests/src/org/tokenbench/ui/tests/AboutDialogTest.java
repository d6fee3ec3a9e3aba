package org.tokenbench.ui.tests;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;

import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.handlers.IHandlerService;
import org.junit.jupiter.api.Test;
import org.tokenbench.core.driver.DriverRegistry;
import org.tokenbench.testing.OsgiServices;
import org.tokenbench.ui.internal.about.AboutDialog;
import org.tokenbench.ui.internal.jobs.Screenshots;

/** Help › About lists every registered driver with its bundle and version, and TokenBench's bundles; the window has its icons. */
class AboutDialogTest {

    @Test
    void aboutListsTheDriversAndBundlesWithVersions() throws Exception {
        OsgiServices.await(DriverRegistry.class);
        Shell window = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell();
        assertTrue(window.getImages().length >= 4, "the product's window icons: " + window.getImages().length);
        // the command is there (Help › About TokenBench runs it); the dialog is opened here without blocking the test
        assertTrue(PlatformUI.getWorkbench().getService(org.eclipse.ui.commands.ICommandService.class)
                .getCommand("org.tokenbench.ui.commands.about").isHandled());
        assertTrue(PlatformUI.getWorkbench().getService(IHandlerService.class) != null);
        AboutDialog dialog = new AboutDialog(window);
        dialog.setBlockOnOpen(false);
        dialog.open();
        try {
            Shell shell = dialog.getShell();
            List<String> drivers = rows(WidgetFinder.find(shell, "about.drivers", Table.class));
            assertTrue(drivers.stream().anyMatch(r -> r.contains("org.tokenbench.driver.safeid") && r.matches(".*\\| 0\\.1\\.0\\..*")), drivers.toString());
            assertTrue(drivers.stream().anyMatch(r -> r.contains("org.tokenbench.driver.guomi")), drivers.toString());
            assertTrue(drivers.stream().anyMatch(r -> r.contains("org.tokenbench.driver.oath")), drivers.toString());
            List<String> bundles = rows(WidgetFinder.find(shell, "about.bundles", Table.class));
            assertTrue(bundles.stream().anyMatch(r -> r.contains("| org.tokenbench.core |")), bundles.toString());
            assertTrue(WidgetFinder.find(shell, "about.product", Label.class).getText().startsWith("TokenBench 0.1.0"));
            DisplayWait.until(() -> true);
            Screenshots.save(shell, 0, 0, "about-dialog.png");
        } finally {
            dialog.close();
        }
    }

    private static List<String> rows(Table table) {
        return Arrays.stream(table.getItems()).map(item -> item.getText(0) + " | " + item.getText(1) + " | " + item.getText(2) + " | " + item.getText(3))
                .toList();
    }
}
