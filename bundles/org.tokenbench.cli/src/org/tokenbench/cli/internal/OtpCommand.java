package org.tokenbench.cli.internal;

import java.util.List;
import java.util.Set;

import org.tokenbench.core.Secret;
import org.tokenbench.core.PrivateFiles;
import org.tokenbench.core.TokenException;
import org.tokenbench.otp.Enrollment;
import org.tokenbench.otp.KeyBackup;
import org.tokenbench.otp.OtpAccount;
import org.tokenbench.otp.OtpAlgorithm;
import org.tokenbench.otp.OtpAuthUri;
import org.tokenbench.otp.OtpException;
import org.tokenbench.otp.OtpGenerator;
import org.tokenbench.otp.OtpParams;
import org.tokenbench.otp.OtpType;
import org.tokenbench.otp.Verifier;

/**
 * {@code tokenbench otp code|verify|new|explain}: one-time passwords without a device, e.g. to compare with
 * what a token shows, to check a code while binding an account, or to find out why a QR code is refused.
 */
final class OtpCommand extends CommandGroup {

    private static final String USAGE = "otp code|verify|new|explain|backup|restore; credential from --uri-file F or --secret-file F (- = stdin)";

    @Override
    public String name() {
        return "otp";
    }

    @Override
    public String summary() {
        return "compute, verify, create and explain one-time passwords";
    }

    OtpCommand() {
        subcommand("code", this::code);
        subcommand("verify", this::verify);
        subcommand("new", this::create);
        subcommand("explain", this::explain);
        subcommand("backup", this::backup);
        subcommand("restore", this::restore);
    }

    @Override
    protected String usage() {
        return USAGE;
    }

    /** Prints the code at --time (default now), or for the HOTP --counter. */
    private int code(List<String> args, Console console) throws UsageException, TokenException {
        Arguments arguments = Arguments.parse(args, Set.of("json"), Arguments.union(CredentialOptions.OPTIONS, Set.of("time")));
        long time = CredentialOptions.longOption(arguments, "time", System.currentTimeMillis() / 1000);
        try (OtpAccount account = CredentialOptions.read(arguments, console);
             OtpGenerator generator = OtpGenerator.open(account.secret(), account.params())) {
            OtpParams params = account.params();
            boolean hotp = params.type() == OtpType.HOTP;
            long movingFactor = hotp ? params.counter() : params.stepAt(time);
            String code = generator.codeFor(movingFactor);
            if (arguments.has("json")) {
                Json json = new Json().field("code", code).field(hotp ? "counter" : "step", movingFactor);
                if (!hotp) {
                    json.field("validForSeconds", (movingFactor + 1) * params.periodSeconds() - time);
                }
                console.out().println(json);
            } else {
                console.out().println(code);
            }
            account.warnings().forEach(w -> console.err().println("warning: " + w));
            return ExitCode.OK;
        }
    }

    /** Exit 0 and the matched step offset when the code is valid; exit 1 with the reason when not. */
    private int verify(List<String> args, Console console) throws UsageException, TokenException {
        Arguments arguments = Arguments.parse(args, Set.of("json"), Arguments.union(CredentialOptions.OPTIONS, Set.of("time", "code", "window")));
        String code = arguments.required("code");
        long time = CredentialOptions.longOption(arguments, "time", System.currentTimeMillis() / 1000);
        int window = CredentialOptions.intOption(arguments, "window", 1);
        if (window < 0 || window > 100) {
            throw new UsageException("--window must be 0 to 100 steps, got " + window);
        }
        try (OtpAccount account = CredentialOptions.read(arguments, console);
             Verifier verifier = new Verifier(account.secret(), account.params(), window)) {
            Verifier.Result result = account.params().type() == OtpType.HOTP
                    ? verifier.verifyCounter(code) : verifier.verify(code, time);
            if (arguments.has("json")) {
                console.out().println(new Json().field("outcome", result.outcome().name()).field("stepOffset", result.stepOffset()));
            } else if (result.accepted()) {
                console.out().println(result.stepOffset());
            }
            if (!result.accepted()) {
                console.err().println(switch (result.outcome()) {
                    case MALFORMED -> "malformed: the code must be " + account.params().digits() + " digits";
                    case REPLAYED -> "replayed: this code was already used";
                    default -> "invalid: the code matches no step within ±" + window + " of the given time";
                });
                return ExitCode.NEGATIVE;
            }
            return ExitCode.OK;
        }
    }

