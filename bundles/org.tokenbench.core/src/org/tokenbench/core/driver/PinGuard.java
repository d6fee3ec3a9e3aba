package org.tokenbench.core.driver;

import java.util.Objects;
import java.util.Set;

import org.eclipse.jdt.annotation.Nullable;
import org.tokenbench.core.ErrorCode;
import org.tokenbench.core.Secret;
import org.tokenbench.core.TokenException;
import org.tokenbench.core.fleet.AuditEvent;
import org.tokenbench.core.fleet.AuditLog;

/**
 * PIN verification that cannot lock a device by itself, the same for every driver: the retry counter is read first
 * (which costs nothing), a locked PIN is never tried, the last try is spent only after the user confirms it, and a
 * wrong PIN is tried exactly once. Views and commands get it from a device session as
 * {@code session.feature(PinGuard.class)}; drivers wrap their own {@link PinVerifier} with {@link #of}. Every
 * verification the devices service hands out is recorded in the {@link AuditLog} ({@link AuditEvent#PIN_VERIFY}: the
 * PIN type and tries left, never the PIN), whether it succeeded, failed or was refused before trying.
 */
public final class PinGuard {

    /** tokenbench:0x0020: the last try was not confirmed, so the PIN was not tried. */
    public static final ErrorCode LAST_TRY_NOT_CONFIRMED = ErrorCode.of(ErrorCode.TOKENBENCH, 0x20);
    /** tokenbench:0x0021: what was given cannot be a PIN (empty, too long, control characters): nothing was tried. */
    public static final ErrorCode NOT_A_PIN = ErrorCode.of(ErrorCode.TOKENBENCH, 0x21);
    /** Longer than any key's PIN: a file holding something else (a URI, a certificate) must not cost a try. */
    static final int MAX_PIN_BYTES = 64;

    private final PinVerifier verifier;
    private final AuditLog audit;
    private final @Nullable DeviceIdentity device;

    private PinGuard(PinVerifier verifier, AuditLog audit, @Nullable DeviceIdentity device) {
        this.verifier = Objects.requireNonNull(verifier, "verifier");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.device = device;
    }

    /** A guard that records nothing (drivers' own tests; the devices service uses {@link #recorded}). */
    public static PinGuard of(PinVerifier verifier) {
        return new PinGuard(verifier, AuditLog.NONE, null);
    }

    /** A guard that records each verification of {@code device}'s PINs in {@code audit}. */
    public static PinGuard recorded(PinVerifier verifier, AuditLog audit, DeviceIdentity device) {
        return new PinGuard(verifier, audit, Objects.requireNonNull(device, "device"));
    }

    public Set<PinType> pinTypes() {
        return verifier.pinTypes();
    }

    /** The counter, read without spending a try. */
    public PinStatus status(PinType type) throws TokenException {
        return verifier.status(type);
    }

    /**
     * Verifies {@code pin} once and returns the counter afterwards; a refusal is a TokenException saying the tries left.
     * When the audit log cannot record a success, that failure is thrown (the PIN stays verified); when it cannot record
     * a refusal, the refusal is thrown with the log's failure attached.
     */
    public PinStatus verify(PinType type, Secret pin, Interaction interaction) throws TokenException {
        try {
            checkBeforeTrying(type, pin, interaction);
        } catch (TokenException refusal) {
            throw recorded(refusal, AuditEvent.Outcome.REFUSED, type);
        }
        PinVerifier.Attempt attempt;
        try {
            attempt = verifier.verifyOnce(type, pin);
        } catch (TokenException failure) {
            throw recorded(failure, AuditEvent.Outcome.FAILED, type);
        }
        if (attempt.accepted()) {
            record(AuditEvent.succeeded(AuditEvent.PIN_VERIFY, family(), serial(), type.label() + ", " + attempt.after().describe()));
            return attempt.after();
        }
        TokenException failure = attempt.failure();
        // A driver that refuses without saying why still gets a refusal, in ISO 7816's words for it
        ErrorCode code = failure != null ? failure.code() : ErrorCode.of("iso7816", 0x6300);
        String why = failure != null ? failure.getMessage() : "the " + type.label() + " was refused";
        String left = attempt.after().isLocked() ? "the " + type.label() + " is now locked" : attempt.after().describe();
        throw recorded(new TokenException(code, why + ": " + left + "; TokenBench does not try again by itself"),
                AuditEvent.Outcome.FAILED, type);
    }

    /** Refuses what must not cost a try: something that is no PIN, a locked PIN, an unconfirmed last try. */
    private void checkBeforeTrying(PinType type, Secret pin, Interaction interaction) throws TokenException {
        String wrong = pin.apply(PinGuard::whyNotAPin);
        if (wrong != null) {
            throw new TokenException(NOT_A_PIN, "the " + type.label() + " given " + wrong + ", so it was not tried");
        }
        PinStatus before = verifier.status(type);
        TryRule.beforeAttempt(before.isLocked() ? 0 : before.triesLeft(), "the " + type.label(), verifier.lockedCode(type),
                before.maxTries() > 0 ? " (0 of " + before.maxTries() + " tries left)" : "", interaction);
    }

    /** {@code failure}, recorded; a log that cannot record it is attached to it rather than hiding it. */
    private TokenException recorded(TokenException failure, AuditEvent.Outcome outcome, PinType type) {
        try {
            record(new AuditEvent(AuditEvent.PIN_VERIFY, family(), serial(), outcome, java.util.Optional.of(failure.code()),
                    type.label() + ": " + failure.getMessage()));
        } catch (TokenException unrecorded) {
            failure.addSuppressed(unrecorded);
        }
        return failure;
    }

    private void record(AuditEvent event) throws TokenException {
        if (device != null) {
            audit.record(event);
        }
    }

    private String family() {
        return device == null ? "" : device.family();
    }

    private String serial() {
        return device == null ? "" : device.serial();
    }

    /** Why these bytes cannot be a PIN, without saying what they are; null when they can. */
    private static @Nullable String whyNotAPin(byte[] bytes) {
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
