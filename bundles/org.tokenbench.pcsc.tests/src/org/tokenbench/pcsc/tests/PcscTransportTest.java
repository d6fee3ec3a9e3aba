package org.tokenbench.pcsc.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceReference;
import org.tokenbench.core.device.DeviceHeldException;
import org.tokenbench.core.device.DeviceTransport;
import org.tokenbench.core.device.Slot;
import org.tokenbench.core.driver.Atr;
import org.tokenbench.core.driver.Checklist;
import org.tokenbench.pcsc.Apdu;
import org.tokenbench.pcsc.ApduChannel;
import org.tokenbench.pcsc.PcscTransport;
import org.tokenbench.testing.pcsc.VirtualReader;
import org.tokenbench.testing.pcsc.VpcdCardHost;

/**
 * The PC/SC transport against the real pcscd with both vsmartcard-vpcd readers: events, slots, exclusive access and
 * the environment checklist. Needs pcscd with vpcd running (releng/test starts it).
 */
class PcscTransportTest {

    private static final String ATR_A = "3B8A800145544F4B454E42454E4331";
    private static final String ATR_B = "3B8A800145544F4B454E42454E4332";
    private static final Duration PROMPTLY = Duration.ofMillis(1500);
    private static final String HELD = "pcsc:0x8010000B";

    private final PcscTransport pcsc = new PcscTransport();
    private final VirtualReader first = new VirtualReader(0);
    private final VirtualReader second = new VirtualReader(1);

    @AfterEach
    void takeTheCardsOut() throws Exception {
        first.remove();
        second.remove();
    }

    @Test
    void isRegisteredAsTheDeviceTransportPcsc() throws Exception {
        BundleContext context = FrameworkUtil.getBundle(PcscTransport.class).getBundleContext();
        List<String> ids = context.getServiceReferences(DeviceTransport.class, null).stream()
                .map(context::getService).map(DeviceTransport::id).toList();
        assertTrue(ids.contains("pcsc"), "transports registered: " + ids);
        assertEquals(ApduChannel.class, pcsc.connectionType());
        assertTrue(pcsc.status().available(), pcsc.status().detail());
    }

    @Test
    void reportsACardArrivingAndLeavingPromptlyWithItsAtrWithoutSendingAnApdu() throws Exception {
        RecordingListener events = new RecordingListener();
        try (AutoCloseable watch = pcsc.watch(events)) {
            long started = System.nanoTime();
            Slot empty = events.awaitSlot(first.name(), false, started, PROMPTLY).slot();
            assertEquals(first.name(), empty.name());
            assertEquals(Optional.empty(), empty.atr());
            events.awaitSlot(second.name(), false, started, PROMPTLY);

            long inserted = System.nanoTime();
            VpcdCardHost host = first.insert(new AnsweringCard(ATR_A));
            Slot present = events.awaitSlot(first.name(), true, inserted, PROMPTLY).slot();
            assertEquals(Optional.of(atr(ATR_A)), present.atr());
            assertEquals("pcsc:" + first.name(), present.deviceId());

            long removed = System.nanoTime();
            host.remove();
            events.awaitSlot(first.name(), false, removed, PROMPTLY);
            assertEquals(0, host.apdusSeen(), "watching sends nothing to the card");
        }
    }

    @Test
    void twoCardsInBothReadersAreReportedWithTheirOwnAtr() throws Exception {
        first.insert(new AnsweringCard(ATR_A));
        second.insert(new AnsweringCard(ATR_B));
        Map<String, Slot> slots = pcsc.slots().stream().collect(Collectors.toMap(Slot::id, slot -> slot));
        assertEquals(Optional.of(atr(ATR_A)), slots.get(first.name()).atr(), slots.toString());
        assertEquals(Optional.of(atr(ATR_B)), slots.get(second.name()).atr(), slots.toString());

        RecordingListener events = new RecordingListener();
        try (AutoCloseable watch = pcsc.watch(events)) {
            long started = System.nanoTime();
            assertEquals(Optional.of(atr(ATR_A)), events.awaitSlot(first.name(), true, started, PROMPTLY).slot().atr());
            assertEquals(Optional.of(atr(ATR_B)), events.awaitSlot(second.name(), true, started, PROMPTLY).slot().atr());
            long removed = System.nanoTime();
            second.remove();
            events.awaitSlot(second.name(), false, removed, PROMPTLY);
            assertTrue(events.events().stream().noneMatch(e -> e instanceof RecordingListener.Changed changed
                    && changed.nanos() >= removed && changed.slot().id().equals(first.name())), "the other reader did not change: " + events.events());
        }
    }

