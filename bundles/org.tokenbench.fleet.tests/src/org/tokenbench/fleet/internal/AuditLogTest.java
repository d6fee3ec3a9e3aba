package org.tokenbench.fleet.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.tokenbench.core.ErrorCode;
import org.tokenbench.core.fleet.AuditEntry;
import org.tokenbench.core.fleet.AuditEvent;
import org.tokenbench.fleet.AuditVerification;
import org.tokenbench.fleet.AuditVerification.Kind;

/** The hash-chained audit log on H2 and PostgreSQL: what is written is read back, and every kind of tampering is found. */
class AuditLogTest {

    private final List<FleetDatabase> opened = new ArrayList<>();

    @AfterEach
    void close() {
        opened.forEach(FleetDatabase::close);
    }

    private FleetDatabase open(TestDatabases kind) throws Exception {
        FleetDatabase database = kind.create();
        opened.add(database);
        return database;
    }

    /** A log of five entries: serials S1..S5, entry n at sequence n. */
    private JdbcAuditLog fiveEntries(FleetDatabase database) throws Exception {
        JdbcAuditLog log = new JdbcAuditLog(database);
        for (int i = 1; i <= 5; i++) {
            log.record(AuditEvent.succeeded(AuditEvent.PROGRAM, "safeid", "S" + i, "account alice" + i + "@example.com"));
        }
        assertTrue(log.verify().intact(), "a log only TokenBench wrote is intact");
        return log;
    }

    private static void sql(FleetDatabase database, String... statements) throws Exception {
        database.write(connection -> {
            try (Statement statement = connection.createStatement()) {
                for (String sql : statements) {
                    statement.executeUpdate(sql);
                }
            }
            return null;
        });
    }

