package org.tokenbench.ui.internal.model;

import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

import org.eclipse.osgi.util.NLS;
import org.tokenbench.core.Secret;
import org.tokenbench.core.TokenException;
import org.tokenbench.otp.Enrollment;
import org.tokenbench.otp.KeyBackup;
import org.tokenbench.otp.OtpAccount;
import org.tokenbench.otp.OtpAuthUri;
import org.tokenbench.otp.OtpParams;
import org.tokenbench.otp.Verifier;
import org.tokenbench.qr.QrEncoder;

import com.google.zxing.common.BitMatrix;

/**
 * The Enroll view's state and rules: the key being enrolled (a {@link Secret}, forgotten on a new key, a restore or
 * {@link #close()}), its QR modules, the phone app's code check (±1 step, never the same step twice), the encrypted
 * backup and its restore (the same {@link KeyBackup} the CLI's {@code otp backup|restore} use: v2 and v1 files, NFC
 * passphrases), and when a copied URI must leave the clipboard. Plain Java: the view renders it.
 */
public final class EnrollModel implements AutoCloseable {

    /** How long a copied otpauth URI (it holds the key) stays on the clipboard. */
    public static final Duration CLIPBOARD_LIFETIME = Duration.ofSeconds(30);

    private Secret secret;
    private OtpParams params;
    private BitMatrix modules;
    private Verifier verifier;
    private String message = Messages.enroll_start;
    private boolean closed;

    /** A fresh 160-bit key for {@code issuer} and {@code account}. */
    public synchronized void newKey(String issuer, String account) throws TokenException {
        use(OtpParams.totp(issuer.strip(), account.strip()), Enrollment.newSecret());
        message = Messages.enroll_scan;
    }

    /**
     * Opens a key backup (v2 or v1) with {@code passphrase} (wiped, whatever happens) and makes its key the one enrolled.
     *
     * @return the restored account's name ("Issuer (account)")
     */
    public synchronized String restore(String backup, char[] passphrase) throws TokenException {
        try (OtpAccount account = KeyBackup.open(backup, passphrase)) {
            byte[] key = account.secret().copyBytes();
            use(account.params(), Secret.adopt(key));
            message = NLS.bind(Messages.enroll_restored, account.displayName());
            return account.displayName();
        } finally {
            Arrays.fill(passphrase, '\0');
        }
    }

    /** The key sealed with {@code passphrase} (wiped, whatever happens), as the backup file's text. */
    public synchronized String seal(char[] passphrase) throws TokenException {
        try {
            return KeyBackup.seal(params(), secret, passphrase);
        } finally {
            Arrays.fill(passphrase, '\0');
        }
    }

    private void use(OtpParams newParams, Secret newSecret) throws TokenException {
        BitMatrix newModules;
        try {
            newModules = QrEncoder.modules(OtpAuthUri.format(newParams, newSecret));
        } catch (TokenException e) {
            newSecret.close();
            throw e;
        }
        if (closed) {
            // the view closed while a restore ran: nobody would ever close this key, so it goes now
            newSecret.close();
            return;
        }
        forget();
        params = newParams;
        secret = newSecret;
        modules = newModules;
        verifier = new Verifier(secret, params, 1);
    }

    /** Checks a code from the app; the message says what it came to. */
    public synchronized Verifier.Result verify(String code, long epochSeconds) {
        if (verifier == null) {
            message = Messages.enroll_newFirst;
            return new Verifier.Result(Verifier.Outcome.MALFORMED, 0);
        }
        Verifier.Result check = verifier.verify(code.strip(), epochSeconds);
        message = switch (check.outcome()) {
            case ACCEPTED -> check.stepOffset() == 0 ? Messages.enroll_bound : NLS.bind(Messages.enroll_boundOff, check.stepOffset());
            case REPLAYED -> Messages.enroll_replayed;
            case MALFORMED -> NLS.bind(Messages.enroll_digits, params.digits());
            default -> Messages.enroll_mismatch;
        };
        return check;
    }

    public synchronized boolean hasKey() {
        return secret != null;
    }

    /** The key's parameters (issuer, account, settings); fails without a key. */
    public synchronized OtpParams params() {
        if (params == null) {
            throw new IllegalStateException("no key yet");
        }
        return params;
    }

    /** "issuer:account", for the audit log (never the key). */
    public synchronized String label() {
        return params == null ? "" : params.issuer() + ":" + params.account();
    }

    /** The otpauth URI with the key, for the clipboard and Program Token; empty without a key. */
    public synchronized Optional<String> uri() {
        return secret == null ? Optional.empty() : Optional.of(OtpAuthUri.format(params, secret));
    }

    /** {@link #uri()} as chars, for Program Token's key field without a String of the key: the caller wipes them. */
    public synchronized Optional<char[]> uriChars() {
        return secret == null ? Optional.empty() : Optional.of(OtpAuthUri.formatChars(params, secret));
    }

    /** The QR code's modules, or empty before a key is made. */
    public synchronized Optional<BitMatrix> modules() {
        return Optional.ofNullable(modules);
    }

    /** The sentence for the user about the last thing done. */
    public synchronized String message() {
        return message;
    }

    public synchronized void say(String text) {
        message = Objects.requireNonNull(text);
    }

    /** A file name for the backup from the issuer: only characters every file system takes. */
    public synchronized String backupFileName() {
        String issuer = params == null ? "" : params.issuer();
        return (issuer.isEmpty() ? "key" : issuer.replaceAll("[^A-Za-z0-9._-]", "_")) + ".tbkey";
    }

    private void forget() {
        if (verifier != null) {
            verifier.close();
            verifier = null;
        }
        if (secret != null) {
            secret.close();
            secret = null;
        }
        modules = null;
        params = null;
    }

    @Override
    public synchronized void close() {
        closed = true;
        forget();
    }
}
