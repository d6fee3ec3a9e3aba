package org.tokenbench.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.Test;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceRegistration;
import org.tokenbench.core.driver.TokenDriver;
import org.tokenbench.core.driver.DriverRegistry;
import org.tokenbench.testing.ListedDriver;
import org.tokenbench.testing.OsgiServices;
import org.tokenbench.ui.TaskPerspectives;
import org.tokenbench.ui.internal.views.DriversView;

/** Runs in the real workbench (UI harness, display thread). */
class DriversViewTest {

    @Test
    void driverBundlesAppearAndLeaveWhileTheViewIsOpen() throws Exception {
        IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
        assertEquals(TaskPerspectives.TOKENS, page.getPerspective().getId());
        DriversView view = (DriversView) page.showView(DriversView.ID);

        // The product's drivers are in this runtime; one more arrives and leaves as a vendor bundle would.
        int installed = OsgiServices.await(DriverRegistry.class).drivers().size();
        DisplayWait.until(() -> view.shownDeviceFamilies().size() == installed);
        assertTrue(installed >= 2, "the SafeID and Guomi drivers are installed: " + installed);
        assertEquals(installed + " device driver(s) installed.", view.statusText());

        ServiceRegistration<TokenDriver> registration = new ListedDriver("test.hotplug", "Hot-plugged token",
                "SeedProgramming").register(FrameworkUtil.getBundle(DriversViewTest.class).getBundleContext());
        try {
            DisplayWait.until(() -> view.shownDeviceFamilies().contains("Hot-plugged token"));
            assertEquals((installed + 1) + " device driver(s) installed.", view.statusText());
        } finally {
            registration.unregister();
        }
        DisplayWait.until(() -> !view.shownDeviceFamilies().contains("Hot-plugged token"));
        assertEquals(installed, view.shownDeviceFamilies().size());
    }
}
