package org.tokenbench.otp;

import java.security.SecureRandom;

import org.tokenbench.core.Secret;

/**
 * Setting up TOTP login protection: a fresh random key, and the otpauth URI (for the QR code) that puts the
 * same key on phone apps and tokens.
 */
public final class Enrollment {

    public static final int DEFAULT_SECRET_BITS = 160;

    private Enrollment() {
    }

    /** A key from the platform's strong random source. {@code bits} must be a multiple of 8, 128 to 512. */
    public static Secret newSecret(int bits, SecureRandom random) {
        if (bits % 8 != 0 || bits < 128 || bits > 512) {
            throw new IllegalArgumentException("a new key must have 128 to 512 bits in whole bytes, got " + bits);
        }
        byte[] key = new byte[bits / 8];
        random.nextBytes(key);
        return Secret.adopt(key);
    }

    public static Secret newSecret() {
        return newSecret(DEFAULT_SECRET_BITS, new SecureRandom());
    }
}
