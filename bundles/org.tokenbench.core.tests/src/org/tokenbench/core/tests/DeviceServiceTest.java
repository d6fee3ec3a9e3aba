package org.tokenbench.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceRegistration;
import org.tokenbench.core.TokenException;
import org.tokenbench.core.device.Device;
import org.tokenbench.core.device.DeviceService;
import org.tokenbench.core.device.DeviceSession;
import org.tokenbench.core.device.DeviceTransport;
import org.tokenbench.core.device.OpenOptions;
import org.tokenbench.core.driver.Atr;
import org.tokenbench.core.driver.Interaction;
import org.tokenbench.core.driver.PinGuard;
import org.tokenbench.core.driver.PinVerifier;
import org.tokenbench.core.driver.TokenClock;
import org.tokenbench.core.driver.TokenDriver;
import org.tokenbench.testing.OsgiServices;
import org.tokenbench.testing.PluggableDevice;
import org.tokenbench.testing.PluggableDriver;
import org.tokenbench.testing.PluggableTransport;

/**
 * The devices service with a transport and a driver registered from this test bundle as OSGi services, the way a
 * vendor's bundles would be: identification, ATR filtering, exclusive access, ownership of connections.
 */
class DeviceServiceTest {

    private final BundleContext context = FrameworkUtil.getBundle(DeviceServiceTest.class).getBundleContext();
    private final PluggableTransport transport = new PluggableTransport();
    private ServiceRegistration<DeviceTransport> transportRegistration;
    private ServiceRegistration<TokenDriver> driverRegistration;
    private DeviceService devices;

    @BeforeEach
    void register() throws InterruptedException {
        devices = OsgiServices.await(DeviceService.class);
        transportRegistration = transport.register(context);
    }

    @AfterEach
    void unregister() {
        if (driverRegistration != null) {
            driverRegistration.unregister();
        }
        transportRegistration.unregister();
    }

    private static Atr atr(String hex) {
        return new Atr(HexFormat.of().parseHex(hex.replace(" ", "")));
    }

    private Device await(String id, Predicate<Device> condition) throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            Device device = devices.device(id).orElse(null);
            if (device != null && condition.test(device)) {
                return device;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("device " + id + " never reached the expected state: " + devices.device(id));
    }

    @Test
    void aDeviceIsIdentifiedWhenItIsPluggedAndForgottenWhenItsSlotGoes() throws Exception {
        driverRegistration = new PluggableDriver("3B 8. 80 01 *").register(context);
        transport.addSlot("A");
        assertEquals(Device.State.EMPTY, await("bench:A", d -> true).state());

        PluggableDevice token = new PluggableDevice("BENCH-0001", atr("3B 80 80 01 01"));
        transport.plug("A", token);
        Device claimed = await("bench:A", d -> d.state() == Device.State.CLAIMED);
        assertEquals(PluggableDriver.ID, claimed.claim().orElseThrow().driver().id());
        assertEquals(PluggableDriver.FAMILY, claimed.claim().orElseThrow().family().id());
        assertEquals("BENCH-0001", claimed.serial().orElseThrow());
        assertTrue(claimed.claim().orElseThrow().clockSkew().isPresent(), "the clock of a device with one is compared at identification");
        assertEquals(List.of("connect", "probe", "open", "close", "disconnect"), token.log(),
                "identification closes the driver's session before the service closes the connection");

        transport.unplug("A");
        assertEquals(Device.State.EMPTY, await("bench:A", d -> d.state() == Device.State.EMPTY).state());
        transport.removeSlot("A");
        for (int i = 0; i < 50 && devices.device("bench:A").isPresent(); i++) {
            Thread.sleep(20);
        }
        assertTrue(devices.device("bench:A").isEmpty());
    }

    @Test
    void aCardWhoseAtrNoDescriptorMatchesIsNeverProbed() throws Exception {
        driverRegistration = new PluggableDriver("3B 8. 80 01 *").register(context);
        PluggableDevice contactCard = new PluggableDevice("FOREIGN", atr("3B 02 14 50"));
        transport.plug("B", contactCard);
        Device device = await("bench:B", d -> d.state() == Device.State.UNCLAIMED);
        assertTrue(device.problem().orElseThrow().message().contains("3B 02 14 50"), device.problem().toString());
        assertFalse(contactCard.log().contains("probe"), "no driver APDU reaches a card nobody describes: " + contactCard.log());
    }

