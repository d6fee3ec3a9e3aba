package org.tokenbench.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.tokenbench.core.driver.DriverInfo;
import org.tokenbench.core.driver.TokenSession;
import org.tokenbench.testing.PluggableDevice;
import org.tokenbench.testing.PluggableTransport;
import org.tokenbench.ui.internal.model.DeviceOffer;
import org.tokenbench.ui.internal.model.DeviceOffer.Page;

/** Which device editor pages a session's features call for, and the overview's rows: plain Java, no display, no device service. */
class DeviceOfferTest {

    private final VendorKeyDriver vendor = new VendorKeyDriver();

    @Test
    void aSessionWithEveryFeatureGetsEveryPageAndHistoryOnlyWithAnAuditLog() throws Exception {
        try (TokenSession session = vendor.open(connection("VK-1"), null)) {
            assertEquals(EnumSet.allOf(Page.class), DeviceOffer.pages(session, true));
            assertEquals(EnumSet.complementOf(EnumSet.of(Page.HISTORY)), DeviceOffer.pages(session, false));
        }
    }

    @Test
    void aClockOnlySessionGetsTheSeedPageForItsClockAndNothingElse() throws Exception {
        try (TokenSession session = new org.tokenbench.testing.PluggableDriver().open(connection("BENCH-1"), null)) {
            assertEquals(EnumSet.of(Page.OVERVIEW, Page.SEED), DeviceOffer.pages(session, false));
        }
    }

    @Test
    void theOverviewShowsIdentityDriverDescriptorAndDetailsInOrder() throws Exception {
        try (TokenSession session = vendor.open(connection("VK-2"), null)) {
            DriverInfo driver = new DriverInfo(VendorKeyDriver.ID, "Example Vendor", "Example vendor key (test driver)", "1.2.3");
            DeviceOffer offer = DeviceOffer.read("bench:A", "bench slot A", driver, vendor.descriptor().families().get(0), session,
                    Optional.of(Duration.ofSeconds(-3)), true);
            List<Map.Entry<String, String>> rows = offer.overviewRows();
            Map<String, String> byKey = new java.util.LinkedHashMap<>();
            rows.forEach(row -> byKey.put(row.getKey(), row.getValue()));
            assertEquals("VK-2", byKey.get("Serial"));
            assertEquals("com.example.driver.vendorkey 1.2.3", byKey.get("Driver bundle"));
            assertEquals("-3 s", byKey.get("Clock vs PC"));
            assertEquals("SHA1/SHA256, 6/8 digits, 30/60 s", byKey.get("OTP settings"));
            assertEquals("User PIN", byKey.get("PINs"));
            List<String> keys = List.copyOf(byKey.keySet());
            assertTrue(keys.indexOf("Manufacturer") < keys.indexOf("Firmware") && keys.indexOf("Firmware") < keys.indexOf("Free space"),
                    "the device's details keep its order: " + keys);
            assertEquals("bench:A", rows.get(rows.size() - 1).getValue());
        }
    }

    private static org.tokenbench.core.driver.Connection connection(String serial) throws Exception {
        PluggableTransport transport = new PluggableTransport();
        transport.addSlot("A");
        transport.plug("A", new PluggableDevice(serial, null));
        return transport.connect("A", Duration.ofSeconds(1), null);
    }
}
