package org.tokenbench.core.driver;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalInt;
import java.util.Properties;

import org.tokenbench.core.ErrorCode;
import org.tokenbench.core.PrivateFiles;
import org.tokenbench.core.TokenBenchHome;
import org.tokenbench.core.TokenException;

/**
 * What devices said about their authentication tries, per driver and serial, kept in {@code authentication-tries.properties}
 * under TokenBench's home (mode 0600), so the "last try needs a yes" rule also holds across CLI runs and restarts.
 * Many tokens tell the tries left only after a refusal (SafeID: {@code 63 0N}); this is how TokenBench still knows
 * before the next attempt. A successful authentication clears the entry.
 */
public final class AuthenticationTries {

    private static final String FILE = "authentication-tries.properties";
    private final Path file;

    public AuthenticationTries(Path home) {
        this.file = home.resolve(FILE);
    }

    public static AuthenticationTries inHome() {
        return new AuthenticationTries(TokenBenchHome.directory());
    }

    public synchronized OptionalInt triesLeft(String driverId, String serial) {
        String value = load().getProperty(key(driverId, serial));
        try {
            return value == null ? OptionalInt.empty() : OptionalInt.of(Integer.parseInt(value.strip()));
        } catch (NumberFormatException e) {
            return OptionalInt.empty();
        }
    }

    /**
     * The rule before an authentication that spends a try: refused when the device is known to be locked, asked when
     * one try is known to be left.
     */
    public void beforeAttempt(String driverId, String serial, String what, ErrorCode lockedCode, Interaction interaction)
            throws TokenException {
        TryRule.beforeAttempt(triesLeft(driverId, serial).orElse(-1), what, lockedCode, " (no tries left)", interaction);
    }

    public synchronized void refused(String driverId, String serial, int triesLeft) throws TokenException {
        update(properties -> {
            properties.setProperty(key(driverId, serial), Integer.toString(triesLeft));
            return true;
        });
    }

    public synchronized void succeeded(String driverId, String serial) throws TokenException {
        update(properties -> properties.remove(key(driverId, serial)) != null);
    }

    /**
     * Read, change and write under a file lock: two tokenbench processes (the workbench and a command) must not lose
     * each other's record, or a token's last try could go unasked.
     */
    private void update(java.util.function.Predicate<Properties> change) throws TokenException {
        try {
            PrivateFiles.privateDirectory(file.getParent());
            try (java.nio.channels.FileChannel lock = java.nio.channels.FileChannel.open(file.resolveSibling(FILE + ".lock"),
                    java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.WRITE);
                 java.nio.channels.FileLock held = lock.lock()) {
                Properties properties = load();
                if (change.test(properties)) {
                    store(properties);
                }
            }
        } catch (IOException e) {
            throw new TokenException(ErrorCode.of(ErrorCode.TOKENBENCH, 0x0B), file + " cannot be written (" + e.getMessage() + ")", e);
        }
    }

    private static String key(String driverId, String serial) {
        return driverId + "/" + serial;
    }

    private Properties load() {
        Properties properties = new Properties();
        if (Files.isRegularFile(file)) {
            try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                properties.load(in);
            } catch (IOException | IllegalArgumentException e) {
                // An unreadable record is treated as no record: the device's own answer is then the authority.
            }
        }
        return properties;
    }

    private void store(Properties properties) throws TokenException {
        PrivateFiles.writeProperties(file, properties, "TokenBench: authentication tries left, as the devices reported them");
    }
}
