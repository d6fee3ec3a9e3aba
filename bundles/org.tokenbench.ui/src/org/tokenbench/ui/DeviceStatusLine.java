package org.tokenbench.ui;

import org.eclipse.jface.action.IContributionItem;
import org.tokenbench.ui.internal.status.DeviceStatusItem;

/** For the application's status bar: the device stack's state (pcscd and readers, key libraries). */
public final class DeviceStatusLine {

    public static final String ID = DeviceStatusItem.ID;

    private DeviceStatusLine() {
    }

    public static IContributionItem create() {
        return new DeviceStatusItem();
    }
}
