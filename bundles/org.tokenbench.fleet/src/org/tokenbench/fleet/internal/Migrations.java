package org.tokenbench.fleet.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import org.tokenbench.core.TokenException;
import org.tokenbench.fleet.FleetProblem;

/**
 * Versioned schema migrations: the SQL scripts in the bundle's {@code db/} folder, applied in order and noted in
 * {@code schema_version}. Flyway and Liquibase find their scripts by scanning the class path, which OSGi bundles do not
 * offer without extra adapters; two scripts do not justify that weight. The scripts use SQL both H2 and PostgreSQL
 * accept. On PostgreSQL each migration runs in one transaction under an advisory lock, so two TokenBench processes
 * starting together on an empty database do not both create the tables.
 */
final class Migrations {

    /** In order; the version is the number after the V. Never edit a released script: add a new one. */
    static final List<String> SCRIPTS = List.of("V1__audit_and_inventory.sql", "V2__seed_vault.sql");
    private static final int H2_ATTEMPTS = 6;
    private static final long LOCK_KEY = 0x7442_466C_6565_7431L; // "tBFleet1": TokenBench's advisory lock id

    private Migrations() {
    }

    static void apply(Connection connection, boolean postgres) throws TokenException {
        for (int attempt = 1;; attempt++) {
            try {
                applyOnce(connection, postgres);
                return;
            } catch (SQLException e) {
                // H2 commits each CREATE TABLE at once, so a lock cannot cover a migration there: when two processes
                // migrate a new H2 file together, the one that finds a table already created waits and looks again.
                if (postgres || attempt == H2_ATTEMPTS) {
                    throw new TokenException(FleetProblem.MIGRATION_FAILED, "the fleet database schema cannot be brought up to date: " + e.getMessage(), e);
                }
                try {
                    Thread.sleep(100L * attempt);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw new TokenException(FleetProblem.MIGRATION_FAILED, "interrupted while the fleet database schema was brought up to date", e);
                }
            }
        }
    }

    private static void applyOnce(Connection connection, boolean postgres) throws SQLException, TokenException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
            if (postgres) {
                statement.execute("SELECT pg_advisory_xact_lock(" + LOCK_KEY + ")");
            }
            statement.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, script VARCHAR(200) NOT NULL, "
                    + "applied_at BIGINT NOT NULL)");
            int current = currentVersion(connection);
            if (current > SCRIPTS.size()) {
                throw new TokenException(FleetProblem.SCHEMA_TOO_NEW, "the fleet database has schema version " + current
                        + "; this TokenBench knows versions up to " + SCRIPTS.size());
            }
            for (int version = current + 1; version <= SCRIPTS.size(); version++) {
                run(connection, version, SCRIPTS.get(version - 1));
            }
            connection.commit();
        } catch (SQLException | TokenException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    private static int currentVersion(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery("SELECT MAX(version) FROM schema_version")) {
            return rows.next() ? rows.getInt(1) : 0;
        }
    }

    private static void run(Connection connection, int version, String script) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (String sql : statements(read(script))) {
                statement.execute(sql);
            }
        }
        try (PreparedStatement note = connection.prepareStatement("INSERT INTO schema_version (version, script, applied_at) VALUES (?, ?, ?)")) {
            note.setInt(1, version);
            note.setString(2, script);
            note.setLong(3, System.currentTimeMillis());
            note.executeUpdate();
        }
    }

    /** The script's statements: split at semicolons that end a line, with comment lines dropped. */
    static List<String> statements(String script) {
        StringBuilder kept = new StringBuilder();
        for (String line : script.split("\n")) {
            if (!line.strip().startsWith("--")) {
                kept.append(line).append('\n');
            }
        }
        return java.util.Arrays.stream(kept.toString().split(";\\s*\n")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static String read(String script) throws SQLException {
        try (InputStream in = Migrations.class.getResourceAsStream("/db/" + script)) {
            if (in == null) {
                throw new SQLException("migration script db/" + script + " is missing from the bundle");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new SQLException("migration script db/" + script + " cannot be read", e);
        }
    }
}
