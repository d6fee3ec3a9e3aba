package org.tokenbench.platform.tests;

import java.util.Optional;
import java.util.function.Predicate;

import org.tokenbench.core.device.Device;
import org.tokenbench.core.device.DeviceService;

/** Waiting for the devices service to see what a test did to a reader. */
final class DeviceWaits {

    private DeviceWaits() {
    }

    /** The first device matching {@code condition} within 10 s. */
    static Device await(DeviceService devices, String what, Predicate<Device> condition) throws InterruptedException {
        for (int i = 0; i < 200; i++) {
            Optional<Device> device = devices.devices().stream().filter(condition).findFirst();
            if (device.isPresent()) {
                return device.get();
            }
            Thread.sleep(50);
        }
        throw new AssertionError("never saw " + what + "; devices: " + devices.devices());
    }

    static Predicate<Device> claimedBy(String id, String driver) {
        return d -> d.id().equals(id) && d.state() == Device.State.CLAIMED && d.claim().get().driver().id().equals(driver);
    }
}
