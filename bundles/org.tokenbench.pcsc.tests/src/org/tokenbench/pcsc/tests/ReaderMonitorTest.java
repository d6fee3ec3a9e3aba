package org.tokenbench.pcsc.tests;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.tokenbench.pcsc.ReaderMonitor;
import org.tokenbench.pcsc.ReaderMonitor.Event;
import org.tokenbench.pcsc.ReaderMonitor.Kind;
import org.tokenbench.testing.pcsc.SafeIdVirtualToken;
import org.tokenbench.testing.pcsc.VirtualReader;

/** Events from the real pcscd as a virtual token goes on and off a vpcd reader. */
class ReaderMonitorTest {

    private final VirtualReader reader = new VirtualReader();

    @AfterEach
    void takeTheCardOut() throws Exception {
        reader.remove();
    }

    @Test
    void reportsReadersThenCardsArrivingAndLeaving() throws Exception {
        List<Event> events = new CopyOnWriteArrayList<>();
        try (ReaderMonitor monitor = ReaderMonitor.start(events::add)) {
            waitFor(events, new Event(Kind.READER_ADDED, VirtualReader.NAME));
            reader.insert(SafeIdVirtualToken.factoryNew("TB-MON-1"));
            waitFor(events, new Event(Kind.CARD_INSERTED, VirtualReader.NAME));
            reader.remove();
            waitFor(events, new Event(Kind.CARD_REMOVED, VirtualReader.NAME));
        }
    }

    private static void waitFor(List<Event> events, Event expected) throws InterruptedException {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (!events.contains(expected)) {
            assertTrue(System.nanoTime() < deadline, "no " + expected + " within 5 s; saw " + events);
            Thread.sleep(20);
        }
    }
}
