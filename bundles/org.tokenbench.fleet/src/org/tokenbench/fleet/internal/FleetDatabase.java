package org.tokenbench.fleet.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Properties;
import java.util.stream.Stream;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.tokenbench.core.TokenException;
import org.tokenbench.fleet.FleetProblem;

/**
 * The fleet's database: connects (lazily, so a team database that is down makes recording fail with an explanation
 * instead of silently removing the audit log), brings the schema up to date once, and runs units of work in
 * transactions. The JDBC drivers are created directly: {@code DriverManager} does not see drivers in other bundles.
 * For H2 it keeps one connection open, so the database file stays open while TokenBench runs.
 */
@Component(service = FleetDatabase.class)
public final class FleetDatabase {

    /** A unit of work on one connection. */
    public interface Work<R> {
        R run(Connection connection) throws SQLException, TokenException;
    }

    /** SQLSTATE class 23: a constraint refused the change (two writers inserting the same key): the work is redone. */
    private static final String INTEGRITY_VIOLATION = "23";
    private static final int ATTEMPTS = 3;

    private FleetSettings settings;
    /** Settings that could not be read: every use fails with this, so a typo never silently disables the audit log. */
    private TokenException unusable;
    private Connection keeper;
    private boolean migrated;

    /** For Declarative Services: the settings are read when the component activates. */
    public FleetDatabase() {
    }

    public FleetDatabase(FleetSettings settings) {
        this.settings = settings;
    }

    @Activate
    void activate() {
        try {
            settings = FleetSettings.fromEnvironment();
        } catch (TokenException e) {
            unusable = e;
        }
    }

    @Deactivate
    public synchronized void close() {
        if (keeper != null) {
            try {
                keeper.close();
            } catch (SQLException e) {
                // closing: nothing left to protect
            }
            keeper = null;
        }
    }

    public FleetSettings settings() {
        return settings;
    }

    public boolean isPostgres() {
        return settings != null && settings.isPostgres();
    }

    /** Runs {@code work} in a transaction, committed when it returns; redone when a concurrent writer took the same key. */
    public <R> R write(Work<R> work) throws TokenException {
        for (int attempt = 1;; attempt++) {
            try (Connection connection = connect()) {
                connection.setAutoCommit(false);
                try {
                    R result = work.run(connection);
                    connection.commit();
                    return result;
                } catch (SQLException | TokenException | RuntimeException e) {
                    connection.rollback();
                    throw e;
                }
            } catch (SQLException e) {
                if (attempt < ATTEMPTS && e.getSQLState() != null && e.getSQLState().startsWith(INTEGRITY_VIOLATION)) {
                    continue;
                }
                throw refused(e);
            }
        }
    }

    /** Runs {@code work} on a connection of its own, without a transaction. */
    public <R> R read(Work<R> work) throws TokenException {
        try (Connection connection = connect()) {
            return work.run(connection);
        } catch (SQLException e) {
            throw refused(e);
        }
    }

    TokenException refused(SQLException e) {
        return new TokenException(FleetProblem.REFUSED, "the fleet database " + settings.safeUrl() + " refused the request: " + e.getMessage(), e);
    }

    /** A new connection to an up-to-date schema; the caller closes it. */
    public Connection connect() throws TokenException {
        if (unusable != null) {
            throw new TokenException(unusable.code(), unusable.getMessage(), unusable);
        }
        Connection connection = open();
        synchronized (this) {
            if (!migrated) {
                try {
                    Migrations.apply(connection, isPostgres());
                } catch (TokenException e) {
                    closeQuietly(connection);
                    throw e;
                }
                migrated = true;
            }
        }
        return connection;
    }

    private Connection open() throws TokenException {
        Properties properties = new Properties();
        if (!settings.user().isEmpty()) {
            properties.setProperty("user", settings.user());
        }
        char[] password = settings.password();
        if (password != null) {
            // JDBC takes the password as a String in Properties; it lives as long as this call.
            properties.setProperty("password", new String(password));
            Arrays.fill(password, '\0');
        }
        try {
            if (isPostgres()) {
                return connectOrFail(new org.postgresql.Driver(), properties);
            }
            synchronized (this) {
                if (keeper == null || keeper.isClosed()) {
                    // H2's AUTO_SERVER lets a second process in through a TCP port: loopback only, as docs/fleet.md says.
                    if (System.getProperty("h2.bindAddress") == null) {
                        System.setProperty("h2.bindAddress", "127.0.0.1");
                    }
                    Path directory = h2Directory();
                    createPrivateDirectory(directory);
                    keeper = connectOrFail(new org.h2.Driver(), properties);
                    restrictFiles(directory);
                }
            }
            return connectOrFail(new org.h2.Driver(), properties);
        } catch (SQLException e) {
            throw unreachable(e);
        } finally {
            properties.clear();
        }
    }

    private Connection connectOrFail(Driver driver, Properties properties) throws SQLException {
        Connection connection = driver.connect(settings.url(), properties);
        if (connection == null) {
            throw new SQLException("the driver does not accept the URL");
        }
        return connection;
    }

    private TokenException unreachable(SQLException e) {
        return new TokenException(FleetProblem.UNREACHABLE, "the fleet database " + settings.safeUrl() + " (from " + settings.origin()
                + ") cannot be opened: " + e.getMessage(), e);
    }

    /** The directory of an H2 file URL ({@code jdbc:h2:file:/path/name;...}), or null for other H2 URLs. */
    private Path h2Directory() {
        String rest = settings.url().substring("jdbc:h2:".length());
        if (rest.startsWith("mem:") || rest.startsWith("tcp:") || rest.startsWith("ssl:")) {
            return null;
        }
        String path = rest.startsWith("file:") ? rest.substring("file:".length()) : rest;
        int options = path.indexOf(';');
        return Path.of(options < 0 ? path : path.substring(0, options)).toAbsolutePath().getParent();
    }

    /** The database files hold who did what (and sealed seeds): like ~/.ssh, for the owner only. */
    private static void createPrivateDirectory(Path directory) throws TokenException {
        if (directory == null) {
            return;
        }
        try {
            Files.createDirectories(directory);
            Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwx------"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: the user's profile directory protects it
        } catch (IOException e) {
            throw new TokenException(FleetProblem.UNREACHABLE, directory + ": the fleet database directory cannot be created (" + e.getMessage() + ")", e);
        }
    }

    private static void restrictFiles(Path directory) {
        if (directory == null) {
            return;
        }
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                if (Files.isRegularFile(file)) {
                    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
                }
            }
        } catch (IOException | UnsupportedOperationException e) {
            // the directory is private already; this only tightens what H2 created with the umask
        }
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException e) {
            // already failing
        }
    }
}