    @Test
    void anExclusiveConnectionKeepsASecondOneOutUntilItCloses() throws Exception {
        first.insert(new AnsweringCard(ATR_A));
        ApduChannel holder = pcsc.connect(first.name(), Duration.ZERO, null);
        long asked = System.nanoTime();
        DeviceHeldException held = assertThrows(DeviceHeldException.class, () -> pcsc.connect(first.name(), Duration.ofMillis(600), null));
        assertTrue(System.nanoTime() - asked >= Duration.ofMillis(600).toNanos(), "it waited before giving up");
        assertEquals(HELD, held.code().toString());
        assertTrue(held.getMessage().startsWith("another program is using the reader '" + first.name() + "': close "), held.getMessage());
        assertTrue(held.getMessage().endsWith(", then try again"), held.getMessage());
        // The Devices view shows this message as the held device's detail: in the user's language, like the catalog.
        java.util.Locale before = java.util.Locale.getDefault();
        try {
            java.util.Locale.setDefault(java.util.Locale.SIMPLIFIED_CHINESE);
            DeviceHeldException heldZh = assertThrows(DeviceHeldException.class, () -> pcsc.connect(first.name(), Duration.ZERO, null));
            assertEquals(HELD, heldZh.code().toString());
            assertTrue(heldZh.getMessage().startsWith("其他程序正在使用读卡器 “" + first.name() + "”：请关闭 "), heldZh.getMessage());
            assertTrue(heldZh.getMessage().endsWith("，然后重试"), heldZh.getMessage());
        } finally {
            java.util.Locale.setDefault(before);
        }

        CompletableFuture.runAsync(() -> {
            sleep(300);
            holder.close();
        });
        try (ApduChannel next = pcsc.connect(first.name(), Duration.ofSeconds(5), null)) {
            assertEquals(0x9000, next.transmit(Apdu.of(0x00, 0xA4, 0x04, 0x00)).sw(), "the waiting connect got the card once it was free");
        }
        holder.close(); // closing twice is harmless
    }

    /**
     * Another program takes the card after the watch reported it: pcsc-lite wakes no waiter for that, so the watch
     * learns it at its next timed-out wait (5 s); when the program lets go, the slot is reported again, unchanged,
     * which tells the devices service to identify the card now.
     */
    @Test
    void theEndOfAnExclusiveHoldTakenAfterTheCardWasReportedIsReported() throws Exception {
        first.insert(new AnsweringCard(ATR_A));
        RecordingListener events = new RecordingListener();
        long started = System.nanoTime();
        try (AutoCloseable watch = pcsc.watch(events)) {
            events.awaitSlot(first.name(), true, started, PROMPTLY);
            ApduChannel otherProgram = new PcscTransport().connect(first.name(), Duration.ZERO, null);
            long held = System.nanoTime();
            Thread.sleep(6_500);
            assertTrue(events.events().stream().noneMatch(e -> e.nanos() >= held && e instanceof RecordingListener.Changed),
                    "the hold itself is not a change of the slot: " + events.events());
            long released = System.nanoTime();
            otherProgram.close();
            Slot again = events.awaitSlot(first.name(), true, released, PROMPTLY).slot();
            assertEquals(Optional.of(atr(ATR_A)), again.atr());
        }
    }

