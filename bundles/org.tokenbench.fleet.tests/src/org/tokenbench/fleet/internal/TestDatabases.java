package org.tokenbench.fleet.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.tokenbench.core.TokenBenchHome;

/**
 * The two databases every storage test runs on: a fresh H2 file database under the test run's TokenBench home, and a
 * fresh schema in the PostgreSQL that {@code releng/scripts/postgres.sh} started ({@code TOKENBENCH_TEST_POSTGRES_URL}).
 * Without that variable the PostgreSQL runs are skipped with a message, except under CI, where they fail: CI must test
 * both.
 */
public enum TestDatabases {
    H2, POSTGRESQL;

    /** A new, empty fleet database of this kind. */
    public FleetDatabase create() throws Exception {
        return new FleetDatabase(settings(newName()));
    }

    /** Settings for a database of this kind named {@code name} (the same name reaches the same database). */
    public FleetSettings settings(String name) throws Exception {
        if (this == H2) {
            return FleetSettings.h2(h2Directory(name));
        }
        String url = postgresUrl();
        String schema = name.toLowerCase(java.util.Locale.ROOT);
        try (Connection connection = postgresConnection(url)) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("CREATE SCHEMA IF NOT EXISTS " + schema);
            }
        }
        return new FleetSettings(url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema, System.getenv("TOKENBENCH_TEST_POSTGRES_USER"),
                Optional.of(Path.of(System.getenv("TOKENBENCH_TEST_POSTGRES_PASSWORD_FILE"))), "test");
    }

    public static String newName() {
        return "t" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    }

    public static Path h2Directory(String name) {
        return TokenBenchHome.directory().resolve("fleet-tests").resolve(name);
    }

    /** Where the database's files are, for tests that read them: the H2 directory or the PostgreSQL cluster's data. */
    public Path files(FleetDatabase database) {
        if (this == H2) {
            String url = database.settings().url();
            return Path.of(url.substring("jdbc:h2:file:".length(), url.indexOf(';'))).getParent();
        }
        String data = System.getenv("TOKENBENCH_TEST_POSTGRES_DATA");
        Assumptions.assumeTrue(data != null && Files.isDirectory(Path.of(data)), "the PostgreSQL data directory is not readable here");
        return Path.of(data);
    }

    private static String postgresUrl() {
        String url = System.getenv("TOKENBENCH_TEST_POSTGRES_URL");
        if (url == null || url.isBlank()) {
            if ("true".equals(System.getenv("CI"))) {
                Assertions.fail("TOKENBENCH_TEST_POSTGRES_URL is not set: CI must run the fleet tests on PostgreSQL (source releng/scripts/postgres.sh)");
            }
            System.out.println("SKIPPED on PostgreSQL: TOKENBENCH_TEST_POSTGRES_URL is not set (source releng/scripts/postgres.sh to run these)");
            Assumptions.abort("TOKENBENCH_TEST_POSTGRES_URL is not set: PostgreSQL tests skipped");
        }
        return url;
    }

    private static Connection postgresConnection(String url) throws Exception {
        Properties properties = new Properties();
        properties.setProperty("user", System.getenv("TOKENBENCH_TEST_POSTGRES_USER"));
        properties.setProperty("password", Files.readString(Path.of(System.getenv("TOKENBENCH_TEST_POSTGRES_PASSWORD_FILE"))).strip());
        return new org.postgresql.Driver().connect(url, properties);
    }
}
