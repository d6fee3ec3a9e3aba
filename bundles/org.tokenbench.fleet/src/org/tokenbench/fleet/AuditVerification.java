package org.tokenbench.fleet;

import java.util.Optional;

/**
 * The result of walking the audit chain.
 *
 * @param checked    how many rows were read
 * @param headHash   the hash the newest row commits to: note it elsewhere (a ticket, a mail) to detect later that the
 *                   whole chain was rewritten, which no chain can detect by itself
 * @param firstBreak the first place the chain does not hold, empty when it is intact
 */
public record AuditVerification(long checked, long headSequence, String headHash, Optional<Break> firstBreak) {

    public enum Kind {
        /** The row's content (or its stored hash) is not what was written. */
        EDITED,
        /** One or more rows are missing before the reported sequence (or after it, at the end of the log). */
        DELETED,
        /** The reported row was not written by TokenBench's append. */
        INSERTED,
        /** The reported row is not where it was written. */
        REORDERED
    }

    /**
     * @param sequence the row the break is reported at (for a deletion: the first row after the gap, or the last
     *                 row when the newest rows are gone)
     */
    public record Break(Kind kind, long sequence, String description) {
    }

    public boolean intact() {
        return firstBreak.isEmpty();
    }
}
