package org.tokenbench.pcsc;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

import org.tokenbench.core.TokenException;

/**
 * Watches the PC/SC readers and tells a listener what changed: readers plugged in or out, cards put on or
 * taken off, pcscd going away and coming back. It polls (every 250 ms by default) rather than blocking in
 * SCardGetStatusChange, so it survives pcscd restarts and never holds a context another thread needs.
 * The first poll reports every reader and card already present.
 */
public final class ReaderMonitor implements AutoCloseable {

    public enum Kind {
        READER_ADDED, READER_REMOVED, CARD_INSERTED, CARD_REMOVED, SERVICE_UNAVAILABLE, SERVICE_AVAILABLE
    }

    /** @param reader the reader's name, or null for the service events */
    public record Event(Kind kind, String reader) {
    }

    private final Consumer<Event> listener;
    private final Duration interval;
    private final Thread thread;
    private final Map<String, Boolean> known = new HashMap<>();
    private boolean serviceUp = true;
    private volatile boolean running = true;

    public ReaderMonitor(Consumer<Event> listener, Duration interval) {
        this.listener = Objects.requireNonNull(listener, "listener");
        this.interval = interval;
        this.thread = new Thread(this::run, "TokenBench reader monitor");
        this.thread.setDaemon(true);
    }

    public static ReaderMonitor start(Consumer<Event> listener) {
        ReaderMonitor monitor = new ReaderMonitor(listener, Duration.ofMillis(250));
        monitor.thread.start();
        return monitor;
    }

    private void run() {
        while (running) {
            poll();
            try {
                Thread.sleep(interval.toMillis());
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** One look at the readers; public for a caller that wants to refresh now. */
    public synchronized void poll() {
        Map<String, Boolean> now = new HashMap<>();
        try {
            for (String reader : PcscReaders.names()) {
                now.put(reader, PcscReaders.isCardPresent(reader));
            }
        } catch (TokenException e) {
            if (serviceUp) {
                serviceUp = false;
                known.keySet().forEach(reader -> listener.accept(new Event(Kind.READER_REMOVED, reader)));
                known.clear();
                listener.accept(new Event(Kind.SERVICE_UNAVAILABLE, null));
            }
            return;
        }
        if (!serviceUp) {
            serviceUp = true;
            listener.accept(new Event(Kind.SERVICE_AVAILABLE, null));
        }
        for (Map.Entry<String, Boolean> entry : now.entrySet()) {
            Boolean before = known.get(entry.getKey());
            if (before == null) {
                listener.accept(new Event(Kind.READER_ADDED, entry.getKey()));
            }
            if (entry.getValue() && !Boolean.TRUE.equals(before)) {
                listener.accept(new Event(Kind.CARD_INSERTED, entry.getKey()));
            } else if (!entry.getValue() && Boolean.TRUE.equals(before)) {
                listener.accept(new Event(Kind.CARD_REMOVED, entry.getKey()));
            }
        }
        for (String gone : known.keySet()) {
            if (!now.containsKey(gone)) {
                if (known.get(gone)) {
                    listener.accept(new Event(Kind.CARD_REMOVED, gone));
                }
                listener.accept(new Event(Kind.READER_REMOVED, gone));
            }
        }
        known.clear();
        known.putAll(now);
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
    }
}
