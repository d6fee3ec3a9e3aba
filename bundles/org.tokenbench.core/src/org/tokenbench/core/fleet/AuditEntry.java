package org.tokenbench.core.fleet;

import java.time.Instant;

/**
 * A recorded {@link AuditEvent}.
 *
 * @param sequence position in the log, from 1 ({@code 0} when nothing was stored)
 * @param user     the OS user who ran TokenBench
 */
public record AuditEntry(long sequence, Instant time, String user, AuditEvent event) {
}
