package org.tokenbench.ui.internal.views;

import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

import org.tokenbench.core.TokenException;
import org.tokenbench.core.fleet.AuditEvent;
import org.tokenbench.core.fleet.AuditLog;

/**
 * Records what a view did in the audit log (the fleet bundle's, when installed), off the display thread: a team
 * database may be slow. A log that cannot be written is reported through {@code failed}, never ignored.
 */
final class AuditRecorder implements AutoCloseable {

    private final ServiceHandle<AuditLog> log = new ServiceHandle<>(AuditLog.class);

    /** @param failed told (on a background thread) why the event could not be recorded */
    CompletableFuture<Void> record(AuditEvent event, Consumer<String> failed) {
        AuditLog target = log.get().orElse(AuditLog.NONE);
        return CompletableFuture.runAsync(() -> {
            try {
                target.record(event);
            } catch (TokenException e) {
                failed.accept("The audit log could not record this: " + e.getMessage());
            }
        });
    }

    @Override
    public void close() {
        log.close();
    }
}
