package org.tokenbench.cli.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceRegistration;
import org.tokenbench.core.device.DeviceTransport;
import org.tokenbench.core.driver.TokenDriver;
import org.tokenbench.testing.PluggableDevice;
import org.tokenbench.testing.PluggableDriver;
import org.tokenbench.testing.PluggableTransport;

/**
 * {@code tokenbench devices} and the device commands with a transport and a driver registered from this test bundle,
 * with their own connection type, as a vendor's would be: the CLI shows and uses them without knowing them.
 */
class DevicesCommandTest {

    private final PluggableTransport transport = new PluggableTransport();
    private ServiceRegistration<DeviceTransport> transportRegistration;
    private ServiceRegistration<TokenDriver> driverRegistration;

    @BeforeEach
    void registerAVendorsTransportAndDriver() {
        BundleContext context = FrameworkUtil.getBundle(DevicesCommandTest.class).getBundleContext();
        transportRegistration = transport.register(context);
        driverRegistration = new PluggableDriver("any").register(context);
    }

    @AfterEach
    void unregister() {
        driverRegistration.unregister();
        transportRegistration.unregister();
    }

    @Test
    void listsEverySlotWithTheClaimingDriverTheFamilyAndTheSerial() {
        transport.addSlot("one");
        transport.plug("one", new PluggableDevice("BENCH-0001", null));
        transport.addSlot("two");

        CliRun plain = CliRun.of("devices");
        assertEquals(0, plain.exitCode(), plain.err());
        assertTrue(plain.out().lines().anyMatch("bench:one\tCLAIMED\tBench token\tBENCH-0001"::equals), plain.out());
        assertTrue(plain.out().lines().anyMatch("bench:two\tEMPTY"::equals), plain.out());

        CliRun json = CliRun.of("devices", "--json");
        assertEquals(0, json.exitCode(), json.err());
        assertTrue(json.out().lines().anyMatch(l -> l.startsWith("{\"id\": \"bench:one\", \"transport\": \"bench\", \"name\": \"Bench one\", "
                + "\"state\": \"CLAIMED\", \"driver\": \"" + PluggableDriver.ID + "\", \"family\": \"bench-token\", \"familyName\": \"Bench token\", "
                + "\"serial\": \"BENCH-0001\"")), json.out());

        assertTrue(CliRun.of("drivers").out().lines().anyMatch(PluggableDriver.ID::equals));
        assertEquals(2, CliRun.of("devices", "extra").exitCode());
    }

    @Test
    void tokenInfoWorksForAnyDriverOfferingTheFeatures() {
        transport.addSlot("one");
        transport.plug("one", new PluggableDevice("BENCH-0002", null));
        CliRun info = CliRun.of("token", "info", "--reader", "bench:one", "--json");
        assertEquals(0, info.exitCode(), info.err());
        assertTrue(info.out().startsWith("{\"reader\": \"Bench one\", \"driver\": \"" + PluggableDriver.ID
                + "\", \"family\": \"bench-token\", \"serial\": \"BENCH-0002\", \"tokenTime\": "), info.out());
        CliRun bySerial = CliRun.of("token", "info", "--reader", "BENCH-0002");
        assertEquals("BENCH-0002", bySerial.out().strip(), bySerial.err());
    }

    @Test
    void aDeviceAnotherProgramHoldsIsReportedWithItsMessage() {
        transport.addSlot("one");
        PluggableDevice device = new PluggableDevice("BENCH-0003", null);
        transport.plug("one", device);
        CliRun.of("devices");  // identified while free
        device.holdElsewhere(true);
        CliRun held = CliRun.of("token", "info", "--reader", "bench:one", "--wait", "0");
        assertEquals(3, held.exitCode(), held.err());
        assertTrue(held.err().contains("another program is using bench slot one"), held.err());
        assertTrue(held.err().contains("[tokenbench:0x000F]"), held.err());
        assertFalse(held.err().contains("Exception"), held.err());
    }

    @Test
    void anUnknownReaderNamesWhatThereIs() {
        CliRun run = CliRun.of("token", "info", "--reader", "no such reader");
        assertEquals(3, run.exitCode());
        assertTrue(run.err().contains("[tokenbench:0x000C]"), run.err());
    }
}
