package org.tokenbench.pcsc.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.osgi.util.tracker.ServiceTracker;
import org.tokenbench.core.device.Device;
import org.tokenbench.core.device.DeviceService;
import org.tokenbench.pcsc.ApduChannel;
import org.tokenbench.pcsc.PcscTransport;
import org.tokenbench.testing.pcsc.SafeIdVirtualToken;
import org.tokenbench.testing.pcsc.VirtualReader;

/**
 * A token another program holds exclusively (a vendor tool, a browser, scdaemon) is shown by the devices service as
 * held by another program, with the PC/SC code whose catalog entry says what to do, not as an empty reader; once
 * the program lets go it is identified at once, without a refresh.
 */
class CardHeldElsewhereTest {

    private static final String HELD = "pcsc:0x8010000B";
    private static final String SAFEID = "org.tokenbench.driver.safeid";
    private static final Duration WITHIN = Duration.ofSeconds(15);

    private final VirtualReader reader = new VirtualReader(0);
    private final String deviceId = "pcsc:" + reader.name();

    /**
     * Put the devices service back as the other test classes expect it, not started: once active it watches the
     * readers and identifies (so briefly holds) every card they insert. Disabled and enabled again, it is a fresh,
     * delayed component.
     */
    @AfterEach
    void stopTheDevicesServiceAndTakeTheCardOut() throws Exception {
        BundleContext context = FrameworkUtil.getBundle(PcscTransport.class).getBundleContext();
        ServiceReference<ServiceComponentRuntime> reference = context.getServiceReference(ServiceComponentRuntime.class);
        ServiceComponentRuntime scr = context.getService(reference);
        try {
            ComponentDescriptionDTO component = scr.getComponentDescriptionDTO(FrameworkUtil.getBundle(DeviceService.class),
                    "org.tokenbench.core.internal.DeviceServiceComponent");
            scr.disableComponent(component).getValue();
            scr.enableComponent(component).getValue();
        } finally {
            context.ungetService(reference);
            reader.remove();
        }
    }

    @Test
    void aCardHeldExclusivelyIsShownHeldThenIdentifiedOnceReleased() throws Exception {
        // the service's own retry of a held card, pushed far beyond this test's bound: only the release can identify it
        System.setProperty("tokenbench.retryUnavailableMillis", "30000");
        reader.insert(SafeIdVirtualToken.factoryNew("TB-HELD-0001"));
        // Another PC/SC context (its own SCARDCONTEXT, SCARD_SHARE_EXCLUSIVE), as another program has: it takes the
        // card before the devices service starts here, so the service meets the card already held.
        ApduChannel otherProgram = new PcscTransport().connect(reader.name(), Duration.ZERO, null);
        ServiceTracker<DeviceService, DeviceService> tracker = new ServiceTracker<>(
                FrameworkUtil.getBundle(PcscTransport.class).getBundleContext(), DeviceService.class, null);
        tracker.open();
        try {
            DeviceService devices = tracker.waitForService(10_000);
            assertNotNull(devices, "the devices service did not start");
            List<Device.State> seen = new ArrayList<>();
            Device held = await(devices, seen, "the card held by another program", d -> d.state() == Device.State.UNAVAILABLE);
            assertTrue(held.slot().devicePresent(), "a held card is a card, not an empty reader: " + held);
            Device.Problem problem = held.problem().orElseThrow();
            assertEquals(HELD, problem.code().toString());
            assertTrue(problem.message().contains("another program is using the reader '" + reader.name() + "'"), problem.message());
            assertTrue(seen.stream().noneMatch(s -> s == Device.State.EMPTY), "never shown empty while held: " + seen);

            long released = System.nanoTime();
            otherProgram.close();
            Device claimed = await(devices, seen, "the card identified once released",
                    d -> d.state() == Device.State.CLAIMED && d.claim().orElseThrow().driver().id().equals(SAFEID));
            long identifiedMillis = (System.nanoTime() - released) / 1_000_000;
            System.out.println("CardHeldElsewhereTest: identified " + identifiedMillis + " ms after release");
            // The release is an event (pcscd clears the reader's exclusive state), not the service's next retry (30 s here).
            assertTrue(identifiedMillis < 10_000, "identified " + identifiedMillis + " ms after the release");
            assertEquals(Optional.of("TB-HELD-0001"), claimed.serial());
            assertTrue(claimed.problem().isEmpty(), claimed.toString());
        } finally {
            System.clearProperty("tokenbench.retryUnavailableMillis");
            otherProgram.close();
            tracker.close();
        }
    }

    /** The device once it matches, noting each state it went through. */
    private Device await(DeviceService devices, List<Device.State> seen, String what, Predicate<Device> condition)
            throws InterruptedException {
        for (long end = System.nanoTime() + WITHIN.toNanos(); System.nanoTime() < end; Thread.sleep(50)) {
            Optional<Device> device = devices.device(deviceId);
            device.map(Device::state).filter(s -> seen.isEmpty() || seen.get(seen.size() - 1) != s).ifPresent(seen::add);
            if (device.isPresent() && condition.test(device.get())) {
                return device.get();
            }
        }
        throw new AssertionError("never saw " + what + " within " + WITHIN.toSeconds() + " s; states seen " + seen + ", now "
                + devices.device(deviceId));
    }
}
