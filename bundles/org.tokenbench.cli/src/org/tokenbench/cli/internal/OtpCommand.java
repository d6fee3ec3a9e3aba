package org.tokenbench.cli.internal;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;

import org.osgi.service.component.annotations.Component;
import org.tokenbench.cli.command.CommandContext;
import org.tokenbench.cli.command.CommandProvider;
import org.tokenbench.cli.command.ExitCode;
import org.tokenbench.cli.command.InputFile;
import org.tokenbench.cli.command.UsageException;
import org.tokenbench.core.Secret;
import org.tokenbench.core.TokenException;
import org.tokenbench.core.fleet.AuditEvent;
import org.tokenbench.otp.Enrollment;
import org.tokenbench.otp.KeyBackup;
import org.tokenbench.otp.OtpAccount;
import org.tokenbench.otp.OtpAlgorithm;
import org.tokenbench.otp.OtpAuthUri;
import org.tokenbench.otp.OtpException;
import org.tokenbench.otp.OtpGenerator;
import org.tokenbench.otp.OtpParams;
import org.tokenbench.otp.OtpType;
import org.tokenbench.otp.UsedCodes;
import org.tokenbench.otp.Verifier;

import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code tokenbench otp code|verify|new|explain|backup|restore}: one-time passwords without a device, e.g. to compare
 * with what a token shows, to check a code while binding an account, or to find out why a QR code is refused.
 */
@Command(name = "otp", description = "Compute, verify, create, explain and back up one-time-password credentials.",
        subcommands = { OtpCommand.Code.class, OtpCommand.Verify.class, OtpCommand.New.class, OtpCommand.Explain.class,
                OtpCommand.Backup.class, OtpCommand.Restore.class })
final class OtpCommand {

    /** RFC 6238 §5.2 recommends at most one step of drift; ten steps (5 minutes at 30 s) is already generous. */
    static final int MAX_WINDOW = 10;

    @Command(name = "code", description = "Print the code at --time (default now), or for the HOTP --counter, alone on one line.")
    static final class Code implements Callable<Integer> {
        private final CommandContext context;
        @Mixin
        private CredentialOptions credential;
        @Option(names = "--time", paramLabel = "EPOCH", converter = CredentialOptions.EpochConverter.class,
                description = "Unix time in seconds (default now).")
        private Long time;
        @Option(names = "--json", description = "Print {code, step or counter, validForSeconds}.")
        private boolean json;

        Code(CommandContext context) {
            this.context = context;
        }

        @Override
        public Integer call() throws UsageException, TokenException {
            long at = time == null ? System.currentTimeMillis() / 1000 : time;
            try (OtpAccount account = credential.read(context);
                 OtpGenerator generator = OtpGenerator.open(account.secret(), account.params())) {
                OtpParams params = account.params();
                boolean hotp = params.type() == OtpType.HOTP;
                long movingFactor = hotp ? params.counter() : params.stepAt(at);
                String code = generator.codeFor(movingFactor);
                if (json) {
                    Json line = new Json().field("code", code).field(hotp ? "counter" : "step", movingFactor);
                    if (!hotp) {
                        line.field("validForSeconds", (movingFactor + 1) * params.periodSeconds() - at);
                    }
                    context.out().println(line);
                } else {
                    context.out().println(code);
                }
                account.warnings().forEach(w -> context.err().println("warning: " + Outputs.oneLine(w)));
                return ExitCode.OK;
            }
        }
    }

    @Command(name = "verify", description = "Check a code: exit 0 and the matched step offset, or exit 1 with invalid, replayed or malformed. "
            + "An accepted code is remembered (a hash of the key and the step, under ~/.tokenbench): checking it again says replayed.")
    static final class Verify implements Callable<Integer> {
        private final CommandContext context;
        @Mixin
        private CredentialOptions credential;
        @Option(names = "--code", required = true, paramLabel = "CODE", description = "The code to check.")
        private String code;
        @Option(names = "--time", paramLabel = "EPOCH", converter = CredentialOptions.EpochConverter.class,
                description = "Unix time in seconds (default now).")
        private Long time;
        @Option(names = "--window", paramLabel = "STEPS", converter = WindowConverter.class,
                description = "Steps accepted either side, 0 to " + MAX_WINDOW + " (default 1; above 2 accepts codes minutes old).")
        private int window = 1;
        @Option(names = "--json", description = "Print {outcome, stepOffset}.")
        private boolean json;

        Verify(CommandContext context) {
            this.context = context;
        }

