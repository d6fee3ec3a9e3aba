package org.tokenbench.core.driver;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ConsumerType;
import org.tokenbench.core.Secret;
import org.tokenbench.core.TokenException;

/**
 * A session feature for applets that hold several OTP credentials and compute codes on request (YKOATH and
 * compatibles): list, put, delete, rename, calculate.
 */
@ConsumerType
public interface CredentialStore {

    enum Type {
        TOTP, HOTP
    }

    /**
     * @param name          the credential's name on the device ({@code issuer:account}, with {@code period/} when not 30 s)
     * @param requiresTouch the device computes a code only after a touch
     */
    record Credential(String name, Type type, HashAlgorithm algorithm, int digits, int periodSeconds, boolean requiresTouch) {
    }

    /** A code, or empty with the reason when the device needs a touch (or HOTP codes are not computed in a listing). */
    record Code(Credential credential, Optional<String> code, Optional<String> whyNot, Instant validFrom, Instant validUntil) {
    }

    List<Credential> list() throws TokenException;

    /** Adds a credential; {@code counter} is the HOTP initial counter. An existing name is overwritten only after a yes. */
    void put(Credential credential, Secret key, long counter, Interaction interaction) throws TokenException;

    void delete(String name) throws TokenException;

    void rename(String name, String newName) throws TokenException;

    Code calculate(String name, Instant time) throws TokenException;

    List<Code> calculateAll(Instant time) throws TokenException;

    /**
     * Whether the store asks for a password before it lists or computes. The session then takes it through
     * {@link AccessKey} or asks its {@link Interaction}, once, and never retries a refused one by itself.
     */
    boolean passwordProtected() throws TokenException;

    /** Sets a new password (after unlocking with the current one), or removes it when {@code newPassword} is empty. */
    void setPassword(Optional<Secret> newPassword) throws TokenException;

    /**
     * Erases every credential and the password, only after the user agreed through {@code interaction}.
     *
     * @return false when the user did not agree (nothing was sent)
     */
    boolean reset(Interaction interaction) throws TokenException;
}
