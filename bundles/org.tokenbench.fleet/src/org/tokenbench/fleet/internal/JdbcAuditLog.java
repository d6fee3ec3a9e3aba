package org.tokenbench.fleet.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tokenbench.core.TokenException;
import org.tokenbench.core.fleet.AuditEntry;
import org.tokenbench.core.fleet.AuditEvent;
import org.tokenbench.core.fleet.AuditLog;
import org.tokenbench.fleet.AuditTrail;
import org.tokenbench.fleet.AuditVerification;
import org.tokenbench.fleet.FleetProblem;

/**
 * The audit log in the fleet database. Appending reads the chain's head row with {@code SELECT … FOR UPDATE} in the
 * same transaction as the insert: the row lock makes a second writer (another thread, or another TokenBench process on
 * the same H2 file or PostgreSQL database) wait until the first has committed, then append after the first's row, so
 * the chain never forks; the sequence number's primary key refuses a fork even if a lock were skipped.
 */
@Component(service = { AuditLog.class, AuditTrail.class })
public final class JdbcAuditLog implements AuditLog, AuditTrail {

    private static final int PAGE = 5000;

    @Reference
    private FleetDatabase database;
    private final List<Consumer<AuditEntry>> listeners = new CopyOnWriteArrayList<>();

    /** For Declarative Services. */
    public JdbcAuditLog() {
    }

    public JdbcAuditLog(FleetDatabase database) {
        this.database = database;
    }

    @Override
    public AuditEntry record(AuditEvent event) throws TokenException {
        Instant time = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        String user = System.getProperty("user.name", "?");
        AuditRow written = database.write(connection -> append(connection, time, user, event));
        AuditEntry entry = written.entry();
        for (Consumer<AuditEntry> listener : listeners) {
            try {
                listener.accept(entry);
            } catch (RuntimeException e) {
                // The entry is committed: a view that fails to show it must not turn the record into a reported failure.
                System.err.println("TokenBench: an audit log listener failed: " + e);
            }
        }
        return entry;
    }

    private static AuditRow append(Connection connection, Instant time, String user, AuditEvent event) throws SQLException {
        long lastSequence;
        String lastHash;
        try (Statement statement = connection.createStatement();
                ResultSet head = statement.executeQuery("SELECT last_seq, last_hash FROM audit_head WHERE id = 1 FOR UPDATE")) {
            if (!head.next()) {
                throw new SQLException("the audit log's head row is missing");
            }
            lastSequence = head.getLong(1);
            lastHash = head.getString(2).strip();
        }
        AuditRow row = AuditRow.of(lastSequence + 1, time, user, event, lastHash);
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO audit_entry (" + AuditRow.COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            row.insert(insert);
        }
        try (PreparedStatement head = connection.prepareStatement("UPDATE audit_head SET last_seq = ?, last_hash = ? WHERE id = 1")) {
            head.setLong(1, row.sequence());
            head.setString(2, row.hash());
            head.executeUpdate();
        }
        return row;
    }

    @Override
    public List<AuditEntry> recent(int limit) throws TokenException {
        return database.read(connection -> entries(connection, "SELECT " + AuditRow.COLUMNS + " FROM audit_entry ORDER BY seq DESC", limit));
    }

    @Override
    public AutoCloseable onRecord(Consumer<AuditEntry> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    @Override
    public List<AuditEntry> entries(long afterSequence, int limit) throws TokenException {
        return database.read(connection -> entries(connection, "SELECT " + AuditRow.COLUMNS + " FROM audit_entry WHERE seq > ? ORDER BY seq", limit,
                afterSequence));
    }

    @Override
    public List<AuditEntry> history(String family, String serial) throws TokenException {
        return database.read(connection -> entries(connection,
                "SELECT " + AuditRow.COLUMNS + " FROM audit_entry WHERE family = ? AND serial = ? ORDER BY seq", Integer.MAX_VALUE, family, serial));
    }

    private static List<AuditEntry> entries(Connection connection, String sql, int limit, Object... parameters) throws SQLException {
        List<AuditEntry> entries = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                query.setObject(i + 1, parameters[i]);
            }
            query.setMaxRows(limit == Integer.MAX_VALUE ? 0 : limit);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next() && entries.size() < limit) {
                    entries.add(AuditRow.read(rows).entry());
                }
            }
        }
        return entries;
    }

    @Override
    public AuditVerification verify() throws TokenException {
        return database.write(connection -> {
            // A consistent view: the head and the rows as of one moment, with appends waiting meanwhile.
            long headSequence;
            String headHash;
            try (Statement statement = connection.createStatement();
                    ResultSet head = statement.executeQuery("SELECT last_seq, last_hash FROM audit_head WHERE id = 1 FOR UPDATE")) {
                if (!head.next()) {
                    throw new TokenException(FleetProblem.AUDIT_CHANGED, "the audit log's head row was deleted");
                }
                headSequence = head.getLong(1);
                headHash = head.getString(2).strip();
            }
            List<AuditRow> rows = new ArrayList<>();
            try (PreparedStatement query = connection.prepareStatement("SELECT " + AuditRow.COLUMNS + " FROM audit_entry ORDER BY seq")) {
                query.setFetchSize(PAGE);
                try (ResultSet result = query.executeQuery()) {
                    while (result.next()) {
                        rows.add(AuditRow.read(result));
                    }
                }
            }
            return ChainVerifier.verify(rows, headSequence, headHash);
        });
    }
}
