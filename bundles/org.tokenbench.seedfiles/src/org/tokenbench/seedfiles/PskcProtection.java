package org.tokenbench.seedfiles;

import java.util.Objects;

import org.tokenbench.core.Secret;

/**
 * How a PSKC file's keys are (to be) encrypted: not at all, with a pre-shared AES key (RFC 6030 section 6.1), or with a
 * key derived from a password by PBKDF2 (section 6.2). The caller owns and closes the secret.
 */
public sealed interface PskcProtection {

    /** Plain values: for reading unencrypted files; exports always encrypt. */
    record None() implements PskcProtection {
    }

    /**
     * @param key     an AES key of 16 or 32 bytes (AES-128-CBC or AES-256-CBC)
     * @param keyName the name the file gives it ({@code ds:KeyName}), so the receiver knows which key to use
     */
    record PreSharedKey(Secret key, String keyName) implements PskcProtection {
        public PreSharedKey {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(keyName, "keyName");
        }
    }

    /** @param password the UTF-8 bytes of the password */
    record Password(Secret password, String keyName) implements PskcProtection {
        public Password {
            Objects.requireNonNull(password, "password");
            Objects.requireNonNull(keyName, "keyName");
        }
    }

    PskcProtection NONE = new None();
}
