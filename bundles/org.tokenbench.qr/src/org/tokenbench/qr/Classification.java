package org.tokenbench.qr;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.tokenbench.core.ErrorCode;
import org.tokenbench.otp.OtpAccount;
import org.tokenbench.otp.OtpAuthUri;
import org.tokenbench.otp.OtpException;

/**
 * What a QR payload is, judged by the OTP engine's own parser, so "why does this QR not work" gets the same
 * precise answer as a typed URI ("unsupported algorithm MD5", "this is a web link, not a key").
 *
 * @param kind     the verdict
 * @param accounts the credentials' display names ("Issuer (account)"); never a key
 * @param warnings things that work but are risky (short keys, settings phone apps ignore)
 * @param problem  why the payload cannot be used, empty for usable ones
 * @param code     the diagnostics code of the problem (namespace otp), for the catalogs' causes and remedy
 */
public record Classification(PayloadKind kind, List<String> accounts, List<String> warnings, Optional<String> problem,
        Optional<ErrorCode> code) {

    public Classification {
        accounts = List.copyOf(accounts);
        warnings = List.copyOf(warnings);
    }

    /** Parses the payload with the OTP engine and forgets the secrets at once. */
    public static Classification of(String payload) {
        String text = payload.strip();
        boolean otpScheme = text.regionMatches(true, 0, "otpauth:", 0, 8) || text.regionMatches(true, 0, "otpauth-migration:", 0, 18);
        try {
            List<OtpAccount> parsed = OtpAuthUri.parseAll(text);
            List<String> names = new ArrayList<>();
            List<String> warnings = new ArrayList<>();
            PayloadKind kind = text.toLowerCase(Locale.ROOT).startsWith("otpauth-migration:") ? PayloadKind.MIGRATION : null;
            for (OtpAccount account : parsed) {
                try (account) {
                    names.add(account.displayName());
                    warnings.addAll(account.warnings());
                    if (kind == null) {
                        kind = switch (account.params().type()) {
                            case TOTP -> PayloadKind.TOTP;
                            case HOTP -> PayloadKind.HOTP;
                        };
                    }
                }
            }
            return new Classification(kind == null ? PayloadKind.MIGRATION : kind, names, warnings, Optional.empty(), Optional.empty());
        } catch (OtpException e) {
            return new Classification(otpScheme ? PayloadKind.INVALID_OTP : PayloadKind.NOT_OTP, List.of(), List.of(),
                    Optional.of(e.getMessage()), Optional.of(e.code()));
        }
    }

    /** One line for lists: "TOTP: Example (alice)" or "not an OTP QR code: …". */
    public String summary() {
        return switch (kind) {
            case TOTP, HOTP -> kind + ": " + String.join(", ", accounts);
            case MIGRATION -> "authenticator export with " + accounts.size() + (accounts.size() == 1 ? " account: " : " accounts: ")
                    + String.join(", ", accounts);
            case INVALID_OTP -> "unusable OTP QR code: " + problem.orElse("");
            case NOT_OTP -> "not an OTP QR code: " + problem.orElse("");
        };
    }
}
