package org.tokenbench.pcsc.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.tokenbench.core.TokenException;
import org.tokenbench.core.device.Slot;
import org.tokenbench.core.device.TransportListener;
import org.tokenbench.pcsc.PcscErrors;

/**
 * One daemon thread that blocks in SCardGetStatusChange over every reader plus the {@code \\?PnP?\Notification}
 * pseudo-reader, so a card inserted or removed and a reader plugged or unplugged wake it at once; nothing is polled.
 * When pcscd goes away every reader is reported removed and the service down, and a new context is tried every
 * second until pcscd is back. {@link #close()} cancels the blocking call.
 */
public final class ReaderWatch implements AutoCloseable {

    /** The longest single wait; SCardCancel ends it earlier on close. */
    private static final long WAIT_MILLIS = 5_000;
    private static final long RECONNECT_MILLIS = 1_000;
    /**
     * pcsc-lite and Windows report readers coming and going through the PnP pseudo-reader; macOS has none, so there the
     * wait is short and the readers are listed again after each one.
     */
    private static final boolean PNP = PcscAbi.current().pnpNotification();
    private static final long NO_PNP_WAIT_MILLIS = 1_000;

    private record Known(long state, Slot slot) {
    }

    private final TransportListener listener;
    private final Thread thread;
    private final Map<String, Known> known = new LinkedHashMap<>();
    private volatile boolean running = true;
    private volatile PcscContext current;
    /** Null until the first status was reported. */
    private Boolean serviceUp;

    private ReaderWatch(TransportListener listener) {
        this.listener = Objects.requireNonNull(listener, "listener");
        this.thread = new Thread(this::run, "TokenBench PC/SC watch");
        this.thread.setDaemon(true);
    }

    public static ReaderWatch start(TransportListener listener) {
        ReaderWatch watch = new ReaderWatch(listener);
        watch.thread.start();
        return watch;
    }

    private void run() {
        try {
            watchUntilClosed();
        } catch (RuntimeException e) {
            // Discovery must not die silently: say so where a user or developer looks.
            System.err.println("TokenBench: the PC/SC watch stopped: " + e);
            running = false;
        }
    }

    private void watchUntilClosed() {
        while (running) {
            PcscContext context;
            try {
                context = PcscContext.establish();
            } catch (TokenException e) {
                serviceDown(e);
                pause();
                continue;
            }
            current = context;
            try {
                if (running) {
                    watch(context);
                }
            } finally {
                current = null;
                context.close();
            }
        }
    }

    /** Reports until pcscd goes away (returns, the caller reconnects) or the watch is closed. */
    private void watch(PcscContext context) {
        long notificationState = PcscLite.SCARD_STATE_UNAWARE;
        boolean first = true;
        while (running) {
            List<String> readers;
            try {
                readers = context.readers();
            } catch (TokenException e) {
                if (!first) {
                    return;
                }
                serviceDown(e);
                pause();
                return;
            }
            if (first) {
                serviceUp(readers.size());
                first = false;
            }
            for (String gone : new ArrayList<>(known.keySet())) {
                if (!readers.contains(gone)) {
                    removed(gone);
                }
            }
            List<String> names = new ArrayList<>();
            List<Long> states = new ArrayList<>();
            if (PNP) {
                names.add(PcscLite.PNP_NOTIFICATION);
                states.add(notificationState);
            }
            for (String reader : readers) {
                names.add(reader);
                Known before = known.get(reader);
                states.add(before == null ? PcscLite.SCARD_STATE_UNAWARE : before.state());
            }
            if (names.isEmpty()) {
                pause(); // no reader and no PnP pseudo-reader to wait on (macOS): look again later
                continue;
            }
            PcscLite.ReaderState[] answer = PcscLite.ReaderState.of(names, states);
            long code = context.waitForChange(answer, PNP ? WAIT_MILLIS : NO_PNP_WAIT_MILLIS);
            if (code == PcscErrors.CANCELLED || !running) {
                return;
            }
            if (code == PcscErrors.TIMEOUT) {
                learnSharing(answer);
                continue;
            }
            if (code == PcscErrors.UNKNOWN_READER || code == PcscErrors.READER_UNAVAILABLE) {
                continue; // a reader left between listing and waiting: list again
            }
            if (code != PcscLite.SCARD_S_SUCCESS) {
                // pcscd went away (or the context broke): a new context tells which; the pause keeps a broken one from spinning
                if (!PcscErrors.meansServiceGone(code)) {
                    pause();
                }
                return;
            }
            // pcsc-lite keeps the reader count in the pseudo-reader's state: handing it back makes the next call wait.
            if (PNP) {
                notificationState = answer[0].eventState() & ~PcscLite.SCARD_STATE_CHANGED;
            }
            for (int i = PNP ? 1 : 0; i < answer.length; i++) {
                report(answer[i]);
            }
        }
    }

