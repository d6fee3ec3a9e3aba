package org.tokenbench.core.driver;

import java.util.Objects;
import java.util.Set;

import org.tokenbench.core.ErrorCode;
import org.tokenbench.core.Secret;
import org.tokenbench.core.TokenException;

/**
 * PIN verification that cannot lock a device by itself, the same for every driver: the retry counter is read first
 * (which costs nothing), a locked PIN is never tried, the last try is spent only after the user confirms it, and a
 * wrong PIN is tried exactly once. Views and commands get it from a device session as
 * {@code session.feature(PinGuard.class)}; drivers wrap their own {@link PinVerifier} with {@link #of}.
 */
public final class PinGuard {

    /** tokenbench:0x0020: the last try was not confirmed, so the PIN was not tried. */
    public static final ErrorCode LAST_TRY_NOT_CONFIRMED = ErrorCode.of(ErrorCode.TOKENBENCH, 0x20);
    /** tokenbench:0x0021: what was given cannot be a PIN (empty, too long, control characters): nothing was tried. */
    public static final ErrorCode NOT_A_PIN = ErrorCode.of(ErrorCode.TOKENBENCH, 0x21);
    /** Longer than any key's PIN: a file holding something else (a URI, a certificate) must not cost a try. */
    static final int MAX_PIN_BYTES = 64;

    private final PinVerifier verifier;

    private PinGuard(PinVerifier verifier) {
        this.verifier = Objects.requireNonNull(verifier, "verifier");
    }

    public static PinGuard of(PinVerifier verifier) {
        return new PinGuard(verifier);
    }

    public Set<PinType> pinTypes() {
        return verifier.pinTypes();
    }

    /** The counter, read without spending a try. */
    public PinStatus status(PinType type) throws TokenException {
        return verifier.status(type);
    }

    /** Verifies {@code pin} once and returns the counter afterwards; a refusal is a TokenException saying the tries left. */
    public PinStatus verify(PinType type, Secret pin, Interaction interaction) throws TokenException {
        String wrong = pin.apply(PinGuard::whyNotAPin);
        if (wrong != null) {
            throw new TokenException(NOT_A_PIN, "the " + type.label() + " given " + wrong + ", so it was not tried");
        }
        PinStatus before = verifier.status(type);
        TryRule.beforeAttempt(before.isLocked() ? 0 : before.triesLeft(), "the " + type.label(), verifier.lockedCode(type),
                before.maxTries() > 0 ? " (0 of " + before.maxTries() + " tries left)" : "", interaction);
        PinVerifier.Attempt attempt = verifier.verifyOnce(type, pin);
        if (attempt.accepted()) {
            return attempt.after();
        }
        TokenException failure = attempt.failure();
        String left = attempt.after().isLocked() ? "the " + type.label() + " is now locked" : attempt.after().describe();
        throw new TokenException(failure.code(), failure.getMessage() + ": " + left + "; TokenBench does not try again by itself");
    }

    /** Why these bytes cannot be a PIN, without saying what they are; null when they can. */
    private static String whyNotAPin(byte[] bytes) {
        if (bytes.length == 0) {
            return "is empty";
        }
        if (bytes.length > MAX_PIN_BYTES) {
            return "has " + bytes.length + " bytes, more than any PIN (" + MAX_PIN_BYTES + ")";
        }
        for (byte b : bytes) {
            if ((b & 0xFF) < 0x20 || b == 0x7F) {
                return "holds control characters";
            }
        }
        return null;
    }

    /** Forgets a verified PIN. */
    public void logout() {
        verifier.logout();
    }
}
