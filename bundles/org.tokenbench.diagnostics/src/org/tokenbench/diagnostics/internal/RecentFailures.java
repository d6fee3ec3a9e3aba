package org.tokenbench.diagnostics.internal;

import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.osgi.service.component.annotations.Component;
import org.tokenbench.core.TokenException;
import org.tokenbench.diagnostics.FailureJournal;

/** In memory only: the list is for the person at the workbench; the audit log keeps the permanent record. */
@Component(service = FailureJournal.class)
public final class RecentFailures implements FailureJournal {

    private final Deque<Entry> entries = new ArrayDeque<>();
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private final Clock clock = Clock.systemUTC();

    @Override
    public void record(String operation, TokenException failure) {
        synchronized (entries) {
            entries.addFirst(new Entry(clock.instant(), operation, failure.code(), failure.getMessage()));
            while (entries.size() > CAPACITY) {
                entries.removeLast();
            }
        }
        listeners.forEach(Runnable::run);
    }

    @Override
    public List<Entry> recent() {
        synchronized (entries) {
            return List.copyOf(entries);
        }
    }

    @Override
    public AutoCloseable onChange(Runnable listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }
}
