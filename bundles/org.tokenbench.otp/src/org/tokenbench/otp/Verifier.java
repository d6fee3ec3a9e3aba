package org.tokenbench.otp;

import org.tokenbench.core.Secret;

/**
 * Checks codes typed by a user or shown by a token, the way a login server does (RFC 6238 §5.2): a
 * look-around window of steps for clock drift, and replay protection — once a code is accepted, no code
 * of the same or an earlier step is accepted again. It also estimates the token's clock drift from the
 * steps that matched. Verifying allocates nothing. Thread-safe.
 */
public final class Verifier implements AutoCloseable {

    public enum Outcome {
        ACCEPTED,
        /** The code matches no step in the window. */
        REJECTED,
        /** The code was right, but for a step that was already used: someone may be replaying it. */
        REPLAYED,
        /** Not a code of this credential's length, or not digits. */
        MALFORMED
    }

    /**
     * @param stepOffset for an accepted TOTP code, the matched step minus the verifier's current step (negative:
     *                   the token is behind); for HOTP, how many counter values the token was ahead
     */
    public record Result(Outcome outcome, int stepOffset) {
        public boolean accepted() {
            return outcome == Outcome.ACCEPTED;
        }
    }

    private static final Result REJECTED = new Result(Outcome.REJECTED, 0);
    private static final Result REPLAYED = new Result(Outcome.REPLAYED, 0);
    private static final Result MALFORMED = new Result(Outcome.MALFORMED, 0);

    private final OtpGenerator generator;
    private final int window;
    private final Result[] acceptedResults;
    private long lastAcceptedStep = Long.MIN_VALUE;
    private long nextCounter;
    private long offsetSum;
    private int acceptedCount;

    /**
     * @param window steps accepted on each side of the current one for TOTP (1 = ±30 s at the default period),
     *               or counter values looked ahead for HOTP
     */
    public Verifier(Secret secret, OtpParams params, int window) {
        if (window < 0 || window > 100) {
            throw new IllegalArgumentException("window must be 0 to 100 steps, got " + window);
        }
        this.generator = OtpGenerator.open(secret, params);
        this.window = window;
        this.nextCounter = params.counter();
        this.acceptedResults = new Result[2 * window + 1];
        for (int i = 0; i < acceptedResults.length; i++) {
            acceptedResults[i] = new Result(Outcome.ACCEPTED, i - window);
        }
    }

    /** Verifies a TOTP code against the time {@code epochSeconds}. */
    public synchronized Result verify(CharSequence code, long epochSeconds) {
        long typed = parse(code);
        if (typed < 0) {
            return MALFORMED;
        }
        long current = generator.params().stepAt(epochSeconds);
        int matchedOffset = Integer.MIN_VALUE;
        boolean replayed = false;
        // Every step in the window is computed, match or not, so timing does not reveal which step matched.
        for (int offset = -window; offset <= window; offset++) {
            long step = current + offset;
            boolean equal = generator.valueFor(step) == typed;
            if (equal && step > lastAcceptedStep) {
                if (matchedOffset == Integer.MIN_VALUE) {
                    matchedOffset = offset;
                }
            } else if (equal) {
                replayed = true;
            }
        }
        if (matchedOffset == Integer.MIN_VALUE) {
            return replayed ? REPLAYED : REJECTED;
        }
        lastAcceptedStep = current + matchedOffset;
        offsetSum += matchedOffset;
        acceptedCount++;
        return acceptedResults[matchedOffset + window];
    }

    /** Verifies an HOTP code: the expected counter and {@code window} values after it; advances on success. */
    public synchronized Result verifyCounter(CharSequence code) {
        long typed = parse(code);
        if (typed < 0) {
            return MALFORMED;
        }
        for (int ahead = 0; ahead <= window; ahead++) {
            if (generator.valueFor(nextCounter + ahead) == typed) {
                nextCounter += ahead + 1;
                return acceptedResults[window + ahead];
            }
        }
        boolean previous = nextCounter > 0 && generator.valueFor(nextCounter - 1) == typed;
        return previous ? REPLAYED : REJECTED;
    }

    /** The last TOTP step a code was accepted for, {@link Long#MIN_VALUE} when none. */
    public synchronized long lastAcceptedStep() {
        return lastAcceptedStep;
    }

    /**
     * Carries over what an earlier verifier of the same credential accepted (another run, another process): codes of
     * that step and earlier are then replays. Never moves backwards.
     */
    public synchronized void acceptedBefore(long lastStep, long hotpNextCounter) {
        lastAcceptedStep = Math.max(lastAcceptedStep, lastStep);
        nextCounter = Math.max(nextCounter, hotpNextCounter);
    }

    /** The HOTP counter value the next code should use. */
    public synchronized long nextCounter() {
        return nextCounter;
    }

    /** The mean offset of accepted TOTP codes in steps; positive means the token's clock runs ahead. */
    public synchronized double meanDriftSteps() {
        return acceptedCount == 0 ? 0 : (double) offsetSum / acceptedCount;
    }

    /** The same drift in seconds, rounded to whole steps' worth. */
    public synchronized long estimatedSkewSeconds() {
        return Math.round(meanDriftSteps() * generator.params().periodSeconds());
    }

    /** Digits only (spaces allowed between them, as codes are often shown "123 456"); -1 if malformed. */
    private long parse(CharSequence code) {
        if (code == null) {
            return -1;
        }
        long value = 0;
        int digits = 0;
        for (int i = 0; i < code.length(); i++) {
            char c = code.charAt(i);
            if (c == ' ') {
                continue;
            }
            if (c < '0' || c > '9' || ++digits > generator.params().digits()) {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return digits == generator.params().digits() ? value : -1;
    }

    @Override
    public synchronized void close() {
        generator.close();
    }
}
