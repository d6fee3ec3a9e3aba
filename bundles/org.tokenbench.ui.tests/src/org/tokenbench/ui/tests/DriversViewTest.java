package org.tokenbench.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.Test;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceRegistration;
import org.tokenbench.core.driver.DriverRegistry;
import org.tokenbench.core.driver.TokenDriver;
import org.tokenbench.testing.ListedDriver;
import org.tokenbench.testing.OsgiServices;
import org.tokenbench.ui.TaskPerspectives;
import org.tokenbench.ui.internal.views.DriversView;
import org.tokenbench.ui.internal.views.Messages;

/** Runs in the real workbench (UI harness, display thread), in the workbench's language. */
class DriversViewTest {

    @Test
    void driverBundlesAppearAndLeaveWhileTheViewIsOpen() throws Exception {
        IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
        assertEquals(TaskPerspectives.TOKENS, page.getPerspective().getId());
        page.showView(DriversView.ID);
        Control root = page.getWorkbenchWindow().getShell();
        Table drivers = WidgetFinder.find(root, "drivers.installed", Table.class);
        Label status = WidgetFinder.find(root, "drivers.status", Label.class);

        // The product's drivers are in this runtime; one more arrives and leaves as a vendor bundle would.
        int installed = OsgiServices.await(DriverRegistry.class).drivers().size();
        DisplayWait.until(() -> drivers.getItemCount() == installed);
        assertTrue(installed >= 2, "the SafeID and Guomi drivers are installed: " + installed);
        assertEquals(NLS.bind(Messages.drivers_installed, installed), status.getText());

        ServiceRegistration<TokenDriver> registration = new ListedDriver("test.hotplug", "Hot-plugged token",
                "SeedProgramming").register(FrameworkUtil.getBundle(DriversViewTest.class).getBundleContext());
        try {
            DisplayWait.until(() -> deviceFamilies(drivers).contains("Hot-plugged token"), 10, () -> deviceFamilies(drivers).toString());
            assertEquals(NLS.bind(Messages.drivers_installed, installed + 1), status.getText());
        } finally {
            registration.unregister();
        }
        DisplayWait.until(() -> !deviceFamilies(drivers).contains("Hot-plugged token"), 10, () -> deviceFamilies(drivers).toString());
        assertEquals(installed, drivers.getItemCount());
    }

    /** The device families the Drivers view lists (its first column), in table order. */
    static List<String> deviceFamilies(Table drivers) {
        return UserGestures.column(drivers, 0);
    }
}
