package org.tokenbench.skf.internal;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.tokenbench.core.device.Slot;
import org.tokenbench.skf.SkfException;
import org.tokenbench.skf.SkfLibrary;

/**
 * Watches one vendor library on its own daemon thread: blocked in SKF_WaitForDevEvent where the library exports it
 * (cancelled with SKF_CancelWaitForDevEvent on close), SKF_EnumDev every poll interval otherwise. After each event it
 * lists the keys again and reports the difference, so a missed or unknown event costs nothing.
 */
final class LibraryWatch implements AutoCloseable {

    /** What a watch reports to; called on the watch's thread. */
    interface Sink {
        void changed(Slot slot);

        void removed(String slotId);

        /** Listing failed; called again only when {@link #listed} came in between or the reason changes (the sink decides). */
        void failed(SkfLibrary library, SkfException e);

        void listed(SkfLibrary library);
    }

    private final SkfLibrary library;
    private final Function<SkfLibrary.KeyName, Slot> slotOf;
    private final Sink sink;
    private final Duration pollInterval;
    private final boolean events;
    private final Thread thread;
    private final Map<String, Slot> present = new LinkedHashMap<>();
    private volatile boolean stopping;

    LibraryWatch(SkfLibrary library, Function<SkfLibrary.KeyName, Slot> slotOf, Sink sink, Duration pollInterval) {
        this.library = library;
        this.slotOf = slotOf;
        this.sink = sink;
        this.pollInterval = pollInterval;
        this.events = library.hasDeviceEvents();
        this.thread = new Thread(this::run, "SKF watch " + library.path().getFileName());
        this.thread.setDaemon(true);
    }

    LibraryWatch start() {
        thread.start();
        return this;
    }

    boolean eventDriven() {
        return events;
    }

    /** The slots this watch reported and has not removed since. */
    synchronized List<Slot> slots() {
        return List.copyOf(present.values());
    }

    private void run() {
        while (!stopping) {
            list();
            if (stopping) {
                return;
            }
            if (events) {
                try {
                    library.waitForDeviceEvent();
                    continue;
                } catch (SkfException e) {
                    // Cancelled, or the library has no event to give: fall through to a pause so an error cannot spin.
                }
            }
            pause();
        }
    }

    private void list() {
        try {
            Map<String, Slot> now = new LinkedHashMap<>();
            for (SkfLibrary.KeyName key : library.devices()) {
                Slot slot = slotOf.apply(key);
                now.put(slot.id(), slot);
            }
            report(now);
            sink.listed(library);
        } catch (SkfException e) {
            report(Map.of());
            sink.failed(library, e);
        }
    }

    private void report(Map<String, Slot> now) {
        List<Slot> added;
        List<String> gone;
        synchronized (this) {
            added = now.values().stream().filter(s -> !present.containsKey(s.id())).toList();
            gone = present.keySet().stream().filter(id -> !now.containsKey(id)).toList();
            present.clear();
            present.putAll(now);
        }
        if (stopping) {
            return;
        }
        gone.forEach(sink::removed);
        added.forEach(sink::changed);
    }

    private void pause() {
        try {
            Thread.sleep(pollInterval);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopping = true;
        }
    }

    /**
     * Stops watching; the caller reports the slots it had as removed. A cancel only ends a wait already under way, and
     * SKF_WaitForDevEvent has no timeout: so cancel again until the thread has left the vendor's code (bounded), or a
     * JVM exiting would unload the library under it.
     */
    @Override
    public void close() {
        stopping = true;
        thread.interrupt();
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        try {
            while (thread.isAlive() && System.nanoTime() < deadline) {
                if (events) {
                    library.cancelWait();
                }
                thread.join(100);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
