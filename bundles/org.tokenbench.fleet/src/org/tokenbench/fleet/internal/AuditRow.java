package org.tokenbench.fleet.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HexFormat;

import org.tokenbench.core.ErrorCode;
import org.tokenbench.core.fleet.AuditEntry;
import org.tokenbench.core.fleet.AuditEvent;

/**
 * One audit row as stored, every field as text, so that the chain is checked over exactly what is in the database
 * (a row changed into something unparseable is still reported as edited, not as a crash). The row's hash is SHA-256
 * over its content and the previous row's hash, each field length-prefixed so that no two rows share an encoding.
 * The sequence number is not hashed: it only orders the rows, and the links between hashes are what verification
 * trusts.
 */
record AuditRow(long sequence, long timeMillis, String user, String action, String family, String serial, String outcome, String code,
        String detail, String previousHash, String hash) {

    static final String GENESIS = "0".repeat(64);
    static final String COLUMNS = "seq, recorded_at, os_user, action, family, serial, outcome, error_code, detail, prev_hash, row_hash";
    private static final byte[] DOMAIN = "tokenbench-audit-v1".getBytes(StandardCharsets.US_ASCII);
    static final int MAX_DETAIL = 2000;

    /**
     * The row that appends {@code event} after {@code previousHash}. Fields come from devices and users (a serial, an OS
     * user name), so they are made storable the same way on every database before hashing: control characters written
     * as {@code \\uXXXX} (PostgreSQL refuses NUL in text; H2 takes it) and each cut to its column's size.
     */
    static AuditRow of(long sequence, Instant time, String user, AuditEvent event, String previousHash) {
        AuditRow unsigned = new AuditRow(sequence, time.toEpochMilli(), storable(user, 200), storable(event.action(), 100),
                storable(event.family(), 100), storable(event.serial(), 200), event.outcome().name(),
                storable(event.code().map(ErrorCode::toString).orElse(""), 100), storable(event.detail(), MAX_DETAIL), previousHash, "");
        return unsigned.withHash(unsigned.computeHash());
    }

    static String storable(String text, int maxLength) {
        StringBuilder out = new StringBuilder(Math.min(text.length(), maxLength));
        for (int i = 0; i < text.length() && out.length() < maxLength; i++) {
            char c = text.charAt(i);
            boolean control = c < 0x20 || (c >= 0x7F && c <= 0x9F);
            out.append(control ? String.format("\\u%04x", (int) c) : String.valueOf(c));
        }
        return out.length() > maxLength ? out.substring(0, maxLength) : out.toString();
    }

    AuditRow withHash(String newHash) {
        return new AuditRow(sequence, timeMillis, user, action, family, serial, outcome, code, detail, previousHash, newHash);
    }

    String computeHash() {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            for (String field : new String[] { Long.toString(timeMillis), user, action, family, serial, outcome, code, detail, previousHash }) {
                feed(sha256, field.getBytes(StandardCharsets.UTF_8));
            }
            sha256.update(DOMAIN);
            return HexFormat.of().formatHex(sha256.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private static void feed(MessageDigest digest, byte[] field) {
        digest.update(ByteBuffer.allocate(4).putInt(field.length).array());
        digest.update(field);
    }

    static AuditRow read(ResultSet rows) throws SQLException {
        return new AuditRow(rows.getLong(1), rows.getLong(2), rows.getString(3), rows.getString(4), rows.getString(5), rows.getString(6),
                rows.getString(7), rows.getString(8), rows.getString(9), rows.getString(10).strip(), rows.getString(11).strip());
    }

    void insert(PreparedStatement insert) throws SQLException {
        insert.setLong(1, sequence);
        insert.setLong(2, timeMillis);
        insert.setString(3, user);
        insert.setString(4, action);
        insert.setString(5, family);
        insert.setString(6, serial);
        insert.setString(7, outcome);
        insert.setString(8, code);
        insert.setString(9, detail);
        insert.setString(10, previousHash);
        insert.setString(11, hash);
        insert.executeUpdate();
    }

    /** The entry as callers see it; a field that no longer parses (an edited row) is shown as it is stored. */
    AuditEntry entry() {
        AuditEvent.Outcome parsedOutcome;
        try {
            parsedOutcome = AuditEvent.Outcome.valueOf(outcome);
        } catch (IllegalArgumentException e) {
            parsedOutcome = AuditEvent.Outcome.FAILED;
        }
        return new AuditEntry(sequence, Instant.ofEpochMilli(timeMillis), user,
                new AuditEvent(action, family, serial, parsedOutcome, ErrorCode.parse(code), detail));
    }
}
