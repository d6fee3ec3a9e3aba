package org.tokenbench.cli.internal;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.tokenbench.core.Hex;
import org.tokenbench.core.Secret;
import org.tokenbench.core.TokenException;
import org.tokenbench.otp.Base32;
import org.tokenbench.otp.OtpAccount;
import org.tokenbench.otp.OtpAlgorithm;
import org.tokenbench.otp.OtpAuthUri;
import org.tokenbench.otp.OtpException;
import org.tokenbench.otp.OtpParams;
import org.tokenbench.otp.OtpProblem;
import org.tokenbench.otp.OtpType;

/**
 * The credential a command works on: {@code --uri-file F} (an otpauth URI), or {@code --secret-file F} (a
 * Base32 key, or hex with {@code --secret-encoding hex}) plus {@code --algorithm --digits --period
 * --counter}. {@code -} reads standard input.
 */
final class CredentialOptions {

    static final Set<String> OPTIONS = Set.of("uri-file", "secret-file", "secret-encoding", "algorithm", "digits", "period", "counter");

    private CredentialOptions() {
    }

    /** The credential; the caller closes it. */
    static OtpAccount read(Arguments arguments, Console console) throws UsageException, TokenException {
        boolean uri = arguments.option("uri-file").isPresent();
        boolean secret = arguments.option("secret-file").isPresent();
        if (uri == secret) {
            throw new UsageException("give exactly one of --uri-file F or --secret-file F (- reads stdin)");
        }
        if (uri) {
            for (String parameter : List.of("secret-encoding", "algorithm", "digits", "period", "counter")) {
                if (arguments.option(parameter).isPresent()) {
                    throw new UsageException("--" + parameter + " comes from the URI; it cannot be combined with --uri-file");
                }
            }
            char[] text = SecretInput.readChars(arguments.required("uri-file"), console.in());
            try {
                List<OtpAccount> accounts = OtpAuthUri.parseAll(new String(text));
                if (accounts.size() != 1) {
                    accounts.forEach(OtpAccount::close);
                    throw new UsageException("the URI holds " + accounts.size() + " accounts; put one otpauth:// URI in the file");
                }
                return accounts.get(0);
            } finally {
                Arrays.fill(text, '\0');
            }
        }
        OtpAlgorithm algorithm = OtpAlgorithm.SHA1;
        if (arguments.option("algorithm").isPresent()) {
            String name = arguments.required("algorithm");
            algorithm = OtpAlgorithm.fromName(name).orElseThrow(() -> new OtpException(OtpProblem.UNSUPPORTED_ALGORITHM,
                    "algorithm '" + name + "' is not supported: use SHA1, SHA256, SHA512 or SM3"));
        }
        int digits = intOption(arguments, "digits", 6);
        int period = intOption(arguments, "period", 30);
        OtpType type = arguments.option("counter").isPresent() ? OtpType.HOTP : OtpType.TOTP;
        long counter = type == OtpType.HOTP ? longOption(arguments, "counter", 0) : 0;
        OtpParams params = OtpParams.of(type, algorithm, digits, period, counter, "", "");

        String encoding = arguments.option("secret-encoding").orElse("base32").toLowerCase(Locale.ROOT);
        char[] text = SecretInput.readChars(arguments.required("secret-file"), console.in());
        try {
            Secret key = switch (encoding) {
                case "base32" -> Base32.decode(java.nio.CharBuffer.wrap(text));
                case "hex" -> hex(text);
                default -> throw new UsageException("--secret-encoding is base32 or hex, not '" + encoding + "'");
            };
            return new OtpAccount(params, key, OtpAuthUri.secretWarnings(key.length()));
        } finally {
            Arrays.fill(text, '\0');
        }
    }

    private static Secret hex(char[] text) throws OtpException {
        try {
            byte[] bytes = Hex.parse(java.nio.CharBuffer.wrap(text));
            if (bytes.length == 0) {
                throw new OtpException(OtpProblem.EMPTY_SECRET, "the key is empty");
            }
            return Secret.adopt(bytes);
        } catch (IllegalArgumentException e) {
            throw new OtpException(OtpProblem.BAD_HEX, "key: " + e.getMessage());
        }
    }

    static int intOption(Arguments arguments, String name, int fallback) throws UsageException {
        return arguments.option(name).isPresent() ? Integer.parseInt(checkedNumber(arguments, name, 9)) : fallback;
    }

    static long longOption(Arguments arguments, String name, long fallback) throws UsageException {
        return arguments.option(name).isPresent() ? Long.parseLong(checkedNumber(arguments, name, 18)) : fallback;
    }

    private static String checkedNumber(Arguments arguments, String name, int maxDigits) throws UsageException {
        String value = arguments.required(name);
        if (!value.matches("-?[0-9]{1," + maxDigits + "}")) {
            throw new UsageException("--" + name + " must be a whole number, got '" + value + "'");
        }
        return value;
    }
}
