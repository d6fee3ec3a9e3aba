package org.tokenbench.fleet.internal;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.tokenbench.core.TokenException;
import org.tokenbench.core.device.Device;
import org.tokenbench.core.device.DeviceEvent;
import org.tokenbench.core.device.DeviceService;
import org.tokenbench.core.driver.DeviceIdentity;
import org.tokenbench.core.fleet.DeviceInventory;

/**
 * Puts every device the devices service claims into the inventory ("seen"), once per insertion: the service reports
 * a device again whenever it becomes busy or free, which is not a new sighting. Writes happen on a thread of their
 * own, so a slow team database never delays the devices service's listeners. Lives in the fleet bundle (not in core)
 * because only the fleet has an inventory to write to.
 */
@Component(immediate = true)
public final class DeviceSightings {

    @Reference
    private DeviceService devices;
    @Reference
    private DeviceInventory inventory;

    private final Map<String, DeviceIdentity> recorded = new ConcurrentHashMap<>();
    private ExecutorService writer;
    private AutoCloseable subscription;

    @Activate
    void activate() {
        writer = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "TokenBench inventory");
            thread.setDaemon(true);
            return thread;
        });
        subscription = devices.onChange(this::changed);
        devices.devices().forEach(device -> changed(new DeviceEvent(DeviceEvent.Kind.ADDED, Optional.of(device), device.id(), Optional.empty())));
    }

    @Deactivate
    void deactivate() throws Exception {
        subscription.close();
        writer.shutdown();
    }

    private void changed(DeviceEvent event) {
        Optional<Device.Claim> claim = event.device().filter(d -> d.state() == Device.State.CLAIMED).flatMap(Device::claim);
        if (claim.isEmpty()) {
            if (event.kind() == DeviceEvent.Kind.REMOVED || event.device().isPresent()) {
                recorded.remove(event.deviceId());
            }
            return;
        }
        DeviceIdentity identity = claim.get().identity();
        if (identity.serial().isEmpty() || identity.equals(recorded.put(event.deviceId(), identity))) {
            return;
        }
        writer.execute(() -> {
            try {
                inventory.seen(identity, "", claim.get().clockSkew());
            } catch (TokenException e) {
                System.err.println("TokenBench: " + identity.family() + " " + identity.serial() + " not noted in the inventory: " + e.getMessage());
            }
        });
    }
}
