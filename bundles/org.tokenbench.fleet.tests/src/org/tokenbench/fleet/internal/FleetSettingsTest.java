package org.tokenbench.fleet.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.tokenbench.core.TokenException;
import org.tokenbench.fleet.FleetProblem;

/** Where the fleet database is configured, in which order, and that the password only ever comes from a private file. */
class FleetSettingsTest {

    private static Path home() throws Exception {
        return Files.createDirectories(TestDatabases.h2Directory(TestDatabases.newName()));
    }

    @Test
    void withoutConfigurationItIsAnH2FileUnderTheHome() throws Exception {
        Path home = home();
        FleetSettings settings = FleetSettings.resolve(new Properties(), Map.of(), home);
        assertEquals("jdbc:h2:file:" + home.resolve("fleet").resolve("fleet").toAbsolutePath() + ";AUTO_SERVER=TRUE;LOCK_TIMEOUT=10000", settings.url());
        assertTrue(!settings.isPostgres());
    }

    @Test
    void aTeamDatabaseIsNamedInFleetPropertiesOrOverriddenByEnvironmentOrSystemProperty() throws Exception {
        Path home = home();
        Files.writeString(home.resolve("fleet.properties"), """
                url = jdbc:postgresql://db.example.com:5432/tokenbench?sslmode=verify-full
                user = tokenbench
                password.file = /etc/tokenbench/db.password
                """);
        FleetSettings fromFile = FleetSettings.resolve(new Properties(), Map.of(), home);
        assertEquals("jdbc:postgresql://db.example.com:5432/tokenbench?sslmode=verify-full", fromFile.url());
        assertEquals("jdbc:postgresql://db.example.com:5432/tokenbench", fromFile.safeUrl());
        assertEquals("tokenbench", fromFile.user());
        assertEquals(Optional.of(Path.of("/etc/tokenbench/db.password")), fromFile.passwordFile());
        assertTrue(fromFile.isPostgres());

        FleetSettings fromEnvironment = FleetSettings.resolve(new Properties(), Map.of(FleetSettings.URL_VARIABLE, "jdbc:postgresql://other/tb",
                FleetSettings.USER_VARIABLE, "ci"), home);
        assertEquals("jdbc:postgresql://other/tb", fromEnvironment.url());
        assertEquals("ci", fromEnvironment.user());

        Properties system = new Properties();
        system.setProperty(FleetSettings.URL_PROPERTY, "jdbc:h2:mem:x");
        assertEquals("jdbc:h2:mem:x", FleetSettings.resolve(system, Map.of(FleetSettings.URL_VARIABLE, "jdbc:postgresql://other/tb"), home).url());
    }

    @Test
    void otherDatabasesAndPasswordFilesOthersCanReadAreRefused() throws Exception {
        Path home = home();
        TokenException mysql = assertThrows(TokenException.class,
                () -> FleetSettings.resolve(new Properties(), Map.of(FleetSettings.URL_VARIABLE, "jdbc:mysql://db/tb"), home));
        assertEquals(FleetProblem.BAD_SETTINGS, mysql.code());

        Path password = home.resolve("db.password");
        Files.writeString(password, "s3cret-Passw0rd\n");
        Files.setPosixFilePermissions(password, PosixFilePermissions.fromString("rw-r--r--"));
        FleetSettings settings = new FleetSettings("jdbc:postgresql://db/tb", "tb", Optional.of(password), "test");
        TokenException readable = assertThrows(TokenException.class, settings::password);
        assertEquals(FleetProblem.BAD_SETTINGS, readable.code());
        assertTrue(!readable.getMessage().contains("s3cret"), "the message never shows the password");

        Files.setPosixFilePermissions(password, PosixFilePermissions.fromString("rw-------"));
        assertEquals("s3cret-Passw0rd", new String(settings.password()), "the line end is not part of the password");
    }

    @Test
    void theDefaultDatabaseDirectoryAndFilesAreForTheOwnerOnly() throws Exception {
        Path home = home();
        FleetDatabase database = new FleetDatabase(FleetSettings.h2(home.resolve("fleet")));
        try {
            new JdbcAuditLog(database).record(org.tokenbench.core.fleet.AuditEvent.succeeded("test", "", "", ""));
        } finally {
            database.close();
        }
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(home.resolve("fleet"))));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(home.resolve("fleet").resolve("fleet.mv.db"))));
    }
}