    private void report(PcscLite.ReaderState state) {
        String reader = state.szReader;
        long event = state.eventState();
        if ((event & PcscLite.SCARD_STATE_UNKNOWN) != 0) {
            removed(reader);
            return;
        }
        Known before = known.get(reader);
        Slot slot = ReaderSlots.slot(state);
        known.put(reader, new Known(event & ~PcscLite.SCARD_STATE_CHANGED, slot));
        if (before != null && before.slot().devicePresent() && slot.devicePresent() && eventCount(before.state()) != eventCount(event)) {
            // pcscd counts insertions and removals: a card swapped between two waits is a removal, then an insertion
            listener.slotChanged(ReaderSlots.empty(slot));
        } else if (before != null && before.slot().equals(slot)) {
            // Only a connection changed the reader's state: ours, or another program's. An exclusive hold ending is
            // said again, unchanged: a card the devices service could not identify while it was held is tried now,
            // not at its next retry.
            if (exclusive(before.state()) && !exclusive(event)) {
                listener.slotChanged(slot);
            }
            return;
        }
        listener.slotChanged(slot);
    }

    /**
     * pcsc-lite does not end a wait when another program takes a card exclusively (only when the caller's state had
     * the reader in use), so the watch would not know the card is held and could not see the hold end. A wait that
     * timed out still carries each reader's state now: a reader whose slot is unchanged takes in its sharing bits, so
     * the next wait ends when the hold does. Anything else is left to a wait that reports it.
     */
    private void learnSharing(PcscLite.ReaderState[] answer) {
        for (int i = PNP ? 1 : 0; i < answer.length; i++) {
            Known before = known.get(answer[i].szReader);
            long event = answer[i].eventState() & ~PcscLite.SCARD_STATE_CHANGED;
            if (before != null && (event & PcscLite.SCARD_STATE_UNKNOWN) == 0 && eventCount(before.state()) == eventCount(event)
                    && before.slot().equals(ReaderSlots.slot(answer[i]))) {
                known.put(answer[i].szReader, new Known(event, before.slot()));
            }
        }
    }

    private static boolean exclusive(long state) {
        return (state & PcscLite.SCARD_STATE_EXCLUSIVE) != 0;
    }

    /** The upper 16 bits of a reader's event state: pcsc-lite's count of card events in that reader. */
    private static long eventCount(long state) {
        return (state >>> 16) & 0xFFFF;
    }

    private void removed(String reader) {
        if (known.remove(reader) != null) {
            listener.slotRemoved(ReaderSlots.TRANSPORT, reader);
        }
    }

    private void serviceUp(int readers) {
        if (!Boolean.TRUE.equals(serviceUp)) {
            serviceUp = true;
            listener.statusChanged(ReaderSlots.TRANSPORT, ServiceStatus.up(readers));
        }
    }

    private void serviceDown(TokenException failure) {
        if (!running || Boolean.FALSE.equals(serviceUp)) {
            return;
        }
        serviceUp = false;
        new ArrayList<>(known.keySet()).forEach(this::removed);
        listener.statusChanged(ReaderSlots.TRANSPORT, ServiceStatus.down(failure));
    }

    private void pause() {
        try {
            PcscLibrary.awaitService(RECONNECT_MILLIS);
        } catch (InterruptedException e) {
            running = false;
        }
    }

    /**
     * SCardCancel only ends a wait already under way: cancel again until the thread has left libpcsclite (bounded by one
     * wait), or a JVM exiting would unload the library under it.
     */
    @Override
    public void close() {
        running = false;
        thread.interrupt();
        if (Thread.currentThread() == thread) {
            return;
        }
        long deadline = System.nanoTime() + (WAIT_MILLIS + 1_000) * 1_000_000L;
        try {
            while (thread.isAlive() && System.nanoTime() < deadline) {
                PcscContext context = current;
                if (context != null) {
                    context.cancel();
                }
                thread.join(100);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
