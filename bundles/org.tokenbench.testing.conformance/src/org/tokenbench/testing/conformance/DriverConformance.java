package org.tokenbench.testing.conformance;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Predicate;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.osgi.annotation.versioning.ConsumerType;
import org.tokenbench.core.TokenException;
import org.tokenbench.core.device.Device;
import org.tokenbench.core.device.DeviceService;
import org.tokenbench.core.device.DeviceSession;
import org.tokenbench.core.device.OpenOptions;
import org.tokenbench.core.driver.DriverDescriptor;
import org.tokenbench.core.driver.DriverRegistry;
import org.tokenbench.core.driver.FamilyDescriptor;
import org.tokenbench.core.driver.Interaction;
import org.tokenbench.core.driver.PinGuard;
import org.tokenbench.core.driver.PinType;
import org.tokenbench.core.driver.PinVerifier;
import org.tokenbench.core.driver.TokenDriver;
import org.tokenbench.testing.OsgiServices;

/**
 * The contracts every driver keeps, checked through the real devices service against the driver's own virtual device.
 * A driver's test fragment extends this (or {@link PcscDriverConformance}) and says how to plug its device in and
 * out, what state a probe must leave alone, and one operation that talks to the device:
 * <ul>
 * <li>the driver is registered with a descriptor whose families and features are usable;</li>
 * <li>identifying the device (probe, open, identity, close) changes nothing on it and spends no PIN or key try;</li>
 * <li>a session offers only features the descriptor declares, and at least one ({@code PinVerifier} only as the
 * platform's {@link PinGuard}), identifies the device as identification did, and closes cleanly: the device can be
 * opened again at once;</li>
 * <li>a device removed in the middle of an operation ends it with a {@link TokenException} (an error code the catalogs
 * explain), never a runtime exception or a hang, and the device is claimed again once it is back.</li>
 * </ul>
 */
@ConsumerType
public abstract class DriverConformance {

    /** How long identification may take on a test machine. */
    protected static final Duration IDENTIFY_LIMIT = Duration.ofSeconds(15);

    /** The id in the driver's descriptor (by convention its bundle's name). */
    protected abstract String driverId();

    /** Puts the device in; returns its id as the devices service names it (e.g. {@code pcsc:Virtual PCD 00 00}). */
    protected abstract String plug() throws Exception;

    /** Takes the device away again (the suite calls it after every test). */
    protected abstract void unplug() throws Exception;

    /** Everything a probe must leave as it was, as text: seeds and keys present, tries left, settings, clock offset. */
    protected abstract String deviceState();

    /** Arranges that the device disappears during its next exchange; false if the virtual device cannot do that. */
    protected abstract boolean removeDuringNextExchange();

    /** One operation through a feature of {@code session} that exchanges with the device (read the clock, the PIN status...). */
    protected abstract void operate(DeviceSession session) throws TokenException;

    /** The feature interfaces TokenBench defines; {@code PinVerifier} reaches callers as {@link PinGuard}. */
    private static final List<String> STANDARD_FEATURES = List.of("SeedProgramming", "TokenClock", "ClockSetting", "AccessKey",
            "PinVerifier", "Certificates", "Signing", "Checklist", "CredentialStore", "DeviceDetails");

    private boolean plugged;

    private String pluggedId;

    @AfterEach
    void unplugDevice() throws Exception {
        if (plugged) {
            plugged = false;
            unplug();
            // The next test's device goes into the same slot: it must not find this one's claim still standing
            if (pluggedId != null) {
                awaitUnclaimed(pluggedId);
            }
        }
    }

    protected final DeviceService devices() throws InterruptedException {
        return OsgiServices.await(DeviceService.class);
    }

    private String plugAndAwaitClaim() throws Exception {
        String id = plug();
        plugged = true;
        pluggedId = id;
        Device device = await(id, d -> d.state() == Device.State.CLAIMED || d.state() == Device.State.FAILED
                || d.state() == Device.State.UNCLAIMED);
        assertEquals(Device.State.CLAIMED, device.state(), "the device is claimed: " + device);
        assertEquals(driverId(), device.claim().orElseThrow().driver().id(), "claimed by the driver under test");
        return id;
    }

