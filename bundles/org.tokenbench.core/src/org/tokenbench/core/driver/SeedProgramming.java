package org.tokenbench.core.driver;

import java.time.Instant;

import org.tokenbench.core.ProgressMonitor;
import org.tokenbench.core.Secret;
import org.tokenbench.core.TokenException;

/**
 * A session feature: burn an OTP seed with its settings, setting the token clock on the way. Seeds are
 * write-only: success is confirmed by comparing the code the token then shows, never by reading back.
 */
public interface SeedProgramming {

    /**
     * @param algorithm      HMAC name: SHA1, SHA256 (what the device supports)
     * @param digits         code length
     * @param periodSeconds  TOTP step
     * @param displaySeconds how long the code stays on the display
     * @param profile        the slot on multi-profile tokens (0 on single-profile ones)
     */
    record Settings(String algorithm, int digits, int periodSeconds, int displaySeconds, int profile) {
    }

    /** Whether the device can hold these settings; the reason when it cannot, for the user. */
    String unsupported(Settings settings);

    /** Authenticates, configures (which sets the clock to {@code clock}) and writes the seed, in that order. */
    void program(Secret seed, Settings settings, Instant clock, ProgressMonitor monitor) throws TokenException;
}
