package org.tokenbench.fleet.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

import org.tokenbench.core.TokenBenchHome;
import org.tokenbench.core.TokenException;
import org.tokenbench.fleet.FleetProblem;

/**
 * Which database holds the fleet: the first of the system property {@code tokenbench.fleet.url}, the environment
 * variable {@code TOKENBENCH_FLEET_URL} and {@code url} in {@code $TOKENBENCH_HOME/fleet.properties}; without any, an
 * H2 file database in {@code $TOKENBENCH_HOME/fleet/}. The user comes the same way ({@code tokenbench.fleet.user},
 * {@code TOKENBENCH_FLEET_USER}, {@code user}); the password never does: it is read from a file readable by its owner
 * only ({@code password.file} or {@code TOKENBENCH_FLEET_PASSWORD_FILE}), or left to the PostgreSQL driver, which
 * reads {@code ~/.pgpass} (or {@code $PGPASSFILE}) as psql does.
 *
 * @param url          a {@code jdbc:h2:} or {@code jdbc:postgresql:} URL
 * @param passwordFile where the password is, empty to use {@code .pgpass} (or no password)
 * @param origin       where the URL came from, for messages
 */
public record FleetSettings(String url, String user, Optional<Path> passwordFile, String origin) {

    public static final String FILE_NAME = "fleet.properties";
    public static final String URL_PROPERTY = "tokenbench.fleet.url";
    public static final String URL_VARIABLE = "TOKENBENCH_FLEET_URL";
    public static final String USER_PROPERTY = "tokenbench.fleet.user";
    public static final String USER_VARIABLE = "TOKENBENCH_FLEET_USER";
    public static final String PASSWORD_FILE_VARIABLE = "TOKENBENCH_FLEET_PASSWORD_FILE";

    public FleetSettings {
        if (!url.startsWith("jdbc:h2:") && !url.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("only jdbc:h2: and jdbc:postgresql: URLs are supported");
        }
    }

    /** The default: an H2 file database in {@code directory}, shared with other TokenBench processes through H2's automatic server. */
    public static FleetSettings h2(Path directory) {
        return new FleetSettings("jdbc:h2:file:" + directory.resolve("fleet").toAbsolutePath() + ";AUTO_SERVER=TRUE;LOCK_TIMEOUT=10000",
                "", Optional.empty(), directory.toString());
    }

    public static FleetSettings fromEnvironment() throws TokenException {
        return resolve(System.getProperties(), System.getenv(), TokenBenchHome.directory());
    }

    static FleetSettings resolve(Properties system, Map<String, String> environment, Path home) throws TokenException {
        Properties file = new Properties();
        Path properties = home.resolve(FILE_NAME);
        if (Files.isRegularFile(properties)) {
            try (InputStream in = Files.newInputStream(properties)) {
                file.load(in);
            } catch (IOException e) {
                throw new TokenException(FleetProblem.BAD_SETTINGS, properties + " cannot be read (" + e.getMessage() + ")", e);
            }
        }
        String url = first(system.getProperty(URL_PROPERTY), environment.get(URL_VARIABLE), file.getProperty("url"));
        if (url == null) {
            return h2(home.resolve("fleet"));
        }
        String origin = system.getProperty(URL_PROPERTY) != null ? "system property " + URL_PROPERTY
                : environment.get(URL_VARIABLE) != null ? "environment variable " + URL_VARIABLE : properties.toString();
        String user = first(system.getProperty(USER_PROPERTY), environment.get(USER_VARIABLE), file.getProperty("user"));
        String passwordFile = first(environment.get(PASSWORD_FILE_VARIABLE), file.getProperty("password.file"));
        try {
            return new FleetSettings(url.strip(), user == null ? "" : user.strip(),
                    Optional.ofNullable(passwordFile).map(String::strip).map(Path::of), origin);
        } catch (IllegalArgumentException e) {
            throw new TokenException(FleetProblem.BAD_SETTINGS, origin + ": " + e.getMessage());
        }
    }

    public boolean isPostgres() {
        return url.startsWith("jdbc:postgresql:");
    }

    /** The URL without credentials a user may have put in it, for messages. */
    public String safeUrl() {
        int query = url.indexOf('?');
        return query < 0 ? url : url.substring(0, query);
    }

    /** The password from {@link #passwordFile()}, refused when others may read the file; null when none is configured. */
    char[] password() throws TokenException {
        if (passwordFile.isEmpty()) {
            return null;
        }
        Path file = passwordFile.get();
        try {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
            if (permissions.stream().anyMatch(p -> p.name().startsWith("GROUP") || p.name().startsWith("OTHERS"))) {
                throw new TokenException(FleetProblem.BAD_SETTINGS, file + ": other users may read this password file; chmod 600 it");
            }
            byte[] bytes = Files.readAllBytes(file);
            int end = bytes.length;
            while (end > 0 && (bytes[end - 1] == '\n' || bytes[end - 1] == '\r')) {
                end--;
            }
            char[] password = new String(bytes, 0, end, java.nio.charset.StandardCharsets.UTF_8).toCharArray();
            java.util.Arrays.fill(bytes, (byte) 0);
            return password;
        } catch (UnsupportedOperationException e) {
            throw new TokenException(FleetProblem.BAD_SETTINGS, file + ": its permissions cannot be checked on this file system");
        } catch (IOException e) {
            throw new TokenException(FleetProblem.BAD_SETTINGS, file + ": the password file cannot be read (" + e.getMessage() + ")", e);
        }
    }

    private static String first(String... candidates) {
        for (String candidate : candidates) {
            if (candidate != null && !candidate.isBlank()) {
                return candidate;
            }
        }
        return null;
    }
}
