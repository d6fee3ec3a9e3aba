package org.tokenbench.ui.tests;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.eclipse.jface.action.StatusLineManager;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.junit.jupiter.api.Test;
import org.tokenbench.core.device.DeviceService;
import org.tokenbench.testing.OsgiServices;
import org.tokenbench.ui.internal.status.DeviceStatusItem;

/** The status bar's device line in a real status line: short enough for 1280 px, and no listener left when its window closes. */
class DeviceStatusItemTest {

    @Test
    void theLineFitsBesideTheOthersAndItsSubscriptionEndsWithItsWindow() throws Exception {
        OsgiServices.await(DeviceService.class);
        Shell shell = new Shell(Display.getCurrent(), SWT.SHELL_TRIM);
        shell.setLayout(new FillLayout());
        StatusLineManager manager = new StatusLineManager();
        manager.createControl(shell);
        DeviceStatusItem item = new DeviceStatusItem();
        manager.add(item);
        manager.update(true);
        shell.setSize(1280, 60);
        shell.open();
        DisplayWait.until(() -> item.text().contains("PC/SC"), 10, item::text);
        assertTrue(item.subscribed(), "listens to device events while shown");
        assertTrue(item.text().length() < 100, "short enough for a 1280 px window: " + item.text());

        // The status line re-fills its items (update(true) disposes their controls and calls fill again): the item
        // must live on, subscribed, and keep updating its new label.
        for (int refill = 1; refill <= 2; refill++) {
            manager.update(true);
            assertFalse(item.text().contains("PC/SC"), "a new label, not yet updated: " + item.text());
            assertTrue(item.subscribed(), "still listening after re-fill " + refill);
            DisplayWait.until(() -> item.text().contains("PC/SC"), 10, item::text);
        }
        shell.dispose();
        assertFalse(item.subscribed(), "the window closed: no listener left on the devices service");
    }
}