    protected final Device await(String id, Predicate<Device> condition) throws InterruptedException {
        DeviceService devices = devices();
        long deadline = System.nanoTime() + IDENTIFY_LIMIT.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<Device> device = devices.device(id);
            if (device.isPresent() && condition.test(device.get())) {
                return device.get();
            }
            Thread.sleep(50);
        }
        return fail("device " + id + " never reached the expected state within " + IDENTIFY_LIMIT.toSeconds() + " s: " + devices.device(id));
    }

    /** Until the device is gone (an SKF key leaves the list) or no longer claimed (a reader stays, empty). */
    protected final void awaitUnclaimed(String id) throws InterruptedException {
        DeviceService devices = devices();
        long deadline = System.nanoTime() + IDENTIFY_LIMIT.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<Device> device = devices.device(id);
            if (device.isEmpty() || device.get().state() != Device.State.CLAIMED) {
                return;
            }
            Thread.sleep(50);
        }
        fail("device " + id + " is still claimed " + IDENTIFY_LIMIT.toSeconds() + " s after it was taken away");
    }

    /** How long an operation on a device that was pulled out may take to fail. */
    static final Duration REMOVAL_LIMIT = Duration.ofSeconds(30);

    @Test
    void theDriverIsRegisteredWithAUsableDescriptor() throws Exception {
        DriverRegistry registry = OsgiServices.await(DriverRegistry.class);
        DriverRegistry.RegisteredDriver registered = null;
        for (int i = 0; i < 100 && registered == null; i++) {
            registered = registry.driver(driverId()).orElse(null);
            Thread.sleep(i == 0 ? 0 : 50);
        }
        assertTrue(registered != null, "a TokenDriver service with the id " + driverId() + " is registered: " + registry.drivers());
        DriverDescriptor descriptor = registered.descriptor();
        assertFalse(descriptor.families().isEmpty(), "the descriptor describes at least one family");
        for (FamilyDescriptor family : descriptor.families()) {
            assertTrue(family.anyAtr() || !family.atrPatterns().isEmpty() || !family.readerPatterns().isEmpty()
                    || !registered.driver().connectionType().getName().contains("pcsc"),
                    family.id() + ": a smart-card family names the ATRs or readers it claims, so other cards never see its probe");
        }
        for (String feature : descriptor.features()) {
            assertTrue(featureType(feature).isInterface(), feature + " is a feature interface of " + TokenDriver.class.getPackageName());
        }
    }

    @Test
    void identifyingTheDeviceChangesNothingOnItAndSpendsNoTry() throws Exception {
        String before = deviceState();
        String id = plugAndAwaitClaim();
        assertEquals(before, deviceState(), "probe, open and identity left the device as it was");
        // The device's own counters, as its PinGuard reads them (without spending a try), whatever deviceState() covers
        Map<PinType, Integer> triesBefore = triesLeft(id);
        unplug();
        plugged = false;
        awaitUnclaimed(id);
        plugAndAwaitClaim();
        assertEquals(before, deviceState(), "a second identification left the device as it was too");
        assertEquals(triesBefore, triesLeft(id), "identifying the device again spent no PIN try");
    }

    /** Tries left per PIN type, read through a session's PinGuard; empty for a device without PINs. */
    private Map<PinType, Integer> triesLeft(String id) throws Exception {
        Map<PinType, Integer> tries = new TreeMap<>();
        try (DeviceSession session = devices().open(id, OpenOptions.of(Interaction.NONE))) {
            Optional<PinGuard> guard = session.feature(PinGuard.class);
            if (guard.isPresent()) {
                for (PinType type : guard.get().pinTypes()) {
                    tries.put(type, guard.get().status(type).triesLeft());
                }
            }
        }
        return tries;
    }

    @Test
    void aSessionOffersTheDeclaredFeaturesAndClosesCleanly() throws Exception {
        String id = plugAndAwaitClaim();
        Device device = devices().device(id).orElseThrow();
        DriverDescriptor descriptor = OsgiServices.await(DriverRegistry.class).driver(driverId()).orElseThrow().descriptor();
        try (DeviceSession session = devices().open(id, OpenOptions.of(Interaction.NONE))) {
            assertEquals(device.serial().orElseThrow(), session.identity().serial(), "the session names the device as identification did");
            // The descriptor lists what the driver's sessions may offer (a family may offer less): what a session offers
            // must be declared, so the Drivers view and tokenbench drivers tell the truth, and it offers something.
            int offered = 0;
            for (String feature : STANDARD_FEATURES) {
                Class<?> type = PinVerifier.class.getSimpleName().equals(feature) ? PinGuard.class : featureType(feature);
                if (session.feature(type).isPresent()) {
                    offered++;
                    assertTrue(descriptor.features().contains(feature), "the session offers " + type.getSimpleName()
                            + ", which the descriptor's features do not declare: " + descriptor.features());
                }
            }
            assertTrue(offered > 0 || descriptor.features().isEmpty(), "the session offers none of the declared features " + descriptor.features());
            assertTrue(session.feature(PinVerifier.class).isEmpty(), "callers never get the driver's PinVerifier, only the PinGuard");
            operate(session);
        }
        // Closed means released: the next operation does not wait.
        try (DeviceSession again = devices().open(id, OpenOptions.of(Interaction.NONE).withPatience(Duration.ofMillis(500)))) {
            operate(again);
        }
        assertEquals(Device.State.CLAIMED, devices().device(id).orElseThrow().state());
    }

    @Test
    void aDeviceRemovedMidOperationEndsItInACleanFailure() throws Exception {
        String id = plugAndAwaitClaim();
        try (DeviceSession session = devices().open(id, OpenOptions.of(Interaction.NONE))) {
            Assumptions.assumeTrue(removeDuringNextExchange(), "this virtual device cannot vanish mid-operation");
            // Never a hang: the operation ends within REMOVAL_LIMIT, with a TokenException (not a runtime exception)
            TokenException failure = assertTimeoutPreemptively(REMOVAL_LIMIT, () -> assertThrows(TokenException.class, () -> operate(session),
                    "a device pulled out mid-operation ends the operation with a TokenException"), "the operation on a removed device hangs");
            assertTrue(failure.code() != null && !failure.getMessage().isBlank(), "with an error code and a message: " + failure);
        } catch (RuntimeException e) {
            fail("closing the session of a removed device must not throw", e);
        }
        unplug();
        plugged = false;
        assertDoesNotThrow(() -> awaitUnclaimed(id));
        plugAndAwaitClaim();
    }

    private static Class<?> featureType(String feature) {
        try {
            return Class.forName(TokenDriver.class.getPackageName() + "." + feature);
        } catch (ClassNotFoundException e) {
            return fail("the descriptor names a feature TokenBench does not define: " + feature);
        }
    }
}
