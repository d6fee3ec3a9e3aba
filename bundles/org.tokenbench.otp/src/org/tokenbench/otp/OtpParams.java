package org.tokenbench.otp;

import java.util.Objects;

/**
 * Everything about an OTP credential except its secret.
 *
 * @param type          TOTP or HOTP
 * @param algorithm     how codes are derived
 * @param digits        code length, 6 to 10
 * @param periodSeconds TOTP time step (ignored for HOTP), 1 to 3600 seconds
 * @param counter       HOTP moving factor (ignored for TOTP), 0 or more
 * @param issuer        the service, e.g. "Alibaba Cloud" (may be empty)
 * @param account       the user at that service (may be empty)
 */
public record OtpParams(OtpType type, OtpAlgorithm algorithm, int digits, int periodSeconds, long counter,
        String issuer, String account) {

    public static final int MIN_DIGITS = 6;
    public static final int MAX_DIGITS = 10;
    public static final int MAX_PERIOD_SECONDS = 3600;

    public OtpParams {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(algorithm, "algorithm");
        issuer = issuer == null ? "" : issuer;
        account = account == null ? "" : account;
        try {
            check(digits, periodSeconds, counter);
        } catch (OtpException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    /** Google Authenticator's defaults: TOTP, SHA-1, 6 digits, 30 s. */
    public static OtpParams totp(String issuer, String account) {
        return new OtpParams(OtpType.TOTP, OtpAlgorithm.SHA1, 6, 30, 0, issuer, account);
    }

    /** Builds parameters from user input, with the reason when one is out of range. */
    public static OtpParams of(OtpType type, OtpAlgorithm algorithm, int digits, int periodSeconds, long counter,
            String issuer, String account) throws OtpException {
        check(digits, periodSeconds, counter);
        return new OtpParams(type, algorithm, digits, periodSeconds, counter, issuer, account);
    }

    private static void check(int digits, int periodSeconds, long counter) throws OtpException {
        if (digits < MIN_DIGITS || digits > MAX_DIGITS) {
            throw new OtpException(OtpProblem.DIGITS_OUT_OF_RANGE,
                    "digits must be " + MIN_DIGITS + " to " + MAX_DIGITS + ", got " + digits);
        }
        if (periodSeconds < 1 || periodSeconds > MAX_PERIOD_SECONDS) {
            throw new OtpException(OtpProblem.BAD_PERIOD,
                    "period must be 1 to " + MAX_PERIOD_SECONDS + " seconds, got " + periodSeconds);
        }
        if (counter < 0) {
            throw new OtpException(OtpProblem.BAD_COUNTER, "counter must be 0 or more, got " + counter);
        }
    }

    public OtpParams withDigits(int newDigits) {
        return new OtpParams(type, algorithm, newDigits, periodSeconds, counter, issuer, account);
    }

    /** The TOTP time step that contains {@code epochSeconds} (T0 = 0, as RFC 6238 and every app use). */
    public long stepAt(long epochSeconds) {
        return Math.floorDiv(epochSeconds, periodSeconds);
    }
}
