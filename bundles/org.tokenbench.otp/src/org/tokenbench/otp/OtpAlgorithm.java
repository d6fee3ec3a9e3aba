package org.tokenbench.otp;

import java.util.Locale;
import java.util.Optional;

/** How a one-time password is derived from the seed. */
public enum OtpAlgorithm {
    /** HMAC-SHA-1 (RFC 4226/6238): what nearly every token and phone app uses. */
    SHA1("SHA-1", 64, 20),
    SHA256("SHA-256", 64, 32),
    SHA512("SHA-512", 128, 64),
    /** GM/T 0021-2012: SM3(K ‖ ID) folded to 32 bits; not an HMAC. */
    SM3("SM3", 64, 32);

    private final String digestName;
    private final int blockSize;
    private final int outputSize;

    OtpAlgorithm(String digestName, int blockSize, int outputSize) {
        this.digestName = digestName;
        this.blockSize = blockSize;
        this.outputSize = outputSize;
    }

    /** The JCA message digest name ({@code SHA-1}, ...). */
    public String digestName() {
        return digestName;
    }

    public int blockSize() {
        return blockSize;
    }

    public int outputSize() {
        return outputSize;
    }

    public boolean isHmac() {
        return this != SM3;
    }

    /** Accepts the spellings found in otpauth URIs and vendor tools: SHA1, sha-1, HmacSHA1, SM3. */
    public static Optional<OtpAlgorithm> fromName(String name) {
        String n = name.trim().toUpperCase(Locale.ROOT).replace("-", "").replace("_", "");
        if (n.startsWith("HMAC")) {
            n = n.substring(4);
        }
        for (OtpAlgorithm algorithm : values()) {
            if (algorithm.name().equals(n)) {
                return Optional.of(algorithm);
            }
        }
        return Optional.empty();
    }
}
