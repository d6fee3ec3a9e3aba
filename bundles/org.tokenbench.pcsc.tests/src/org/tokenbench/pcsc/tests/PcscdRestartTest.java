package org.tokenbench.pcsc.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.tokenbench.core.device.TransportStatus;
import org.tokenbench.core.driver.Checklist;
import org.tokenbench.pcsc.PcscTransport;
import org.tokenbench.testing.pcsc.VirtualReader;

/**
 * Stops the pcscd the tests use (SIGTERM) and starts it again with the same command line and log, while the
 * transport watches: the readers leave with the service and come back with it, the card in the first reader too.
 * pcscd is left running as it was found.
 */
class PcscdRestartTest {

    private static final Path SOCKET = Path.of("/run/pcscd/pcscd.comm");
    private static final Duration SOON = Duration.ofSeconds(10);

    private final PcscTransport pcsc = new PcscTransport();
    private final VirtualReader first = new VirtualReader(0);
    private Pcscd pcscd;

    /** The running pcscd as found: how to start it again the same way. */
    private record Pcscd(long pid, List<String> command, Optional<File> log) {

        static Pcscd find() throws IOException, InterruptedException {
            Process pgrep = new ProcessBuilder("pgrep", "-x", "pcscd").start();
            List<String> pids = new String(pgrep.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).lines().toList();
            pgrep.waitFor();
            assertEquals(1, pids.size(), "exactly one pcscd runs: " + pids);
            long pid = Long.parseLong(pids.get(0).strip());
            Path process = Path.of("/proc", Long.toString(pid));
            List<String> command = new ArrayList<>(Arrays.asList(Files.readString(process.resolve("cmdline")).split("\0")));
            // argv[0] may be a bare "pcscd" that this JVM's PATH does not reach: start the same executable
            command.set(0, Files.readSymbolicLink(process.resolve("exe")).toString());
            Path out = process.resolve("fd/1");
            Optional<File> log = Optional.empty();
            if (Files.isSymbolicLink(out)) {
                Path target = Files.readSymbolicLink(out);
                if (Files.isRegularFile(target)) {
                    log = Optional.of(target.toFile());
                }
            }
            return new Pcscd(pid, command, log);
        }

        void stop() throws InterruptedException {
            ProcessHandle.of(pid).ifPresent(ProcessHandle::destroy);
            long deadline = System.nanoTime() + SOON.toNanos();
            while (Files.exists(Path.of("/proc", Long.toString(pid)))) {
                assertTrue(System.nanoTime() < deadline, "pcscd " + pid + " did not stop within " + SOON);
                Thread.sleep(20);
            }
        }

        void start() throws IOException, InterruptedException {
            Files.deleteIfExists(SOCKET); // a stale socket from a killed pcscd keeps the new one from starting
            ProcessBuilder builder = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
            log.ifPresentOrElse(file -> builder.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(file)),
                    () -> builder.redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD));
            builder.start();
            long deadline = System.nanoTime() + SOON.toNanos();
            while (!Files.exists(SOCKET)) {
                assertTrue(System.nanoTime() < deadline, "the restarted pcscd made no socket within " + SOON);
                Thread.sleep(20);
            }
        }
    }

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