        @Override
        public Integer call() throws UsageException, TokenException {
            long at = time == null ? System.currentTimeMillis() / 1000 : time;
            try (OtpAccount account = credential.read(context);
                 Verifier verifier = new Verifier(account.secret(), account.params(), window)) {
                if (window > 2) {
                    context.err().println("warning: a window of " + window + " steps accepts codes up to "
                            + window * account.params().periodSeconds() + " s old or early");
                }
                Verifier.Result result = UsedCodes.inHome().verifyOnce(account, verifier,
                        v -> account.params().type() == OtpType.HOTP ? v.verifyCounter(code) : v.verify(code, at));
                if (json) {
                    context.out().println(new Json().field("outcome", result.outcome().name()).field("stepOffset", result.stepOffset()));
                } else if (result.accepted()) {
                    context.out().println(result.stepOffset());
                }
                if (!result.accepted()) {
                    context.err().println(switch (result.outcome()) {
                        case MALFORMED -> "malformed: the code must be " + account.params().digits() + " digits";
                        case REPLAYED -> "replayed: this code was already used";
                        default -> "invalid: the code matches no step within ±" + window + " of the given time";
                    });
                    return ExitCode.NEGATIVE;
                }
                return ExitCode.OK;
            }
        }
    }

    @Command(name = "new", description = "Print a fresh otpauth URI with a random key (it holds the key: redirect it to a "
            + "protected file or a QR code).")
    static final class New implements Callable<Integer> {
        private final CommandContext context;
        @Option(names = "--issuer", required = true, paramLabel = "ISSUER", description = "The service, e.g. \"Example Cloud\".")
        private String issuer;
        @Option(names = "--account", required = true, paramLabel = "ACCOUNT", description = "The user at that service.")
        private String account;
        @Option(names = "--bits", paramLabel = "N", converter = BitsConverter.class,
                description = "Key length: a multiple of 8 from 128 to 512 (default " + Enrollment.DEFAULT_SECRET_BITS + ").")
        private int bits = Enrollment.DEFAULT_SECRET_BITS;
        @Option(names = "--algorithm", paramLabel = "ALGORITHM", converter = HmacConverter.class,
                description = "SHA1 (default), SHA256 or SHA512: what phone apps compute.")
        private OtpAlgorithm algorithm = OtpAlgorithm.SHA1;
        @Option(names = "--digits", paramLabel = "N", converter = CredentialOptions.DigitsConverter.class,
                description = "Code length, " + OtpParams.MIN_DIGITS + " to " + OtpParams.MAX_DIGITS + " (default 6).")
        private int digits = 6;
        @Option(names = "--period", paramLabel = "SECONDS", converter = CredentialOptions.PeriodConverter.class,
                description = "TOTP step in seconds (default 30).")
        private int period = 30;

        New(CommandContext context) {
            this.context = context;
        }

        @Override
        public Integer call() throws TokenException {
            OtpParams params = OtpParams.of(OtpType.TOTP, algorithm, digits, period, 0, issuer, account);
            // Recorded before the key leaves: a log that cannot be written stops the command with nothing printed.
            AuditCommand.record(context, AuditEvent.succeeded(AuditEvent.ENROL, "", "", "new credential " + issuer + ":" + account));
            try (Secret secret = Enrollment.newSecret(bits, new SecureRandom())) {
                context.out().println(OtpAuthUri.format(params, secret));
            }
            return ExitCode.OK;
        }
    }

    @Command(name = "explain", description = "Print the fields of an otpauth (or otpauth-migration) URI, never the key, "
            + "or exactly why it is refused (exit 1).")
    static final class Explain implements Callable<Integer> {
        private final CommandContext context;
        @Option(names = "--uri-file", required = true, paramLabel = "FILE", description = "The file holding the URI (- reads standard input).")
        private InputFile uriFile;
        @Option(names = "--json", description = "One JSON object per account, or {valid: false, problem, code, reason}.")
        private boolean json;

        Explain(CommandContext context) {
            this.context = context;
        }

        @Override
        public Integer call() throws TokenException {
            char[] text = uriFile.readText(context);
            List<OtpAccount> accounts;
            try {
                accounts = OtpAuthUri.parseAll(java.nio.CharBuffer.wrap(text));
            } catch (OtpException e) {
                context.out().println(json ? new Json().field("valid", false).field("problem", e.problem().name())
                        .field("code", e.code().toString()).field("reason", e.getMessage()) : "invalid: " + e.getMessage());
                return ExitCode.NEGATIVE;
            } finally {
                Arrays.fill(text, '\0');
            }
            try {
                accounts.forEach(this::print);
            } finally {
                accounts.forEach(OtpAccount::close);
            }
            return ExitCode.OK;
        }