    private static void assertBreak(AuditVerification verification, Kind kind, long sequence) {
        assertTrue(verification.firstBreak().isPresent(), "the tampering is found");
        AuditVerification.Break found = verification.firstBreak().get();
        assertEquals(kind, found.kind(), found.description());
        assertEquals(sequence, found.sequence(), found.description());
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void whatIsRecordedIsReadBackAndSurvivesARestart(TestDatabases kind) throws Exception {
        String name = TestDatabases.newName();
        FleetDatabase first = new FleetDatabase(kind.settings(name));
        opened.add(first);
        JdbcAuditLog log = new JdbcAuditLog(first);
        List<AuditEntry> heard = new ArrayList<>();
        AutoCloseable listening = log.onRecord(heard::add);
        AuditEntry programmed = log.record(AuditEvent.succeeded(AuditEvent.PROGRAM, "safeid", "2100123456", "account alice@example.com"));
        AuditEntry refused = log.record(AuditEvent.failed(AuditEvent.PIN_VERIFY, "guomi", "GM0001", ErrorCode.of("skf", 0x0A000024L), "user PIN"));
        listening.close();
        log.record(AuditEvent.succeeded(AuditEvent.EXPORT, "", "", "entra.csv"));

        assertEquals(1, programmed.sequence());
        assertEquals(2, refused.sequence());
        assertEquals(System.getProperty("user.name"), programmed.user());
        assertEquals(List.of(programmed, refused), heard, "listeners hear each entry until they stop listening");
        first.close();

        FleetDatabase again = new FleetDatabase(kind.settings(name));
        opened.add(again);
        JdbcAuditLog reopened = new JdbcAuditLog(again);
        List<AuditEntry> recent = reopened.recent(10);
        assertEquals(3, recent.size(), "the log survives a restart");
        assertEquals(AuditEvent.EXPORT, recent.get(0).event().action(), "newest first");
        assertEquals(refused, recent.get(1), "time, user, outcome and error code come back as written");
        assertEquals(List.of(refused), reopened.history("guomi", "GM0001"));
        assertEquals(List.of(refused, recent.get(0)), reopened.entries(1, 10));
        assertEquals(1, reopened.recent(1).size());
        AuditVerification verification = reopened.verify();
        assertTrue(verification.intact());
        assertEquals(3, verification.checked());
        assertEquals(3, verification.headSequence());
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void anEditedRowIsFound(TestDatabases kind) throws Exception {
        FleetDatabase database = open(kind);
        JdbcAuditLog log = fiveEntries(database);
        sql(database, "UPDATE audit_entry SET detail = 'account mallory@example.com' WHERE seq = 3");
        assertBreak(log.verify(), Kind.EDITED, 3);
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void aRowRewrittenWithItsHashRecomputedIsFound(TestDatabases kind) throws Exception {
        FleetDatabase database = open(kind);
        JdbcAuditLog log = fiveEntries(database);
        AuditRow original = rows(database).get(2);
        AuditRow forged = new AuditRow(3, original.timeMillis(), "mallory", original.action(), original.family(), original.serial(),
                original.outcome(), original.code(), original.detail(), original.previousHash(), "");
        forged = forged.withHash(forged.computeHash());
        sql(database, "UPDATE audit_entry SET os_user = 'mallory', row_hash = '" + forged.hash() + "' WHERE seq = 3");
        assertBreak(log.verify(), Kind.EDITED, 3);
    }

    /** What a device reports goes into the log: a NUL and an over-long serial are stored alike on H2 and PostgreSQL. */
    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void hostileDeviceTextIsStoredTheSameOnEveryDatabase(TestDatabases kind) throws Exception {
        FleetDatabase database = open(kind);
        JdbcAuditLog log = new JdbcAuditLog(database);
        log.record(AuditEvent.succeeded(AuditEvent.PROGRAM, "safeid", "SN\u0000\u001b[2J" + "9".repeat(300), "line one\nline two"));
        AuditEntry stored = log.recent(1).get(0);
        assertTrue(stored.event().serial().startsWith("SN\\u0000\\u001b[2J999"), stored.event().serial());
        assertEquals(200, stored.event().serial().length());
        assertEquals("line one\\u000aline two", stored.event().detail());
        assertTrue(log.verify().intact());
    }

    /** Row numbers are not in the hash, but paging reads by them: renumbering rows (a gap) is found too. */
    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void renumberedRowsAreFound(TestDatabases kind) throws Exception {
        FleetDatabase database = open(kind);
        JdbcAuditLog log = fiveEntries(database);
        sql(database, "UPDATE audit_entry SET seq = seq + 10 WHERE seq >= 4");
        AuditVerification verification = log.verify();
        assertBreak(verification, Kind.EDITED, 14);
        assertTrue(verification.firstBreak().get().description().contains("row 4 of the chain is numbered 14"),
                verification.firstBreak().get().description());
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void aDeletedRowIsFound(TestDatabases kind) throws Exception {
        FleetDatabase database = open(kind);
        JdbcAuditLog log = fiveEntries(database);
        sql(database, "DELETE FROM audit_entry WHERE seq = 3");
        assertBreak(log.verify(), Kind.DELETED, 4);
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void deletedNewestRowsAreFound(TestDatabases kind) throws Exception {
        FleetDatabase database = open(kind);
        JdbcAuditLog log = fiveEntries(database);
        sql(database, "DELETE FROM audit_entry WHERE seq >= 4");
        AuditVerification verification = log.verify();
        assertBreak(verification, Kind.DELETED, 3);
        assertTrue(verification.firstBreak().get().description().contains("last wrote row 5"), verification.firstBreak().get().description());
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void aRowInsertedWithACorrectHashIsFound(TestDatabases kind) throws Exception {
        FleetDatabase database = open(kind);
        JdbcAuditLog log = fiveEntries(database);
        // The forger knows the scheme: shifts rows 3..5 up and inserts a well-formed row after row 2.
        AuditRow second = rows(database).get(1);
        insertAfterSecond(database, AuditRow.of(3, Instant.ofEpochMilli(second.timeMillis() + 1), "mallory",
                AuditEvent.succeeded(AuditEvent.EXPORT, "", "", "all seeds.csv"), second.hash()));
        assertBreak(log.verify(), Kind.INSERTED, 3);
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void aRowInsertedWithAMadeUpHashIsFound(TestDatabases kind) throws Exception {
        FleetDatabase database = open(kind);
        JdbcAuditLog log = fiveEntries(database);
        AuditRow second = rows(database).get(1);
        insertAfterSecond(database, AuditRow.of(3, Instant.now(), "mallory", AuditEvent.succeeded(AuditEvent.EXPORT, "", "", "x"), second.hash())
                .withHash("f".repeat(64)));
        assertBreak(log.verify(), Kind.INSERTED, 3);
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void aRowAppendedBehindTokenBenchsBackIsFound(TestDatabases kind) throws Exception {
        FleetDatabase database = open(kind);
        JdbcAuditLog log = fiveEntries(database);
        AuditRow last = rows(database).get(4);
        insert(database, AuditRow.of(6, Instant.now(), "mallory", AuditEvent.succeeded(AuditEvent.RESTORE, "", "", "x"), last.hash()));
        assertBreak(log.verify(), Kind.INSERTED, 6);
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void reorderedRowsAreFound(TestDatabases kind) throws Exception {
        FleetDatabase database = open(kind);
        JdbcAuditLog log = fiveEntries(database);
        sql(database, "UPDATE audit_entry SET seq = 103 WHERE seq = 3", "UPDATE audit_entry SET seq = 3 WHERE seq = 4",
                "UPDATE audit_entry SET seq = 4 WHERE seq = 103");
        assertBreak(log.verify(), Kind.REORDERED, 3);
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void concurrentWritersDoNotForkTheChain(TestDatabases kind) throws Exception {
        String name = TestDatabases.newName();
        int writers = 4;
        int each = 25;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        List<Future<?>> done = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            // One database object per writer, as two TokenBench processes would have.
            FleetDatabase database = new FleetDatabase(kind.settings(name));
            opened.add(database);
            JdbcAuditLog log = new JdbcAuditLog(database);
            int writer = w;
            done.add(pool.submit(() -> {
                for (int i = 0; i < each; i++) {
                    log.record(AuditEvent.succeeded(AuditEvent.CONFIRM, "safeid", "W" + writer + "-" + i, ""));
                }
                return null;
            }));
        }
        for (Future<?> writer : done) {
            writer.get(120, TimeUnit.SECONDS);
        }
        pool.shutdown();
        AuditVerification verification = new JdbcAuditLog(opened.get(0)).verify();
        assertTrue(verification.intact(), () -> verification.firstBreak().get().description());
        assertEquals(writers * each, verification.checked());
        List<AuditRow> rows = rows(opened.get(0));
        for (int i = 0; i < rows.size(); i++) {
            assertEquals(i + 1, rows.get(i).sequence(), "no gaps, no duplicates");
        }
    }

    static List<AuditRow> rows(FleetDatabase database) throws Exception {
        return database.read(connection -> {
            List<AuditRow> rows = new ArrayList<>();
            try (Statement statement = connection.createStatement();
                    var result = statement.executeQuery("SELECT " + AuditRow.COLUMNS + " FROM audit_entry ORDER BY seq")) {
                while (result.next()) {
                    rows.add(AuditRow.read(result));
                }
            }
            return rows;
        });
    }

    /** Moves rows 3.. one place up (through a gap, as the primary key requires) and puts {@code row} at 3. */
    private static void insertAfterSecond(FleetDatabase database, AuditRow row) throws Exception {
        sql(database, "UPDATE audit_entry SET seq = seq + 100 WHERE seq >= 3", "UPDATE audit_entry SET seq = seq - 99 WHERE seq >= 100");
        insert(database, row);
    }

    private static void insert(FleetDatabase database, AuditRow row) throws Exception {
        database.write(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO audit_entry (" + AuditRow.COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                row.insert(insert);
            }
            return null;
        });
    }
}
