package org.tokenbench.core.driver;

import java.nio.file.Path;
import java.util.OptionalInt;

import org.tokenbench.core.ErrorCode;
import org.tokenbench.core.StateFile;
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
    /** Read and written under a file lock: two tokenbench processes must not lose each other's record, or a token's last try could go unasked. */
    private final StateFile record;

    public AuthenticationTries(Path home) {
        this.record = new StateFile(home.resolve(FILE), "TokenBench: authentication tries left, as the devices reported them");
    }

    public static AuthenticationTries inHome() {
        return new AuthenticationTries(TokenBenchHome.directory());
    }

    public synchronized OptionalInt triesLeft(String driverId, String serial) {
        String value = record.read().getProperty(key(driverId, serial));
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
        record.update(properties -> {
            properties.setProperty(key(driverId, serial), Integer.toString(triesLeft));
            return true;
        });
    }

    public synchronized void succeeded(String driverId, String serial) throws TokenException {
        record.update(properties -> properties.remove(key(driverId, serial)) != null);
    }

    private static String key(String driverId, String serial) {
        return driverId + "/" + serial;
    }
}