        private void print(OtpAccount account) {
            OtpParams p = account.params();
            if (json) {
                context.out().println(new Json().field("valid", true).field("type", p.type().uriName()).field("issuer", p.issuer())
                        .field("account", p.account()).field("algorithm", p.algorithm().name()).field("digits", p.digits())
                        .field("period", p.periodSeconds()).field("counter", p.counter()).field("secretBits", account.secret().length() * 8)
                        .field("warnings", account.warnings()));
                return;
            }
            context.out().println("type: " + p.type().uriName());
            context.out().println("issuer: " + Outputs.oneLine(p.issuer()));
            context.out().println("account: " + Outputs.oneLine(p.account()));
            context.out().println("algorithm: " + p.algorithm().name());
            context.out().println("digits: " + p.digits());
            context.out().println(p.type() == OtpType.TOTP ? "period: " + p.periodSeconds() : "counter: " + p.counter());
            context.out().println("secret: " + account.secret().length() + " bytes (" + account.secret().length() * 8 + " bits)");
            account.warnings().forEach(w -> context.out().println("warning: " + Outputs.oneLine(w)));
        }
    }

    @Command(name = "backup", description = "Seal the credential with a passphrase (scrypt + AES-256-GCM) into a text file only you can read.")
    static final class Backup implements Callable<Integer> {
        private final CommandContext context;
        @Mixin
        private CredentialOptions credential;
        @Option(names = "--passphrase-file", required = true, paramLabel = "FILE", description = "The passphrase (- reads standard input).")
        private InputFile passphraseFile;
        @Option(names = "--out", required = true, paramLabel = "FILE", description = "The backup file to write (mode 0600); - writes to standard output.")
        private String out;

        Backup(CommandContext context) {
            this.context = context;
        }

        @Override
        public Integer call() throws UsageException, TokenException {
            char[] passphrase = passphraseFile.readSecretLine(context, "passphrase");
            try (OtpAccount account = credential.read(context)) {
                byte[] sealed = KeyBackup.seal(account, passphrase).getBytes(StandardCharsets.US_ASCII);
                // Recorded before the backup is written: a log that cannot be written stops the command with no file made.
                AuditCommand.record(context, AuditEvent.succeeded(AuditEvent.BACKUP, "", "", account.displayName() + " to "
                        + (out.equals("-") ? "standard output" : out)));
                String where = Outputs.write(out, sealed, context);
                context.err().println("backup of " + Outputs.oneLine(account.displayName()) + " written to " + where + "; keep the passphrase apart from it");
                return ExitCode.OK;
            } catch (TokenException e) {
                AuditCommand.recordFailure(context, AuditEvent.BACKUP, e, "to " + out);
                throw e;
            } finally {
                Arrays.fill(passphrase, '\0');
            }
        }
    }

    @Command(name = "restore", description = "Open a key backup and print its otpauth URI (it holds the key: redirect it to a "
            + "protected file or a QR code).")
    static final class Restore implements Callable<Integer> {
        private final CommandContext context;
        @Option(names = "--backup-file", required = true, paramLabel = "FILE", description = "The backup file (- reads standard input).")
        private InputFile backupFile;
        @Option(names = "--passphrase-file", required = true, paramLabel = "FILE", description = "The passphrase (- reads standard input).")
        private InputFile passphraseFile;

        Restore(CommandContext context) {
            this.context = context;
        }

        @Override
        public Integer call() throws TokenException {
            char[] backup = backupFile.readText(context);
            char[] passphrase = passphraseFile.readSecretLine(context, "passphrase");
            try (OtpAccount account = KeyBackup.open(new String(backup), passphrase)) {
                AuditCommand.record(context, AuditEvent.succeeded(AuditEvent.RESTORE, "", "", account.displayName() + " from " + backupFile.name()));
                context.out().println(OtpAuthUri.format(account.params(), account.secret()));
                return ExitCode.OK;
            } catch (TokenException e) {
                AuditCommand.recordFailure(context, AuditEvent.RESTORE, e, "from " + backupFile.name());
                throw e;
            } finally {
                Arrays.fill(backup, '\0');
                Arrays.fill(passphrase, '\0');
            }
        }
    }

    static final class WindowConverter implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            return (int) Numbers.inRange(value, 0, MAX_WINDOW, " steps");
        }
    }

    static final class BitsConverter implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            int bits = (int) Numbers.inRange(value, 128, 512, " bits");
            if (bits % 8 != 0) {
                throw new TypeConversionException("must be a multiple of 8 from 128 to 512, got " + bits);
            }
            return bits;
        }
    }

    static final class HmacConverter implements ITypeConverter<OtpAlgorithm> {
        @Override
        public OtpAlgorithm convert(String value) {
            return OtpAlgorithm.fromName(value).filter(OtpAlgorithm::isHmac).orElseThrow(() -> new TypeConversionException(
                    "'" + value + "' is not for phone apps: use SHA1, SHA256 or SHA512"));
        }
    }

    @Component(service = CommandProvider.class)
    public static final class Provider implements CommandProvider {
        @Override
        public Object command(CommandContext context) {
            return new OtpCommand();
        }
    }
}
