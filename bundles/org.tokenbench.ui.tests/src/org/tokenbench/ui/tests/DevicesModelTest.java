package org.tokenbench.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.tokenbench.core.ErrorCode;
import org.tokenbench.core.device.Device;
import org.tokenbench.core.device.Slot;
import org.tokenbench.core.driver.DeviceIdentity;
import org.tokenbench.core.driver.DriverInfo;
import org.tokenbench.core.driver.FamilyDescriptor;
import org.tokenbench.testing.PluggableTransport;
import org.tokenbench.ui.internal.model.DevicesModel;

/** The Devices view's rows and first-run guidance, without a display or a devices service. */
class DevicesModelTest {

    private static final FamilyDescriptor FAMILY = new FamilyDescriptor("bench-token", "Bench token", false, List.of(), List.of(), Set.of(),
            List.of(), List.of(), List.of(), 0, Set.of());

    @Test
    void guidanceSaysWhatToDoNextFromTheTransportsAndDevices() {
        DevicesModel model = new DevicesModel();
        assertTrue(model.guidance().startsWith("The devices service is not running"), model.guidance());
        PluggableTransport bench = new PluggableTransport();
        model.update(List.of(), List.of());
        assertTrue(model.guidance().startsWith("No device transport is installed"), model.guidance());
        model.update(List.of(), List.of(bench));
        assertEquals("Test bench (pluggable Java devices): none connected. 0 bench slots", model.guidance().replaceAll("^[^:]*:", "Test bench (pluggable Java devices):"));
        model.update(List.of(empty("A")), List.of(bench));
        assertTrue(model.guidance().endsWith("put a token or card on a reader to identify it."), model.guidance());
        Device claimed = claimed("A", "BENCH-9");
        model.update(List.of(claimed), List.of(bench));
        assertEquals("Double-click a device to open its editor.", model.guidance());
        assertEquals(Optional.of(claimed), model.device("bench:A"));
    }

    @Test
    void rowsSayStateClaimClockAndBusyInWords() {
        Device claimed = claimed("A", "BENCH-9");
        assertEquals("claimed", DevicesModel.stateText(claimed));
        assertEquals("Bench driver — Bench token", DevicesModel.claimText(claimed));
        assertEquals("-4 s", DevicesModel.skewText(claimed));
        assertEquals("", DevicesModel.busyText(claimed));
        assertTrue(DevicesModel.canOpen(claimed));
        Device failed = new Device("bench:B", slot("B", true), Device.State.FAILED, Optional.empty(),
                Optional.of(new Device.Problem("removed half-way", ErrorCode.of(ErrorCode.TOKENBENCH, 0xE))), true);
        assertEquals("failed: removed half-way", DevicesModel.stateText(failed));
        assertEquals("busy", DevicesModel.busyText(failed));
        assertFalse(DevicesModel.canOpen(failed), "no driver claimed it: there is no editor to open");
        assertFalse(DevicesModel.canOpen(empty("C")));
    }

    private static Slot slot(String id, boolean present) {
        return new Slot(PluggableTransport.ID, id, "bench slot " + id, present, Optional.empty(), Map.of());
    }

    private static Device empty(String id) {
        return new Device("bench:" + id, slot(id, false), Device.State.EMPTY, Optional.empty(), Optional.empty(), false);
    }

    private static Device claimed(String id, String serial) {
        return new Device("bench:" + id, slot(id, true), Device.State.CLAIMED, Optional.of(new Device.Claim(
                new DriverInfo("bench", "TokenBench tests", "Bench driver", "1.0"), FAMILY, new DeviceIdentity("bench", "bench-token", serial),
                Optional.of(Duration.ofSeconds(-4)))), Optional.empty(), false);
    }
}
