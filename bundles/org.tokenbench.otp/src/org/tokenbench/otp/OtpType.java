package org.tokenbench.otp;

/** Time-based (RFC 6238) or counter-based (RFC 4226) passwords. */
public enum OtpType {
    TOTP, HOTP;

    /** The word used in otpauth URIs ({@code totp}, {@code hotp}). */
    public String uriName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
