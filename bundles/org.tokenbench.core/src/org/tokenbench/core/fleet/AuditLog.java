package org.tokenbench.core.fleet;

import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

import org.osgi.annotation.versioning.ProviderType;
import org.tokenbench.core.TokenException;

/**
 * What was done to devices and secrets, by whom, with what result: an OSGi service. The fleet bundle provides a
 * tamper-evident one (each entry commits to the one before); without it, {@link #NONE} records nothing and engines
 * work as before. Entries name devices, accounts and files, never keys, seeds, PINs or passphrases.
 * <p>
 * Engines record what they do themselves (programming, confirming, clock sync, PIN verification, imports and exports),
 * so the CLI and the workbench produce the same log.
 */
@ProviderType
public interface AuditLog {

    /** Appends one entry (time and OS user are added here); fails when the log cannot be written. */
    AuditEntry record(AuditEvent event) throws TokenException;

    /** The newest entries, newest first, at most {@code limit}. */
    List<AuditEntry> recent(int limit) throws TokenException;

    /** Calls {@code listener} (on the recording thread) after each entry is written, until the result is closed. */
    AutoCloseable onRecord(Consumer<AuditEntry> listener);

    /** No log installed: records nothing, lists nothing. */
    AuditLog NONE = new AuditLog() {
        @Override
        public AuditEntry record(AuditEvent event) {
            return new AuditEntry(0, Instant.now(), System.getProperty("user.name", "?"), event);
        }

        @Override
        public List<AuditEntry> recent(int limit) {
            return List.of();
        }

        @Override
        public AutoCloseable onRecord(Consumer<AuditEntry> listener) {
            return () -> {
            };
        }
    };
}
