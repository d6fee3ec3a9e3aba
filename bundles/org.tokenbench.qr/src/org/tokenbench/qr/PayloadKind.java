package org.tokenbench.qr;

/** What a QR code carries, as far as OTP enrollment cares. */
public enum PayloadKind {
    /** otpauth://totp/…: one time-based credential. */
    TOTP,
    /** otpauth://hotp/…: one counter-based credential. */
    HOTP,
    /** otpauth-migration://offline?data=…: a Google Authenticator export with one or more credentials. */
    MIGRATION,
    /** An otpauth URI that cannot be used as it is; {@link Classification#problem()} says why. */
    INVALID_OTP,
    /** Something else: a web link, a Wi-Fi login, plain text. */
    NOT_OTP;

    public boolean isUsable() {
        return this == TOTP || this == HOTP || this == MIGRATION;
    }
}
