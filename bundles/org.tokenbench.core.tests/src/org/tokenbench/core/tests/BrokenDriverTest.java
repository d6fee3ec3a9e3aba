package org.tokenbench.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.function.Predicate;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceRegistration;
import org.tokenbench.core.ErrorCode;
import org.tokenbench.core.device.Device;
import org.tokenbench.core.device.DeviceService;
import org.tokenbench.core.driver.Atr;
import org.tokenbench.core.driver.Connection;
import org.tokenbench.core.driver.DriverDescriptor;
import org.tokenbench.core.driver.FamilyDescriptor;
import org.tokenbench.core.driver.HashAlgorithm;
import org.tokenbench.core.driver.Match;
import org.tokenbench.testing.OsgiServices;
import org.tokenbench.testing.PluggableDevice;
import org.tokenbench.testing.PluggableDriver;
import org.tokenbench.testing.PluggableTransport;
import org.tokenbench.testing.PluggableTransport.PluggableConnection;
import org.tokenbench.testing.TestDriver;

/**
 * A driver that throws or hangs in its probe is skipped with its bundle's name in the device's problem, and the
 * other drivers still claim their devices: a vendor's defect does not take the platform down.
 */
class BrokenDriverTest {

    private final BundleContext context = FrameworkUtil.getBundle(BrokenDriverTest.class).getBundleContext();
    private final PluggableTransport transport = new PluggableTransport();
    private final CountDownLatch release = new CountDownLatch(1);
    private final java.util.concurrent.CompletableFuture<String> lateProbe = new java.util.concurrent.CompletableFuture<>();
    private final List<ServiceRegistration<?>> registrations = new java.util.ArrayList<>();
    private DeviceService devices;

    /** Claims every bench device, but its probe throws or waits until the test ends. */
    private final class BrokenDriver extends TestDriver {
        private final boolean hang;

        BrokenDriver(boolean hang) {
            super(new DriverDescriptor("com.example.broken", "Example", "Broken driver", List.of(), List.of(new FamilyDescriptor("broken",
                    "Broken", true, List.of(), List.of(), Set.of(HashAlgorithm.SHA1), List.of(6), List.of(30), List.of(), 1, Set.of()))));
            this.hang = hang;
        }

        @Override
        public Class<? extends Connection> connectionType() {
            return PluggableConnection.class;
        }

        @Override
        public Optional<Match> probe(Connection connection) {
            if (!hang) {
                throw new IllegalStateException("defect in the example driver");
            }
            try {
                release.await();
            } catch (InterruptedException e) {
                // cancelled after its time: carries on regardless, as a careless driver would
            }
            try {
                // Too late: the devices service moved on; this must fail, not talk to a device someone else now uses.
                ((PluggableConnection) connection).device().record("late probe");
                lateProbe.complete("used the connection");
            } catch (RuntimeException e) {
                lateProbe.complete("failed: " + e.getMessage());
            }
            return Optional.of(new Match("broken", 100));
        }
    }

    @BeforeEach
    void register() throws InterruptedException {
        System.setProperty("tokenbench.probeTimeoutSeconds", "1");
        devices = OsgiServices.await(DeviceService.class);
        registrations.add(transport.register(context));
    }

    @AfterEach
    void unregister() {
        release.countDown();
        registrations.forEach(ServiceRegistration::unregister);
        System.clearProperty("tokenbench.probeTimeoutSeconds");
    }

    private Device await(String id, Predicate<Device> condition) throws InterruptedException {
        for (int i = 0; i < 200; i++) {
            Device device = devices.device(id).orElse(null);
            if (device != null && condition.test(device)) {
                return device;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("device " + id + " never reached the expected state: " + devices.device(id));
    }

    private static Atr atr(String hex) {
        return new Atr(HexFormat.of().parseHex(hex.replace(" ", "")));
    }

    @Test
    void aProbeThatThrowsIsSkippedAndTheRightDriverStillClaims() throws Exception {
        registrations.add(new BrokenDriver(false).register(context));
        registrations.add(new PluggableDriver("3B 8. 80 01 *").register(context));
        transport.plug("T", new PluggableDevice("BENCH-T", atr("3B 80 80 01 01")));
        Device device = await("bench:T", d -> d.state() == Device.State.CLAIMED);
        assertEquals(PluggableDriver.ID, device.claim().orElseThrow().driver().id());
    }

    @Test
    void aProbeThatHangsTimesOutNamingTheBundleAndTheRightDriverStillClaims() throws Exception {
        registrations.add(new BrokenDriver(true).register(context));
        registrations.add(new PluggableDriver("3B 8. 80 01 *").register(context));
        long start = System.nanoTime();
        transport.plug("H", new PluggableDevice("BENCH-H", atr("3B 80 80 01 01")));
        Device device = await("bench:H", d -> d.state() == Device.State.CLAIMED);
        assertEquals(PluggableDriver.ID, device.claim().orElseThrow().driver().id());
        assertTrue(System.nanoTime() - start < 8_000_000_000L, "one probe's time limit, not forever");
    }

    @Test
    void aTimedOutProbeNoLongerReachesTheDevice() throws Exception {
        registrations.add(new BrokenDriver(true).register(context));
        registrations.add(new PluggableDriver("3B 8. 80 01 *").register(context));
        PluggableDevice device = new PluggableDevice("BENCH-L", atr("3B 80 80 01 01"));
        transport.plug("L", device);
        await("bench:L", d -> d.state() == Device.State.CLAIMED);
        release.countDown();
        String late = lateProbe.get(10, java.util.concurrent.TimeUnit.SECONDS);
        assertTrue(late.startsWith("failed: ") && late.contains("closed"), late);
        assertFalse(device.log().contains("late probe"), device.log().toString());
        // the abandoned connection was closed and the other driver identified the device over a fresh one
        List<String> log = device.log();
        assertTrue(log.indexOf("disconnect") < log.lastIndexOf("connect") && log.indexOf("disconnect") > 0, log.toString());
    }

    @Test
    void aDeviceOnlyABrokenDriverWantsFailsWithTheDriverAndItsBundleNamed() throws Exception {
        registrations.add(new BrokenDriver(true).register(context));
        transport.plug("X", new PluggableDevice("BENCH-X", atr("3B 80 80 01 01")));
        Device device = await("bench:X", d -> d.state() == Device.State.FAILED);
        Device.Problem problem = device.problem().orElseThrow();
        assertEquals(ErrorCode.of(ErrorCode.TOKENBENCH, 0x40), problem.code());
        // The test classes are a fragment of core, so core is the bundle named.
        assertTrue(problem.message().contains("com.example.broken") && problem.message().contains("(bundle org.tokenbench.core "), problem.message());
    }
}