    /** A fresh random key as an otpauth URI (to show as a QR code, or to keep in a protected file). */
    private int create(List<String> args, Console console) throws UsageException, TokenException {
        Arguments arguments = Arguments.parse(args, Set.of(), Set.of("issuer", "account", "bits", "algorithm", "digits", "period"));
        int bits = CredentialOptions.intOption(arguments, "bits", Enrollment.DEFAULT_SECRET_BITS);
        if (bits % 8 != 0 || bits < 128 || bits > 512) {
            throw new UsageException("--bits must be a multiple of 8 from 128 to 512, got " + bits);
        }
        OtpAlgorithm algorithm = OtpAlgorithm.SHA1;
        if (arguments.option("algorithm").isPresent()) {
            String name = arguments.required("algorithm");
            algorithm = OtpAlgorithm.fromName(name).filter(OtpAlgorithm::isHmac)
                    .orElseThrow(() -> new UsageException("--algorithm is SHA1, SHA256 or SHA512 for phone apps, not '" + name + "'"));
        }
        OtpParams params = OtpParams.of(OtpType.TOTP, algorithm, CredentialOptions.intOption(arguments, "digits", 6),
                CredentialOptions.intOption(arguments, "period", 30), 0, arguments.required("issuer"), arguments.required("account"));
        try (Secret secret = Enrollment.newSecret(bits, new java.security.SecureRandom())) {
            console.out().println(OtpAuthUri.format(params, secret));
        }
        return ExitCode.OK;
    }

    /** The parsed fields (never the key itself), or the exact reason the URI is refused. */
    /** Seals the credential with a passphrase into a backup file only the owner can read. */
    private int backup(List<String> args, Console console) throws UsageException, TokenException {
        Arguments arguments = Arguments.parse(args, Set.of(), Arguments.union(CredentialOptions.OPTIONS, Set.of("passphrase-file", "out")));
        java.nio.file.Path out = java.nio.file.Path.of(arguments.required("out"));
        char[] passphrase = SecretInput.readChars(arguments.required("passphrase-file"), console.in());
        try (OtpAccount account = CredentialOptions.read(arguments, console)) {
            PrivateFiles.write(out, KeyBackup.seal(account, passphrase).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            console.err().println("backup of " + account.displayName() + " written to " + out + "; keep the passphrase apart from it");
            return ExitCode.OK;
        } finally {
            java.util.Arrays.fill(passphrase, '\0');
        }
    }

    /** Opens a backup and prints the otpauth URI (it holds the key: redirect it to a protected file or a QR code). */
    private int restore(List<String> args, Console console) throws UsageException, TokenException {
        Arguments arguments = Arguments.parse(args, Set.of(), Set.of("backup-file", "passphrase-file"));
        char[] backup = SecretInput.readChars(arguments.required("backup-file"), console.in());
        char[] passphrase = SecretInput.readChars(arguments.required("passphrase-file"), console.in());
        try (OtpAccount account = KeyBackup.open(new String(backup), passphrase)) {
            console.out().println(OtpAuthUri.format(account.params(), account.secret()));
            return ExitCode.OK;
        } finally {
            java.util.Arrays.fill(backup, '\0');
            java.util.Arrays.fill(passphrase, '\0');
        }
    }

    private int explain(List<String> args, Console console) throws UsageException, TokenException {
        Arguments arguments = Arguments.parse(args, Set.of("json"), Set.of("uri-file"));
        char[] text = SecretInput.readChars(arguments.required("uri-file"), console.in());
        List<OtpAccount> accounts;
        try {
            accounts = OtpAuthUri.parseAll(new String(text));
        } catch (OtpException e) {
            if (arguments.has("json")) {
                console.out().println(new Json().field("valid", false).field("problem", e.problem().name())
                        .field("code", e.code().toString()).field("reason", e.getMessage()));
            } else {
                console.out().println("invalid: " + e.getMessage());
            }
            return ExitCode.NEGATIVE;
        } finally {
            java.util.Arrays.fill(text, '\0');
        }
        try {
            for (OtpAccount account : accounts) {
                OtpParams p = account.params();
                if (arguments.has("json")) {
                    console.out().println(new Json().field("valid", true).field("type", p.type().uriName())
                            .field("issuer", p.issuer()).field("account", p.account()).field("algorithm", p.algorithm().name())
                            .field("digits", p.digits()).field("period", p.periodSeconds()).field("counter", p.counter())
                            .field("secretBits", account.secret().length() * 8).field("warnings", account.warnings()));
                    continue;
                }
                console.out().println("type: " + p.type().uriName());
                console.out().println("issuer: " + p.issuer());
                console.out().println("account: " + p.account());
                console.out().println("algorithm: " + p.algorithm().name());
                console.out().println("digits: " + p.digits());
                console.out().println(p.type() == OtpType.TOTP ? "period: " + p.periodSeconds() : "counter: " + p.counter());
                console.out().println("secret: " + account.secret().length() + " bytes (" + account.secret().length() * 8 + " bits)");
                account.warnings().forEach(w -> console.out().println("warning: " + w));
            }
        } finally {
            accounts.forEach(OtpAccount::close);
        }
        return ExitCode.OK;
    }

}
