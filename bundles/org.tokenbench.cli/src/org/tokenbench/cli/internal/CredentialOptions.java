package org.tokenbench.cli.internal;

import java.nio.CharBuffer;
import java.util.Arrays;
import java.util.List;

import org.tokenbench.cli.command.CommandContext;
import org.tokenbench.cli.command.InputFile;
import org.tokenbench.cli.command.UsageException;
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

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/**
 * The credential a command works on (a picocli mixin): {@code --uri-file F} (an otpauth URI), or
 * {@code --secret-file F} (a Base32 key, or hex with {@code --secret-encoding hex}) plus {@code --algorithm --digits
 * --period --counter}. {@code -} reads standard input. Values out of range are usage errors naming the allowed ones.
 */
final class CredentialOptions {

    enum Encoding {
        base32, hex
    }

    @Option(names = "--uri-file", paramLabel = "FILE", description = "A file holding one otpauth:// URI (- reads standard input).")
    InputFile uriFile;

    @Option(names = "--secret-file", paramLabel = "FILE", description = "A file holding the key alone (- reads standard input).")
    InputFile secretFile;

    @Option(names = "--secret-encoding", paramLabel = "ENCODING", description = "How the key in --secret-file is written: "
            + "${COMPLETION-CANDIDATES} (default base32).")
    Encoding encoding;

    @Option(names = "--algorithm", paramLabel = "ALGORITHM", converter = AlgorithmConverter.class,
            description = "With --secret-file: SHA1 (default), SHA256, SHA512 or SM3.")
    OtpAlgorithm algorithm;

    @Option(names = "--digits", paramLabel = "N", converter = DigitsConverter.class,
            description = "With --secret-file: code length, " + OtpParams.MIN_DIGITS + " to " + OtpParams.MAX_DIGITS + " (default 6).")
    Integer digits;

    @Option(names = "--period", paramLabel = "SECONDS", converter = PeriodConverter.class,
            description = "With --secret-file: TOTP step, 1 to " + OtpParams.MAX_PERIOD_SECONDS + " seconds (default 30).")
    Integer period;

    @Option(names = "--counter", paramLabel = "N", converter = CounterConverter.class,
            description = "With --secret-file: the HOTP counter (makes the credential HOTP).")
    Long counter;

    @Option(names = "--allow-short-key", description = "Use a key shorter than 80 bits (refused otherwise: such keys can be guessed).")
    boolean allowShortKey;

    /** Whether algorithm, digits and period come from the URI rather than from options. */
    boolean fromUri() {
        return uriFile != null;
    }

    /** The credential; the caller closes it. Keys under 80 bits are refused unless {@code --allow-short-key}. */
    OtpAccount read(CommandContext context) throws UsageException, TokenException {
        OtpAccount account = readAny(context);
        int bits = account.secret().length() * 8;
        if (bits < OtpAuthUri.WEAK_SECRET_BITS && !allowShortKey) {
            account.close();
            throw new OtpException(OtpProblem.WEAK_SECRET, "the key is only " + bits + " bits long: keys under "
                    + OtpAuthUri.WEAK_SECRET_BITS + " bits can be guessed (give --allow-short-key to use it anyway)");
        }
        return account;
    }

    private OtpAccount readAny(CommandContext context) throws UsageException, TokenException {
        if ((uriFile == null) == (secretFile == null)) {
            throw new UsageException("give exactly one of --uri-file F or --secret-file F (- reads stdin)");
        }
        if (uriFile != null) {
            for (var given : List.of(new Object[] { "secret-encoding", encoding }, new Object[] { "algorithm", algorithm },
                    new Object[] { "digits", digits }, new Object[] { "period", period }, new Object[] { "counter", counter })) {
                if (given[1] != null) {
                    throw new UsageException("--" + given[0] + " comes from the URI; it cannot be combined with --uri-file");
                }
            }
            char[] text = uriFile.readText(context);
            try {
                List<OtpAccount> accounts = OtpAuthUri.parseAll(java.nio.CharBuffer.wrap(text));
                if (accounts.size() != 1) {
                    accounts.forEach(OtpAccount::close);
                    throw new UsageException("the URI holds " + accounts.size() + " accounts; put one otpauth:// URI in the file");
                }
                return accounts.get(0);
            } finally {
                Arrays.fill(text, '\0');
            }
        }
        OtpType type = counter != null ? OtpType.HOTP : OtpType.TOTP;
        OtpParams params = OtpParams.of(type, algorithm == null ? OtpAlgorithm.SHA1 : algorithm, digits == null ? 6 : digits,
                period == null ? 30 : period, counter == null ? 0 : counter, "", "");
        char[] text = secretFile.readText(context);
        try {
            Secret key = encoding == Encoding.hex ? hex(text) : Base32.decode(CharBuffer.wrap(text));
            return new OtpAccount(params, key, OtpAuthUri.secretWarnings(key.length()));
        } finally {
            Arrays.fill(text, '\0');
        }
    }

    private static Secret hex(char[] text) throws OtpException {
        try {
            byte[] bytes = Hex.parse(CharBuffer.wrap(text));
            if (bytes.length == 0) {
                throw new OtpException(OtpProblem.EMPTY_SECRET, "the key is empty");
            }
            return Secret.adopt(bytes);
        } catch (IllegalArgumentException e) {
            throw new OtpException(OtpProblem.BAD_HEX, "key: " + e.getMessage());
        }
    }

    static final class AlgorithmConverter implements ITypeConverter<OtpAlgorithm> {
        @Override
        public OtpAlgorithm convert(String value) {
            return OtpAlgorithm.fromName(value).orElseThrow(() -> new TypeConversionException(
                    "'" + value + "' is not supported: use SHA1, SHA256, SHA512 or SM3"));
        }
    }

    static final class DigitsConverter implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            return (int) Numbers.inRange(value, OtpParams.MIN_DIGITS, OtpParams.MAX_DIGITS, "");
        }
    }

    static final class PeriodConverter implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            return (int) Numbers.inRange(value, 1, OtpParams.MAX_PERIOD_SECONDS, " seconds");
        }
    }

    static final class CounterConverter implements ITypeConverter<Long> {
        @Override
        public Long convert(String value) {
            return Numbers.inRange(value, 0, Long.MAX_VALUE, "");
        }
    }

    /** Unix time in seconds: codes before 1970 exist in no RFC 6238 deployment, and a negative step is undefined. */
    static final class EpochConverter implements ITypeConverter<Long> {
        @Override
        public Long convert(String value) {
            return Numbers.inRange(value, 0, Long.MAX_VALUE, "");
        }
    }
}
