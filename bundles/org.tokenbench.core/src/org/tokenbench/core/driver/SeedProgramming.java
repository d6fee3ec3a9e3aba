package org.tokenbench.core.driver;

import java.time.Instant;
import java.util.Optional;

import org.osgi.annotation.versioning.ConsumerType;
import org.tokenbench.core.ProgressMonitor;
import org.tokenbench.core.Secret;
import org.tokenbench.core.TokenException;

/**
 * A session feature: burn an OTP seed with its settings, setting the token clock on the way. Seeds are write-only:
 * success is confirmed by comparing the code the token then shows, never by reading back.
 */
@ConsumerType
public interface SeedProgramming {

    /**
     * @param algorithm      the hash the codes are computed with
     * @param digits         code length
     * @param periodSeconds  TOTP step
     * @param displaySeconds how long the code stays on the display
     * @param profile        the slot on multi-profile tokens (0 on single-profile ones)
     */
    record Settings(HashAlgorithm algorithm, int digits, int periodSeconds, int displaySeconds, int profile) {
    }

    /** Why the device cannot hold these settings, for the user; empty when it can. */
    Optional<String> unsupported(Settings settings);

    /** Authenticates, configures (which sets the clock to {@code clock}) and writes the seed, as the family requires. */
    void program(Secret seed, Settings settings, Instant clock, ProgressMonitor monitor) throws TokenException;
}
