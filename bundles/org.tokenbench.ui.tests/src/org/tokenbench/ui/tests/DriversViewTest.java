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

        assertTrue(view.shownDeviceFamilies().isEmpty(), "no driver bundles are in this test runtime");
        assertTrue(view.statusText().startsWith("No device drivers are installed"), view.statusText());

        ServiceRegistration<TokenDriver> registration = new ListedDriver("test.hotplug", "Hot-plugged token",
                Capability.PROGRAM_SEED).register(FrameworkUtil.getBundle(DriversViewTest.class).getBundleContext());
        try {
            DisplayWait.until(() -> view.shownDeviceFamilies().contains("Hot-plugged token"));
            assertEquals("1 device driver(s) installed.", view.statusText());
        } finally {
            registration.unregister();
        }
        DisplayWait.until(() -> view.shownDeviceFamilies().isEmpty());
    }
}
