package org.tokenbench.fleet;

import java.util.List;

import org.tokenbench.core.TokenException;
import org.tokenbench.core.fleet.AuditEntry;

/**
 * Reading the audit log back: an OSGi service beside {@link org.tokenbench.core.fleet.AuditLog} (the same component
 * provides both), for the Activity and Fleet views and {@code tokenbench audit}.
 */
public interface AuditTrail {

    /** Entries after {@code afterSequence} (0 for the first), oldest first, at most {@code limit}. */
    List<AuditEntry> entries(long afterSequence, int limit) throws TokenException;

    /** What was done to one device, oldest first. */
    List<AuditEntry> history(String family, String serial) throws TokenException;

    /** Walks the whole chain and reports the first row that was edited, deleted, inserted or moved. */
    AuditVerification verify() throws TokenException;
}
