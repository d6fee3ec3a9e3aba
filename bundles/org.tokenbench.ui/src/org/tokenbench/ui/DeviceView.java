package org.tokenbench.ui;

/**
 * A view a device family contributes through the {@code org.tokenbench.ui.deviceViews} extension point. When the user
 * double-clicks a device in the Devices view, the family's view is opened and, if it implements this, told which
 * device to work on: the devices service's id ({@code pcsc:Virtual PCD 00 00}, {@code skf:/usr/lib/libskf.so#KEY1}),
 * for {@code DeviceService.device(id)} and {@code open(id, …)}.
 */
public interface DeviceView {

    void showDevice(String deviceId);
}
