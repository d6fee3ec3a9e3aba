package org.tokenbench.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.Test;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceRegistration;
import org.tokenbench.core.driver.Capability;
import org.tokenbench.core.driver.TokenDriver;
import org.tokenbench.testing.ListedDriver;
import org.tokenbench.ui.TokenBenchPerspective;
import org.tokenbench.ui.internal.views.DriversView;

/** Runs in the real workbench (UI harness, display thread). */
class DriversViewTest {

    @Test
    void driverBundlesAppearAndLeaveWhileTheViewIsOpen() throws Exception {
        IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
        assertEquals(TokenBenchPerspective.ID, page.getPerspective().getId());
        DriversView view = (DriversView) page.showView(DriversView.ID);

        // The SafeID and Guomi drivers are in this runtime; a third arrives and leaves as a vendor bundle would.
        DisplayWait.until(() -> view.shownDeviceFamilies().size() == 2);
        assertEquals("2 device driver(s) installed.", view.statusText());

        ServiceRegistration<TokenDriver> registration = new ListedDriver("test.hotplug", "Hot-plugged token",
                Capability.PROGRAM_SEED).register(FrameworkUtil.getBundle(DriversViewTest.class).getBundleContext());
        try {
            DisplayWait.until(() -> view.shownDeviceFamilies().contains("Hot-plugged token"));
            assertEquals("3 device driver(s) installed.", view.statusText());
        } finally {
            registration.unregister();
        }
        DisplayWait.until(() -> !view.shownDeviceFamilies().contains("Hot-plugged token"));
        assertEquals(2, view.shownDeviceFamilies().size());
    }
}
