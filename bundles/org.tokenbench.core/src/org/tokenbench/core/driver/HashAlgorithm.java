package org.tokenbench.core.driver;

import java.util.Locale;
import java.util.Optional;

/** The hash an OTP device computes its codes with (HMAC for RFC 4226/6238, SM3 for GM/T 0021). */
public enum HashAlgorithm {
    SHA1, SHA256, SHA512, SM3;

    /** {@code SHA1}, {@code sha-256}, {@code SHA512}: the spellings otpauth URIs and vendor tools use. */
    public static Optional<HashAlgorithm> parse(String text) {
        String normal = text.strip().toUpperCase(Locale.ROOT).replace("-", "");
        for (HashAlgorithm algorithm : values()) {
            if (algorithm.name().equals(normal)) {
                return Optional.of(algorithm);
            }
        }
        return Optional.empty();
    }
}
