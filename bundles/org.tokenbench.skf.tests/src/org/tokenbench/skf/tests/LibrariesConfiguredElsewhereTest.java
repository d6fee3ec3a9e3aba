package org.tokenbench.skf.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;
import org.tokenbench.core.TokenBenchHome;
import org.tokenbench.core.device.Device;
import org.tokenbench.core.device.DeviceEvent;
import org.tokenbench.core.device.DeviceService;
import org.tokenbench.core.device.TransportStatus;
import org.tokenbench.core.device.VendorLibraries;
import org.tokenbench.skf.internal.SkfTransport;
import org.tokenbench.testing.skf.SoftSkf;

/**
 * The workbench runs (the devices service, as an OSGi service, watching); a terminal runs
 * {@code tokenbench guomi library set} and later {@code remove}: the key appears, identified by the Guomi driver, and
 * goes again, with the transport's status line following, and nobody presses Refresh.
 */
class LibrariesConfiguredElsewhereTest {

    private static final String GUOMI = "org.tokenbench.driver.guomi";
    /** The service polls the file every 2 s; identification of the soft key takes well under a second. */
    private static final Duration WITHIN = Duration.ofSeconds(10);

    @TempDir
    Path dir;

    @Test
    void aKeyAppearsIdentifiedAndGoesWhenAnotherProcessSetsAndRemovesItsLibrary() throws Exception {
        ServiceTracker<DeviceService, DeviceService> tracker = new ServiceTracker<>(
                FrameworkUtil.getBundle(SkfTransport.class).getBundleContext(), DeviceService.class, null);
        tracker.open();  // held for the whole test: the service stays active and watching, as in the workbench
        // What the CLI's 'guomi library set|remove' runs in its own JVM: its own transport over the same home.
        SkfTransport terminal = new SkfTransport(TokenBenchHome.directory(), SkfTransport.POLL_INTERVAL);
        try {
            DeviceService devices = tracker.waitForService(10_000);
            assertNotNull(devices, "the devices service did not start");
            BlockingQueue<TransportStatus> statuses = new LinkedBlockingQueue<>();
            try (AutoCloseable listening = devices.onChange(event -> {
                if (event.kind() == DeviceEvent.Kind.TRANSPORT_STATUS && event.deviceId().equals(SkfTransport.ID)) {
                    event.transportStatus().ifPresent(statuses::add);
                }
            })) {
                SoftSkf key = SoftSkf.create(SoftSkf.library(), dir.resolve("key"), Map.of("serial", "ELSEWHERE-0001"));
                Predicate<Device> theKey = d -> d.slot().transport().equals(SkfTransport.ID)
                        && key.libraryPath().toString().equals(d.slot().properties().get(VendorLibraries.LIBRARY_PROPERTY));
                assertTrue(devices.devices().stream().noneMatch(theKey), "not configured yet: " + devices.devices());

                long start = System.nanoTime();
                terminal.configure("soft-elsewhere", key.libraryPath());
                Device claimed = await(devices, "the key claimed by the Guomi driver",
                        theKey.and(d -> d.state() == Device.State.CLAIMED));
                long appearedMillis = (System.nanoTime() - start) / 1_000_000;
                System.out.println("LibrariesConfiguredElsewhereTest: key identified " + appearedMillis + " ms after 'library set'");
                assertEquals(GUOMI, claimed.claim().orElseThrow().driver().id());
                assertEquals(Optional.of("ELSEWHERE-0001"), claimed.serial());
                assertEquals("soft-elsewhere: SoftSKF USB Key 0", claimed.slot().name());
                awaitStatus(statuses, "1 of 1 SKF library usable");

                start = System.nanoTime();
                terminal.remove("soft-elsewhere");
                for (long end = System.nanoTime() + WITHIN.toNanos(); devices.devices().stream().anyMatch(theKey); Thread.sleep(50)) {
                    assertTrue(System.nanoTime() < end, "the key was still listed " + WITHIN.toSeconds() + " s after 'library remove'");
                }
                System.out.println("LibrariesConfiguredElsewhereTest: key gone " + (System.nanoTime() - start) / 1_000_000
                        + " ms after 'library remove'");
                awaitStatus(statuses, "no vendor SKF library is configured");
            }
        } finally {
            terminal.remove("soft-elsewhere");  // the home outlives this test: leave it as found
            tracker.close();
        }
    }

    private static Device await(DeviceService devices, String what, Predicate<Device> condition) throws InterruptedException {
        for (long end = System.nanoTime() + WITHIN.toNanos(); System.nanoTime() < end; Thread.sleep(50)) {
            Optional<Device> device = devices.devices().stream().filter(condition).findFirst();
            if (device.isPresent()) {
                return device.get();
            }
        }
        throw new AssertionError("never saw " + what + " within " + WITHIN.toSeconds() + " s; devices: " + devices.devices());
    }

    /** The status line the views show follows: a TRANSPORT_STATUS event with this summary arrives. */
    private static void awaitStatus(BlockingQueue<TransportStatus> statuses, String summary) throws InterruptedException {
        StringBuilder seen = new StringBuilder();
        for (long end = System.nanoTime() + WITHIN.toNanos(); System.nanoTime() < end;) {
            TransportStatus status = statuses.poll(100, java.util.concurrent.TimeUnit.MILLISECONDS);
            if (status != null) {
                if (status.summary().equals(summary)) {
                    return;
                }
                seen.append(" | ").append(status.summary());
            }
        }
        throw new AssertionError("no status '" + summary + "' was reported; seen:" + seen);
    }
}
