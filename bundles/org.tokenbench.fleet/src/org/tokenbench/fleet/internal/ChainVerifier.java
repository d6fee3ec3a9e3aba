package org.tokenbench.fleet.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.tokenbench.fleet.AuditVerification;
import org.tokenbench.fleet.AuditVerification.Break;
import org.tokenbench.fleet.AuditVerification.Kind;

/**
 * Finds the first place an audit chain does not hold, and says what most likely happened there. A row whose content
 * does not match its hash was edited (or, when the next row skips over it, inserted); a sound row that does not follow
 * the one before it shows a row inserted before it (it follows the row before that), rows moved (it follows a later
 * row) or rows deleted (it follows a row that is no longer there). The head (the newest hash, kept beside the rows)
 * reveals rows deleted from or appended to the end.
 */
final class ChainVerifier {

    private ChainVerifier() {
    }

    static AuditVerification verify(List<AuditRow> rows, long headSequence, String headHash) {
        Map<String, Integer> positionOfHash = new HashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            positionOfHash.putIfAbsent(rows.get(i).hash(), i);
        }
        String expected = AuditRow.GENESIS;
        for (int i = 0; i < rows.size(); i++) {
            AuditRow row = rows.get(i);
            Optional<Break> broken = check(rows, i, expected, positionOfHash);
            if (broken.isEmpty() && row.sequence() != i + 1) {
                // Row numbers are not hashed, but readers page by them: renumbered rows or gaps must not pass.
                broken = broken(Kind.EDITED, row.sequence(), "row " + (i + 1) + " of the chain is numbered " + row.sequence()
                        + ": the row numbers were changed");
            }
            if (broken.isPresent()) {
                return new AuditVerification(i + 1, headSequence, headHash, broken);
            }
            expected = row.hash();
        }
        Optional<Break> end = Optional.empty();
        if (!expected.equals(headHash)) {
            Integer head = positionOfHash.get(headHash);
            if (head != null && head < rows.size() - 1) {
                end = Optional.of(new Break(Kind.INSERTED, rows.get(head + 1).sequence(),
                        "row " + rows.get(head + 1).sequence() + " and any after it were added after the newest row TokenBench wrote (" + headSequence + ")"));
            } else {
                long last = rows.isEmpty() ? 0 : rows.get(rows.size() - 1).sequence();
                end = Optional.of(new Break(Kind.DELETED, last, "the newest rows are missing: the log ends at row " + last
                        + " but TokenBench last wrote row " + headSequence));
            }
        }
        if (end.isEmpty() && headSequence != rows.size()) {
            end = broken(Kind.EDITED, headSequence, "the log's head says row " + headSequence + " is the newest, but the chain holds "
                    + rows.size() + " rows");
        }
        return new AuditVerification(rows.size(), headSequence, headHash, end);
    }

    private static Optional<Break> check(List<AuditRow> rows, int i, String expected, Map<String, Integer> positionOfHash) {
        AuditRow row = rows.get(i);
        long seq = row.sequence();
        if (!row.computeHash().equals(row.hash())) {
            if (i + 1 < rows.size() && rows.get(i + 1).previousHash().equals(expected)) {
                return broken(Kind.INSERTED, seq, "row " + seq + " is not part of the chain: the row after it follows the row before it");
            }
            return broken(Kind.EDITED, seq, "row " + seq + " was changed after it was written: its content does not match its hash");
        }
        if (row.previousHash().equals(expected)) {
            return Optional.empty();
        }
        if (i > 0 && row.previousHash().equals(rows.get(i - 1).previousHash())) {
            long inserted = rows.get(i - 1).sequence();
            return broken(Kind.INSERTED, inserted, "row " + inserted + " was inserted: row " + seq + " follows the row before it");
        }
        Integer followed = positionOfHash.get(row.previousHash());
        if (followed != null) {
            return broken(Kind.REORDERED, seq, "row " + seq + " is out of place: it was written after row " + rows.get(followed).sequence());
        }
        if (i > 0 && rows.get(i - 1).sequence() == seq - 1) {
            long rewritten = rows.get(i - 1).sequence();
            return broken(Kind.EDITED, rewritten, "row " + rewritten + " was rewritten with a new hash: row " + seq + " follows a different row");
        }
        long from = i > 0 ? rows.get(i - 1).sequence() + 1 : 1;
        return broken(Kind.DELETED, seq, from == seq - 1 ? "row " + from + " was deleted (before row " + seq + ")"
                : "rows before row " + seq + " were deleted" + (from < seq ? " (" + from + " to " + (seq - 1) + ")" : ""));
    }

    private static Optional<Break> broken(Kind kind, long sequence, String description) {
        return Optional.of(new Break(kind, sequence, description));
    }
}
