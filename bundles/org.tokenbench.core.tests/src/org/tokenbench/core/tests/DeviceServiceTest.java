package org.tokenbench.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
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
import org.tokenbench.core.TokenBenchHome;
import org.tokenbench.core.TokenException;
import org.tokenbench.core.device.Device;
import org.tokenbench.core.device.DeviceService;
import org.tokenbench.core.device.DeviceSession;
import org.tokenbench.core.device.DeviceTransport;
import org.tokenbench.core.device.OpenOptions;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.tokenbench.core.ErrorCode;
import org.tokenbench.core.Secret;
import org.tokenbench.core.driver.Atr;
import org.tokenbench.core.driver.Connection;
import org.tokenbench.core.driver.DeviceDetails;
import org.tokenbench.core.driver.DeviceIdentity;
import org.tokenbench.core.driver.DriverDescriptor;
import org.tokenbench.core.driver.FamilyDescriptor;
import org.tokenbench.core.driver.Match;
import org.tokenbench.core.driver.PinStatus;
import org.tokenbench.core.driver.PinType;
import org.tokenbench.core.driver.TokenSession;
import org.tokenbench.core.driver.Interaction;
import org.tokenbench.core.driver.PinGuard;
import org.tokenbench.core.driver.PinVerifier;
import org.tokenbench.core.driver.TokenClock;
import org.tokenbench.core.driver.TokenDriver;
import org.tokenbench.testing.OsgiServices;
import org.tokenbench.testing.PluggableDevice;
import org.tokenbench.testing.PluggableDriver;
import org.tokenbench.testing.PluggableTransport;
import org.tokenbench.testing.TestDriver;

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
    void aCardTheUserListedInKnownDevicesIsOfferedToThatDriver() throws Exception {
        driverRegistration = new PluggableDriver("3B 8. 80 01 *").register(context);
        PluggableDevice vendorCard = new PluggableDevice("BENCH-TAUGHT", atr("3B 02 14 50"));
        transport.plug("K", vendorCard);
        await("bench:K", d -> d.state() == Device.State.UNCLAIMED);
        Path known = TokenBenchHome.directory().resolve("known-devices.properties");
        Files.createDirectories(known.getParent());
        Files.writeString(known, "# taught by the user\n" + PluggableDriver.ID + "/" + PluggableDriver.FAMILY + ".atr = 3B 02 14 ..\n"
                + "no-slash.atr = 3B\n");
        try {
            transport.unplug("K");
            transport.plug("K", vendorCard);
            assertEquals("BENCH-TAUGHT", await("bench:K", d -> d.state() == Device.State.CLAIMED).serial().orElseThrow(),
                    "a malformed line is skipped, the rest is used");
        } finally {
            Files.delete(known);
        }
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

    /** A driver whose one session object is all its features, PIN verifier included, as drivers often are. */
    static final class PinKeyDriver extends TestDriver {
        static final class Session implements TokenSession, DeviceDetails, PinVerifier {
            final PinGuardTest.CountingKey key = new PinGuardTest.CountingKey(3);

            @Override
            public DeviceIdentity identity() {
                return new DeviceIdentity("test.pinkey", "pin-key", "PIN-0001");
            }

            @Override
            public <T> Optional<T> feature(Class<T> type) {
                return type.isInstance(this) ? Optional.of(type.cast(this)) : Optional.empty();
            }

            @Override
            public Map<String, String> details() {
                return Map.of("label", "test key");
            }

            @Override
            public Set<PinType> pinTypes() {
                return key.pinTypes();
            }

            @Override
            public PinStatus status(PinType type) {
                return key.status(type);
            }

            @Override
            public Attempt verifyOnce(PinType type, Secret pin) {
                return key.verifyOnce(type, pin);
            }

            @Override
            public ErrorCode lockedCode(PinType type) {
                return key.lockedCode(type);
            }

            @Override
            public void logout() {
            }

            @Override
            public void close() {
            }
        }

        PinKeyDriver() {
            super(new DriverDescriptor("test.pinkey", "TokenBench tests", "PIN key", List.of("DeviceDetails", "PinVerifier"),
                    List.of(new FamilyDescriptor("pin-key", "PIN key", true, List.of(), List.of(), Set.of(), List.of(), List.of(), List.of(), 0,
                            Set.of(PinType.USER)))));
        }

        @Override
        public Class<? extends Connection> connectionType() {
            return PluggableTransport.PluggableConnection.class;
        }

        @Override
        public Optional<Match> probe(Connection connection) {
            return Optional.of(new Match("pin-key", 99));
        }

        @Override
        public TokenSession open(Connection connection, Interaction interaction) {
            return new Session();
        }
    }

    @Test
    void noFeatureObjectLetsACallerPastThePinGuard() throws Exception {
        ServiceRegistration<TokenDriver> pinKey = new PinKeyDriver().register(context);
        try {
            transport.plug("P", new PluggableDevice("IGNORED", null));
            await("bench:P", d -> d.state() == Device.State.CLAIMED && d.claim().get().driver().id().equals("test.pinkey"));
            try (DeviceSession session = devices.open("bench:P", OpenOptions.of(Interaction.NONE))) {
                DeviceDetails details = session.feature(DeviceDetails.class).orElseThrow();
                assertEquals("test key", details.details().get("label"), "the feature works");
                assertFalse(details instanceof PinVerifier, "a DeviceDetails that is also the verifier is handed out as DeviceDetails only");
                assertTrue(session.feature(PinVerifier.class).isEmpty());
                assertEquals(3, session.feature(PinGuard.class).orElseThrow().status(PinType.USER).triesLeft());
            }
        } finally {
            pinKey.unregister();
        }
    }

    /** A transport saying an unchanged slot again (pcsc: the exclusive hold ended) makes a held device tried at once. */
    @Test
    void aHeldDeviceIsTriedAgainAtOnceWhenItsTransportReportsItsSlotAgain() throws Exception {
        // the service's own retry of a held device, pushed far beyond this test's bound
        System.setProperty("tokenbench.retryUnavailableMillis", "30000");
        try {
            driverRegistration = new PluggableDriver().register(context);
            PluggableDevice token = new PluggableDevice("BENCH-FREED", null);
            token.holdElsewhere(true);
            transport.plug("G", token);
            await("bench:G", d -> d.state() == Device.State.UNAVAILABLE);
            token.holdElsewhere(false);
            long freed = System.nanoTime();
            transport.plug("G", token);  // the same slot, the same device: nothing but "try again"
            await("bench:G", d -> d.state() == Device.State.CLAIMED);
            long millis = (System.nanoTime() - freed) / 1_000_000;
            assertTrue(millis < 8000, "claimed " + millis + " ms after the slot was reported again, not at the 30 s retry");
        } finally {
            System.clearProperty("tokenbench.retryUnavailableMillis");
        }
    }

    /**
     * A device that did not answer is not tried again by itself, nor by the refresh a polling loop calls (a batch waits
     * on it every 250 ms), but when the user asks (Refresh in the workbench): no re-plugging needed.
     */
    @Test
    void aDeviceThatFailedIsTriedAgainWhenTheUserAsks() throws Exception {
        driverRegistration = new PluggableDriver().register(context);
        PluggableDevice token = new PluggableDevice("BENCH-AGAIN", null);
        token.stopAnswering(true);
        transport.plug("H", token);
        Device failed = await("bench:H", d -> d.state() == Device.State.FAILED);
        assertTrue(failed.problem().orElseThrow().message().contains("does not answer"), failed.toString());
        token.stopAnswering(false);
        Thread.sleep(500);
        devices.refresh();
        assertEquals(Device.State.FAILED, devices.device("bench:H").orElseThrow().state(), "neither in a loop nor by refresh()");
        devices.identifyAgain();
        Device claimed = devices.device("bench:H").orElseThrow();
        assertEquals(Device.State.CLAIMED, claimed.state(), claimed.toString());
        assertEquals("BENCH-AGAIN", claimed.serial().orElseThrow());
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
        // Issue 13: with pcscd killed the list is empty for a reason a typo does not explain: the error names it.
        transport.down("cannot reach the service (it was killed)");
        try {
            TokenException down = assertThrows(TokenException.class, () -> devices.find("no such reader"));
            assertTrue(down.getMessage().contains("the bench transport cannot list devices now: cannot reach the service (it was killed)"),
                    down.getMessage());
        } finally {
            transport.down(null);
        }
    }
}