    /** A second program (Python with ctypes on libpcsclite) holds the card; the message names it. */
    @Test
    void aCardHeldByAnotherProgramNamesThatProgram() throws Exception {
        first.insert(new AnsweringCard(ATR_A));
        Process holder = new ProcessBuilder(python(), "-c", HOLDER, first.name()).redirectErrorStream(true).start();
        try {
            BufferedReader said = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
            assertEquals("held", said.readLine(), "the holder connected exclusively");
            DeviceHeldException held = assertThrows(DeviceHeldException.class, () -> pcsc.connect(first.name(), Duration.ofMillis(300), null));
            assertEquals(HELD, held.code().toString());
            assertTrue(held.getMessage().contains("(pid " + holder.pid() + ")"), held.getMessage());
            assertFalse(held.getMessage().contains("(pid " + ProcessHandle.current().pid() + ")"), "this JVM is not named: " + held.getMessage());
        } finally {
            holder.getOutputStream().close();
            assertTrue(holder.waitFor(10, TimeUnit.SECONDS));
        }
        try (ApduChannel free = pcsc.connect(first.name(), Duration.ofSeconds(3), null)) {
            assertEquals(first.name(), free.location());
        }
    }

    @Test
    void theChecklistStopsAtTheFirstFailure() throws Exception {
        List<Checklist.Result> noCard = pcsc.checkEnvironment(first.name());
        assertEquals(List.of(Checklist.Status.PASSED, Checklist.Status.PASSED, Checklist.Status.PASSED, Checklist.Status.FAILED), statuses(noCard));
        assertEquals("pcsc:0x8010000C", noCard.get(3).code().orElseThrow().toString());

        first.insert(new AnsweringCard(ATR_A));
        List<Checklist.Result> ready = pcsc.checkEnvironment(first.name());
        assertEquals(List.of(Checklist.Status.PASSED, Checklist.Status.PASSED, Checklist.Status.PASSED, Checklist.Status.PASSED), statuses(ready));
        assertTrue(ready.get(3).detail().contains(atr(ATR_A).toString()), ready.get(3).detail());

        List<Checklist.Result> noReader = pcsc.checkEnvironment("No Such Reader 99");
        assertEquals(List.of(Checklist.Status.PASSED, Checklist.Status.PASSED, Checklist.Status.FAILED, Checklist.Status.SKIPPED), statuses(noReader));
        assertEquals("pcsc:0x80100009", noReader.get(2).code().orElseThrow().toString());
        assertEquals("not checked", noReader.get(3).detail());
    }

    static List<Checklist.Status> statuses(List<Checklist.Result> results) {
        return results.stream().map(Checklist.Result::status).toList();
    }

    static Atr atr(String hex) {
        return new Atr(java.util.HexFormat.of().parseHex(hex));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String python() {
        return Files.isExecutable(Path.of("/usr/bin/python3")) ? "/usr/bin/python3" : "python3";
    }

    /** Connects exclusively to the reader named in argv[1], says "held", and keeps the card until stdin closes. */
    private static final String HOLDER = """
            import ctypes, sys
            pcsc = ctypes.CDLL("libpcsclite.so.1")
            pcsc.SCardEstablishContext.argtypes = [ctypes.c_ulong, ctypes.c_void_p, ctypes.c_void_p, ctypes.POINTER(ctypes.c_long)]
            pcsc.SCardConnect.argtypes = [ctypes.c_long, ctypes.c_char_p, ctypes.c_ulong, ctypes.c_ulong, ctypes.POINTER(ctypes.c_long), ctypes.POINTER(ctypes.c_ulong)]
            context = ctypes.c_long()
            pcsc.SCardEstablishContext(2, None, None, ctypes.byref(context))
            card = ctypes.c_long()
            protocol = ctypes.c_ulong()
            code = pcsc.SCardConnect(context, sys.argv[1].encode(), 1, 3, ctypes.byref(card), ctypes.byref(protocol))
            print("held" if code == 0 else "failed %x" % (code & 0xFFFFFFFF), flush=True)
            sys.stdin.read()
            """;
}
