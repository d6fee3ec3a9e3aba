package org.tokenbench.fleet.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceRegistration;
import org.tokenbench.core.device.DeviceTransport;
import org.tokenbench.core.driver.TokenDriver;
import org.tokenbench.core.fleet.DeviceInventory;
import org.tokenbench.core.fleet.DeviceInventory.Entry;
import org.tokenbench.core.fleet.DeviceInventory.State;
import org.tokenbench.testing.OsgiServices;
import org.tokenbench.testing.PluggableDevice;
import org.tokenbench.testing.PluggableDriver;
import org.tokenbench.testing.PluggableTransport;

/**
 * A device the devices service claims enters the inventory as new, once per insertion, without any view or command (the
 * devices service notes it when the fleet's inventory is installed; nothing in the fleet starts the devices service).
 */
class DeviceSightingsTest {

    @Test
    void aClaimedDeviceIsNotedInTheInventory() throws Exception {
        BundleContext context = FrameworkUtil.getBundle(DeviceSightingsTest.class).getBundleContext();
        PluggableTransport transport = new PluggableTransport();
        ServiceRegistration<DeviceTransport> transportRegistration = transport.register(context);
        ServiceRegistration<TokenDriver> driverRegistration = new PluggableDriver("any").register(context);
        DeviceInventory inventory = OsgiServices.await(DeviceInventory.class);
        OsgiServices.await(org.tokenbench.core.device.DeviceService.class);  // the devices service notes what it identifies
        String serial = "SIGHT-" + UUID.randomUUID().toString().substring(0, 8);
        try {
            Instant before = Instant.now().minusSeconds(1);
            transport.plug("one", new PluggableDevice(serial, null));
            Optional<Entry> seen = Optional.empty();
            for (int i = 0; i < 100 && seen.isEmpty(); i++) {
                Thread.sleep(100);
                seen = inventory.find(PluggableDriver.FAMILY, serial);
            }
            assertTrue(seen.isPresent(), "the claimed device is in the inventory");
            assertEquals(State.NEW, seen.get().state());
            assertEquals(PluggableDriver.ID, seen.get().driver());
            assertTrue(seen.get().lastSeen().isAfter(before));
        } finally {
            driverRegistration.unregister();
            transportRegistration.unregister();
        }
    }
}
