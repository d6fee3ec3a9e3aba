package org.tokenbench.pcsc.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.tokenbench.core.device.TransportStatus;
import org.tokenbench.core.driver.Checklist;
import org.tokenbench.pcsc.PcscTransport;
import org.tokenbench.testing.pcsc.Pcscd;
import org.tokenbench.testing.pcsc.VirtualReader;

/**
 * Stops the pcscd the tests use (SIGTERM) and starts it again with the same command line and log, while the
 * transport watches: the readers leave with the service and come back with it, the card in the first reader too.
 * pcscd is left running as it was found.
 */
class PcscdRestartTest {

    private static final Path SOCKET = Pcscd.SOCKET;
    private static final Duration SOON = Duration.ofSeconds(10);

    private final PcscTransport pcsc = new PcscTransport();
    private final VirtualReader first = new VirtualReader(0);
    private Pcscd pcscd;

    @AfterEach
    void leavePcscdRunning() throws Exception {
        if (pcscd != null && !Files.exists(SOCKET)) {
            pcscd.start();
        }
        first.remove();
    }

    @Test
    void pcscdStoppingAndStartingIsReportedAndTheReadersComeBack() throws Exception {
        first.insert(new AnsweringCard("3B8A800145544F4B454E42454E4333"));
        pcscd = Pcscd.find();
        RecordingListener events = new RecordingListener();
        try (AutoCloseable watch = pcsc.watch(events)) {
            long started = System.nanoTime();
            events.awaitSlot(first.name(), true, started, SOON);
            events.awaitSlot(VirtualReader.SECOND_NAME, false, started, SOON);

            long stopped = System.nanoTime();
            pcscd.stop();
            RecordingListener.StatusChanged down = events.await(RecordingListener.StatusChanged.class, e -> !e.status().available(), stopped, SOON);
            assertTrue(down.status().detail().contains("start pcscd: sudo systemctl start pcscd (or pcscd --foreground)"), down.status().detail());
            assertEquals("pcsc:0x8010001D", down.status().code().orElseThrow().toString());
            events.await(RecordingListener.Removed.class, e -> e.slotId().equals(first.name()), stopped, SOON);
            events.await(RecordingListener.Removed.class, e -> e.slotId().equals(VirtualReader.SECOND_NAME), stopped, SOON);

            TransportStatus status = pcsc.status();
            assertFalse(status.available(), status.detail());
            List<Checklist.Result> check = pcsc.checkEnvironment(first.name());
            assertEquals(List.of(Checklist.Status.PASSED, Checklist.Status.FAILED, Checklist.Status.SKIPPED, Checklist.Status.SKIPPED),
                    PcscTransportTest.statuses(check));

            long restarted = System.nanoTime();
            pcscd.start();
            events.await(RecordingListener.StatusChanged.class, e -> e.status().available(), restarted, SOON);
            events.awaitSlot(VirtualReader.SECOND_NAME, false, restarted, SOON);
            // the card host reconnects to the new pcscd's vpcd: the card is found again
            events.awaitSlot(first.name(), true, restarted, SOON);
        }
        assertTrue(pcsc.status().available());
    }
}
