package org.tokenbench.pcsc.tests;

import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

import org.tokenbench.core.device.Slot;
import org.tokenbench.core.device.TransportListener;
import org.tokenbench.core.device.TransportStatus;

/** Keeps every event a transport reports, with when it arrived, for tests to wait on. */
final class RecordingListener implements TransportListener {

    sealed interface Event permits Changed, Removed, StatusChanged {
        long nanos();
    }

    record Changed(Slot slot, long nanos) implements Event {
    }

    record Removed(String slotId, long nanos) implements Event {
    }

    record StatusChanged(TransportStatus status, long nanos) implements Event {
    }

    private final List<Event> events = new CopyOnWriteArrayList<>();

    @Override
    public void slotChanged(Slot slot) {
        events.add(new Changed(slot, System.nanoTime()));
    }

    @Override
    public void slotRemoved(String transport, String slotId) {
        events.add(new Removed(slotId, System.nanoTime()));
    }

    @Override
    public void statusChanged(String transport, TransportStatus status) {
        events.add(new StatusChanged(status, System.nanoTime()));
    }

    List<Event> events() {
        return List.copyOf(events);
    }

    /** The first event since {@code sinceNanos} that fits, waiting up to {@code timeout}. */
    <E extends Event> E await(Class<E> type, Predicate<E> fits, long sinceNanos, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            for (Event event : events) {
                if (type.isInstance(event) && event.nanos() >= sinceNanos && fits.test(type.cast(event))) {
                    return type.cast(event);
                }
            }
            if (System.nanoTime() > deadline) {
                fail("no fitting " + type.getSimpleName() + " within " + timeout.toMillis() + " ms; events: " + events);
            }
            Thread.sleep(10);
        }
    }

    Changed awaitSlot(String reader, boolean present, long sinceNanos, Duration timeout) throws InterruptedException {
        return await(Changed.class, e -> e.slot().id().equals(reader) && e.slot().devicePresent() == present, sinceNanos, timeout);
    }
}
