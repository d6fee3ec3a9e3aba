package org.tokenbench.otp;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.tokenbench.core.Secret;
import org.tokenbench.otp.internal.UriText;

/**
 * {@code otpauth://} URIs (Google Authenticator "Key Uri Format"): parsing with a precise diagnosis of
 * what is wrong, and formatting. Parsing accepts {@code otpauth-migration://} exports too, through
 * {@link #parseAll(String)}.
 */
public final class OtpAuthUri {

    /** RFC 4226 §4 requires 128 bits and recommends 160; below 80 bits a key is guessable. */
    public static final int WEAK_SECRET_BITS = 80;
    private static final int RECOMMENDED_SECRET_BITS = 128;

    private OtpAuthUri() {
    }

    /** Every credential in an otpauth or otpauth-migration URI. */
    public static List<OtpAccount> parseAll(String text) throws OtpException {
        String scheme = scheme(text.strip());
        if (scheme.equals("otpauth-migration")) {
            return MigrationExport.parse(text.strip());
        }
        return List.of(parse(text));
    }

    /** One credential from an {@code otpauth://totp|hotp/...} URI. */
    public static OtpAccount parse(String text) throws OtpException {
        String uri = text.strip();
        String scheme = scheme(uri);
        if (!scheme.equals("otpauth")) {
            throw wrongScheme(scheme);
        }
        String rest = uri.substring(uri.indexOf("://") + 3);
        int query = rest.indexOf('?');
        String path = query < 0 ? rest : rest.substring(0, query);
        int slash = path.indexOf('/');
        String typeName = (slash < 0 ? path : path.substring(0, slash)).toLowerCase(Locale.ROOT);
        OtpType type = switch (typeName) {
            case "totp" -> OtpType.TOTP;
            case "hotp" -> OtpType.HOTP;
            case "" -> throw new OtpException(OtpProblem.UNKNOWN_TYPE, "the URI names no OTP type: it must start otpauth://totp/ or otpauth://hotp/");
            default -> throw new OtpException(OtpProblem.UNKNOWN_TYPE,
                    "unknown OTP type '" + typeName + "': only totp (time-based) and hotp (counter-based) exist");
        };
        String rawLabel = slash < 0 ? "" : path.substring(slash + 1);
        String label = UriText.decode(rawLabel, false, "label");
        Map<String, String> parameters = parameters(query < 0 ? "" : rest.substring(query + 1));
        List<String> warnings = new ArrayList<>();

        // "Issuer:account", the colon literal or %3A. An issuer= that the label starts with settles where the
        // issuer ends even when it contains a colon itself; otherwise a literal colon wins over an encoded one.
        String labelIssuer = "";
        String account = label;
        String issuerParameter = parameters.get("issuer");
        int literalColon = rawLabel.indexOf(':');
        if (issuerParameter != null && !issuerParameter.isEmpty() && label.startsWith(issuerParameter + ":")) {
            labelIssuer = issuerParameter;
            account = label.substring(issuerParameter.length() + 1).strip();
        } else if (literalColon >= 0) {
            labelIssuer = UriText.decode(rawLabel.substring(0, literalColon), false, "label").strip();
            account = UriText.decode(rawLabel.substring(literalColon + 1), false, "label").strip();
        } else if (label.indexOf(':') >= 0) {
            labelIssuer = label.substring(0, label.indexOf(':')).strip();
            account = label.substring(label.indexOf(':') + 1).strip();
        }
        String issuer = (issuerParameter != null ? issuerParameter : labelIssuer).strip();
        if (!labelIssuer.isEmpty() && parameters.containsKey("issuer") && !labelIssuer.equals(issuer)) {
            warnings.add("the label names the issuer '" + labelIssuer + "' but issuer= says '" + issuer + "'; using '" + issuer + "'");
        }

        OtpAlgorithm algorithm = OtpAlgorithm.SHA1;
        if (parameters.containsKey("algorithm")) {
            String name = parameters.get("algorithm");
            algorithm = OtpAlgorithm.fromName(name).orElseThrow(() -> new OtpException(OtpProblem.UNSUPPORTED_ALGORITHM,
                    "algorithm '" + name + "' is not supported: use SHA1, SHA256, SHA512 or SM3"));
            if (algorithm != OtpAlgorithm.SHA1) {
                warnings.add("algorithm " + algorithm + ": some phone apps (Google Authenticator among them) ignore it and show wrong codes");
            }
        }
        int digits = number(parameters, "digits", 6, OtpProblem.DIGITS_OUT_OF_RANGE);
        int period = number(parameters, "period", 30, OtpProblem.BAD_PERIOD);
        long counter = 0;
        if (type == OtpType.HOTP) {
            if (!parameters.containsKey("counter")) {
                throw new OtpException(OtpProblem.BAD_COUNTER, "an HOTP URI needs counter= (the next counter value); it has none");
            }
            counter = number(parameters, "counter", 0, OtpProblem.BAD_COUNTER);
        }
        OtpParams params = OtpParams.of(type, algorithm, digits, period, counter, issuer, account);

        // The secret is decoded last, so no earlier refusal leaves a decoded key behind.
        String encodedSecret = parameters.get("secret");
        if (encodedSecret == null) {
            throw new OtpException(OtpProblem.MISSING_SECRET, "the URI has no secret= parameter, so it carries no key to program");
        }
        if (encodedSecret.isBlank()) {
            throw new OtpException(OtpProblem.EMPTY_SECRET, "the URI's secret= parameter is empty");
        }
        Secret secret;
        try {
            secret = Base32.decode(encodedSecret);
        } catch (OtpException e) {
            throw new OtpException(e.problem(), "secret: " + e.getMessage());
        }
        warnings.addAll(secretWarnings(secret.length()));
        return new OtpAccount(params, secret, warnings);
    }

