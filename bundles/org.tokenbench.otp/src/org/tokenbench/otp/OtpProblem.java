package org.tokenbench.otp;

/**
 * Why OTP input was refused, one constant per cause a user can fix. The value is the code in the {@code otp}
 * error namespace that the diagnostics catalog explains.
 */
public enum OtpProblem {
    WRONG_SCHEME(1),
    UNKNOWN_TYPE(2),
    MISSING_SECRET(3),
    BAD_BASE32(4),
    BAD_HEX(5),
    UNSUPPORTED_ALGORITHM(6),
    DIGITS_OUT_OF_RANGE(7),
    BAD_PERIOD(8),
    BAD_COUNTER(9),
    MALFORMED_URI(10),
    DUPLICATE_PARAMETER(11),
    EMPTY_SECRET(12),
    BAD_MIGRATION_DATA(13),
    MALFORMED_CODE(14),
    SECRET_TOO_LONG(15),
    BACKUP_MALFORMED(16),
    BACKUP_NOT_OPENED(17),
    WEAK_PASSPHRASE(18),
    /** A key under 80 bits, refused unless the user explicitly allows it. */
    WEAK_SECRET(19);

    private final int code;

    OtpProblem(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }
}
