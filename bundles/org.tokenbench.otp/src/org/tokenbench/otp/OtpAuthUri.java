package org.tokenbench.otp;

import java.nio.CharBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.tokenbench.core.Chars;
import org.tokenbench.core.Secret;
import org.tokenbench.otp.internal.UriText;

/**
 * {@code otpauth://} URIs (Google Authenticator "Key Uri Format"): parsing with a precise diagnosis of
 * what is wrong, and formatting. Parsing accepts {@code otpauth-migration://} exports too, through
 * {@link #parseAll(CharSequence)}.
 */
public final class OtpAuthUri {

    /** RFC 4226 §4 requires 128 bits and recommends 160; below 80 bits a key is guessable. */
    public static final int WEAK_SECRET_BITS = 80;
    private static final int RECOMMENDED_SECRET_BITS = 128;

    private OtpAuthUri() {
    }

    /**
     * Every credential in an otpauth or otpauth-migration URI. Give a {@code CharBuffer} over a char array you wipe:
     * the key is decoded from it in place, and no String of the key is made (a migration export's data is the
     * exception: it is parsed as a String).
     */
    public static List<OtpAccount> parseAll(CharSequence text) throws OtpException {
        CharSequence trimmed = trim(text);
        if (startsWithIgnoreCase(trimmed, "otpauth-migration://")) {
            return MigrationExport.parse(trimmed.toString());
        }
        return List.of(parse(trimmed));
    }

    /**
     * One credential from an {@code otpauth://totp|hotp/...} URI. The secret= value is found and cut out first, then
     * decoded straight from {@code text}; the rest of the URI (names, settings) is parsed as a String without it.
     */
    public static OtpAccount parse(CharSequence text) throws OtpException {
        CharSequence whole = trim(text);
        if (indexOf(whole, "://") < 0 && looksLikeBareKey(whole)) {
            throw new OtpException(OtpProblem.WRONG_SCHEME, "this is a bare key, not an otpauth:// URI: enter it as a Base32 secret instead");
        }
        SecretValue secretValue = SecretValue.find(whole);
        String uri = secretValue.uriWithout(whole);
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
        if (!secretValue.present()) {
            throw new OtpException(OtpProblem.MISSING_SECRET, "the URI has no secret= parameter, so it carries no key to program");
        }
        Secret secret = secretValue.decode(whole);
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
        char[] uri = formatChars(params, secret);
        try {
            return new String(uri);
        } finally {
            java.util.Arrays.fill(uri, '\0');
        }
    }

    /**
     * {@link #format} as a char array for callers that hand the URI on without making a String of it (a text field's
     * {@code setTextChars}): the caller wipes it.
     */
    public static char[] formatChars(OtpParams params, Secret secret) {
        // room for a usual URI at once: every buffer the builder outgrows would keep a copy of the key
        StringBuilder uri = new StringBuilder(512).append("otpauth://").append(params.type().uriName()).append('/');
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
        char[] chars = new char[uri.length()];
        uri.getChars(0, uri.length(), chars, 0);
        // the builder's buffer held the key too
        for (int i = 0; i < uri.length(); i++) {
            uri.setCharAt(i, '\0');
        }
        return chars;
    }

    /**
     * Where the value of the one {@code secret=} parameter lies in the URI, so it can be decoded in place and left out of
     * every String made of the URI. Parameter names are decoded as the parser does (case, percent escapes).
     */
    private record SecretValue(int start, int end, boolean present) {

        static SecretValue find(CharSequence uri) throws OtpException {
            int query = indexOf(uri, "?");
            SecretValue found = new SecretValue(0, 0, false);
            if (query < 0) {
                return found;
            }
            int pairStart = query + 1;
            while (pairStart <= uri.length()) {
                int pairEnd = pairStart;
                while (pairEnd < uri.length() && uri.charAt(pairEnd) != '&') {
                    pairEnd++;
                }
                int equals = pairStart;
                while (equals < pairEnd && uri.charAt(equals) != '=') {
                    equals++;
                }
                String name = UriText.decode(uri.subSequence(pairStart, equals).toString(), true, "parameter name").toLowerCase(Locale.ROOT);
                if (name.equals("secret")) {
                    if (found.present()) {
                        throw new OtpException(OtpProblem.DUPLICATE_PARAMETER, "the parameter secret= appears twice, so it is unclear which to use");
                    }
                    found = new SecretValue(Math.min(equals + 1, pairEnd), pairEnd, true);
                }
                pairStart = pairEnd + 1;
            }
            return found;
        }

        /** The URI as a String with the secret's value left out (its {@code secret=} name stays, empty). */
        String uriWithout(CharSequence uri) {
            if (!present) {
                return uri.toString();
            }
            return new StringBuilder(uri.length() - (end - start)).append(uri, 0, start).append(uri, end, uri.length()).toString();
        }

        /** The key, percent escapes and '+' undone into a buffer that is wiped after decoding. */
        Secret decode(CharSequence uri) throws OtpException {
            char[] encoded = new char[end - start];
            int length = 0;
            try {
                for (int i = start; i < end; i++) {
                    char c = uri.charAt(i);
                    if (c == '%') {
                        int high = i + 2 < end ? Character.digit(uri.charAt(i + 1), 16) : -1;
                        int low = i + 2 < end ? Character.digit(uri.charAt(i + 2), 16) : -1;
                        if (high < 0 || low < 0) {
                            throw new OtpException(OtpProblem.MALFORMED_URI, "the value of secret= has a '%' at position " + (i - start + 1)
                                    + " that is not followed by two hex digits");
                        }
                        c = (char) (high * 16 + low);
                        i += 2;
                    } else if (c == '+') {
                        c = ' ';
                    }
                    encoded[length++] = c;
                }
                boolean blank = true;
                for (int i = 0; i < length; i++) {
                    blank &= Character.isWhitespace(encoded[i]);
                }
                if (blank) {
                    throw new OtpException(OtpProblem.EMPTY_SECRET, "the URI's secret= parameter is empty");
                }
                return Base32.decode(java.nio.CharBuffer.wrap(encoded, 0, length));
            } catch (OtpException e) {
                throw e.problem() == OtpProblem.EMPTY_SECRET && e.getMessage().startsWith("the URI") ? e
                        : new OtpException(e.problem(), "secret: " + e.getMessage());
            } finally {
                java.util.Arrays.fill(encoded, '\0');
            }
        }
    }

    private static CharSequence trim(CharSequence text) {
        return Chars.strip(CharBuffer.wrap(text));
    }

    private static int indexOf(CharSequence text, String what) {
        outer:
        for (int i = 0; i + what.length() <= text.length(); i++) {
            for (int j = 0; j < what.length(); j++) {
                if (text.charAt(i + j) != what.charAt(j)) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static boolean startsWithIgnoreCase(CharSequence text, String prefix) {
        if (text.length() < prefix.length()) {
            return false;
        }
        for (int i = 0; i < prefix.length(); i++) {
            if (Character.toLowerCase(text.charAt(i)) != prefix.charAt(i)) {
                return false;
            }
        }
        return true;
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

    private static boolean looksLikeBareKey(CharSequence text) {
        int symbols = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ' ') {
                continue;
            }
            if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '2' && c <= '7') || c == '=')) {
                return false;
            }
            symbols++;
        }
        return symbols >= 16;
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
