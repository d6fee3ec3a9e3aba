package org.tokenbench.testing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.tokenbench.core.fleet.AuditEntry;
import org.tokenbench.core.fleet.AuditEvent;
import org.tokenbench.core.fleet.AuditLog;

/**
 * An audit log that keeps in memory what it is given, as the fleet bundle's keeps it in its database: for tests of what
 * an engine records (and that no secret is in it). Hand it to the engine in place of the {@link AuditLog} service.
 *
 * @since 0.2.0
 */
public final class KeptAuditLog implements AuditLog {

    private final List<AuditEntry> entries = new ArrayList<>();
    private final List<Consumer<AuditEntry>> listeners = new CopyOnWriteArrayList<>();

    @Override
    public AuditEntry record(AuditEvent event) {
        AuditEntry entry;
        synchronized (entries) {
            entry = new AuditEntry(entries.size() + 1, Instant.now(), "test", event);
            entries.add(entry);
        }
        listeners.forEach(listener -> listener.accept(entry));
        return entry;
    }

    @Override
    public List<AuditEntry> recent(int limit) {
        synchronized (entries) {
            return entries.reversed().stream().limit(limit).toList();
        }
    }

    @Override
    public AutoCloseable onRecord(Consumer<AuditEntry> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    /** Every event recorded so far, oldest first. */
    public List<AuditEvent> events() {
        synchronized (entries) {
            return entries.stream().map(AuditEntry::event).toList();
        }
    }
}
