package org.tokenbench.ui;

import org.osgi.annotation.versioning.ConsumerType;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;

/**
 * A page a device family's UI bundle adds to the device editor of the devices its driver claims, through a
 * {@code <devicePage driver="…" name="…" class="…"/>} element of the {@code org.tokenbench.ui.deviceViews} extension
 * point. The editor's own pages (overview, seed programming, credentials, PIN, certificate, checklist, history) come
 * from the session's features with no UI code; a vendor writes one of these only for what its device does beyond them.
 */
@ConsumerType
public interface DevicePage {

    /** Creates the page's control; {@code device} names the device and runs work on it as a device Job. */
    Control createControl(Composite parent, DevicePageSite device);

    /** Releases what the page holds; the editor calls it when it closes. */
    default void dispose() {
    }
}