    @Test
    void aDriverInstalledLaterClaimsWhatNobodyClaimed() throws Exception {
        PluggableDevice token = new PluggableDevice("BENCH-LATE", null);
        transport.plug("C", token);
        await("bench:C", d -> d.state() == Device.State.UNCLAIMED);
        driverRegistration = new PluggableDriver().register(context);
        assertEquals("BENCH-LATE", await("bench:C", d -> d.state() == Device.State.CLAIMED).serial().orElseThrow());
    }

    @Test
    void twoOperationsOnOneDeviceNeverInterleave() throws Exception {
        driverRegistration = new PluggableDriver("any").register(context);
        PluggableDevice token = new PluggableDevice("BENCH-0002", atr("3B 02 14 50"));
        transport.plug("D", token);
        await("bench:D", d -> d.state() == Device.State.CLAIMED);

        CountDownLatch firstRunning = new CountDownLatch(1);
        CompletableFuture<Void> burn = CompletableFuture.runAsync(() -> {
            try (DeviceSession session = devices.open("bench:D", OpenOptions.of(Interaction.NONE))) {
                assertTrue(devices.device("bench:D").orElseThrow().busy(), "a device in use says so");
                firstRunning.countDown();
                session.feature(PluggableDriver.Work.class).orElseThrow().run("burn", Duration.ofMillis(400));
            } catch (TokenException e) {
                throw new AssertionError(e);
            }
        });
        assertTrue(firstRunning.await(5, TimeUnit.SECONDS));

        TokenException busy = assertThrows(TokenException.class,
                () -> devices.open("bench:D", OpenOptions.of(Interaction.NONE).withPatience(Duration.ofMillis(50))));
        assertTrue(busy.getMessage().contains("another TokenBench operation"), busy.getMessage());

        try (DeviceSession second = devices.open("bench:D", OpenOptions.of(Interaction.NONE))) {
            second.feature(PluggableDriver.Work.class).orElseThrow().run("connect", Duration.ofMillis(10));
        }
        burn.get(5, TimeUnit.SECONDS);
        List<String> log = token.log();
        List<String> work = log.stream().filter(e -> e.startsWith("start") || e.startsWith("end")).toList();
        assertEquals(List.of("start burn", "end burn", "start connect", "end connect"), work, "the second waited: " + log);
        assertFalse(devices.device("bench:D").orElseThrow().busy());
    }

    @Test
    void callersGetThePinGuardNeverTheDriversVerifier() throws Exception {
        driverRegistration = new PluggableDriver().register(context);
        transport.plug("E", new PluggableDevice("BENCH-0003", null));
        await("bench:E", d -> d.state() == Device.State.CLAIMED);
        try (DeviceSession session = devices.open("bench:E", OpenOptions.of(Interaction.NONE))) {
            assertTrue(session.feature(PinVerifier.class).isEmpty());
            assertTrue(session.feature(PinGuard.class).isEmpty(), "this device has no PIN");
            assertTrue(session.feature(TokenClock.class).isPresent());
            assertEquals("bench-token", session.family().id());
        }
    }

    @Test
    void aDeviceAnotherProgramHoldsIsShownAsSuchAndFoundByItsSerialOnceFree() throws Exception {
        driverRegistration = new PluggableDriver().register(context);
        PluggableDevice token = new PluggableDevice("BENCH-HELD", null);
        token.holdElsewhere(true);
        transport.plug("F", token);
        Device held = await("bench:F", d -> d.state() == Device.State.UNAVAILABLE);
        assertTrue(held.problem().orElseThrow().message().contains("another program"));
        token.holdElsewhere(false);
        await("bench:F", d -> d.state() == Device.State.CLAIMED);
        assertEquals("bench:F", devices.find("BENCH-HELD").id());
        assertEquals("bench:F", devices.find("Bench F").id());
        TokenException none = assertThrows(TokenException.class, () -> devices.find("no such reader"));
        assertTrue(none.getMessage().contains("Bench F"), "the error lists what is there: " + none.getMessage());
    }
}