    /** Warnings about a key's length (none for 128 bits or more). */
    public static List<String> secretWarnings(int secretBytes) {
        int bits = secretBytes * 8;
        if (bits < WEAK_SECRET_BITS) {
            return List.of("the key is only " + bits + " bits long: keys under " + WEAK_SECRET_BITS
                    + " bits can be guessed; RFC 4226 requires 128 (160 recommended)");
        }
        if (bits < RECOMMENDED_SECRET_BITS) {
            return List.of("the key is " + bits + " bits long; RFC 4226 requires 128 (160 recommended)");
        }
        return List.of();
    }

    /**
     * The URI for a credential. The result contains the secret in clear: show it only as a QR code to the
     * user enrolling, and never log it.
     */
    public static String format(OtpParams params, Secret secret) {
        StringBuilder uri = new StringBuilder("otpauth://").append(params.type().uriName()).append('/');
        if (!params.issuer().isEmpty()) {
            uri.append(UriText.encode(params.issuer())).append(':');
        }
        uri.append(UriText.encode(params.account())).append("?secret=");
        char[] base32 = secret.apply(Base32::encode);
        uri.append(base32);
        java.util.Arrays.fill(base32, '\0');
        if (!params.issuer().isEmpty()) {
            uri.append("&issuer=").append(UriText.encode(params.issuer()));
        }
        uri.append("&algorithm=").append(params.algorithm().name()).append("&digits=").append(params.digits());
        if (params.type() == OtpType.TOTP) {
            uri.append("&period=").append(params.periodSeconds());
        } else {
            uri.append("&counter=").append(params.counter());
        }
        return uri.toString();
    }

    static String scheme(String uri) throws OtpException {
        int separator = uri.indexOf("://");
        if (separator <= 0) {
            if (looksLikeBareKey(uri)) {
                throw new OtpException(OtpProblem.WRONG_SCHEME,
                        "this is a bare key, not an otpauth:// URI: enter it as a Base32 secret instead");
            }
            throw new OtpException(OtpProblem.MALFORMED_URI, "this is not an otpauth:// URI (no scheme:// part)");
        }
        return uri.substring(0, separator).toLowerCase(Locale.ROOT);
    }

    private static boolean looksLikeBareKey(String text) {
        String compact = text.replace(" ", "");
        return compact.length() >= 16 && compact.chars().allMatch(c -> (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '2' && c <= '7') || c == '=');
    }

    private static OtpException wrongScheme(String scheme) {
        String hint = switch (scheme) {
            case "http", "https" -> ": this QR code is a web link, not an OTP key";
            case "otpauth-migration" -> ": this is a Google Authenticator export; import it as a migration";
            default -> ": an OTP QR code starts with otpauth://";
        };
        return new OtpException(OtpProblem.WRONG_SCHEME, "wrong scheme '" + scheme + "'" + hint);
    }

    private static Map<String, String> parameters(String query) throws OtpException {
        Map<String, String> parameters = new HashMap<>();
        if (query.isEmpty()) {
            return parameters;
        }
        for (String pair : query.split("&", -1)) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = UriText.decode(equals < 0 ? pair : pair.substring(0, equals), true, "parameter name").toLowerCase(Locale.ROOT);
            String value = equals < 0 ? "" : UriText.decode(pair.substring(equals + 1), true, "value of " + name + "=");
            if (parameters.put(name, value) != null) {
                throw new OtpException(OtpProblem.DUPLICATE_PARAMETER,
                        "the parameter " + name + "= appears twice, so it is unclear which to use");
            }
        }
        return parameters;
    }

    private static int number(Map<String, String> parameters, String name, int fallback, OtpProblem problem) throws OtpException {
        String value = parameters.get(name);
        if (value == null) {
            return fallback;
        }
        String trimmed = value.strip();
        if (trimmed.isEmpty() || trimmed.length() > 9 || !trimmed.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new OtpException(problem, name + "= must be a whole number, got '" + value + "'");
        }
        return Integer.parseInt(trimmed);
    }
}
