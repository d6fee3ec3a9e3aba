package org.tokenbench.ui.tests;

import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.tokenbench.core.driver.DeviceDetails;
import org.tokenbench.ui.DevicePage;
import org.tokenbench.ui.DevicePageSite;

/** A vendor's own device editor page (fragment.xml's devicePage): reads the device through the editor's site. */
public final class VendorProfilesPage implements DevicePage {

    @Override
    public Control createControl(Composite parent, DevicePageSite device) {
        Composite page = new Composite(parent, SWT.NONE);
        page.setLayout(new FillLayout());
        Label label = new Label(page, SWT.WRAP);
        label.setData("org.tokenbench.ui.widgetId", "vendor.profiles");
        label.setText("Profiles of " + device.deviceId());
        device.run("Reading the vendor's profiles", (session, monitor) -> {
            String firmware = session.feature(DeviceDetails.class).orElseThrow().details().get("Firmware");
            label.getDisplay().asyncExec(() -> {
                if (!label.isDisposed()) {
                    label.setText("Vendor profiles of " + session.identity().serial() + " (firmware " + firmware + ")");
                }
            });
        });
        return page;
    }
}
