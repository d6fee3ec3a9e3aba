package org.tokenbench.ui.internal.model;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.osgi.util.NLS;
import org.tokenbench.core.driver.CredentialStore;
import org.tokenbench.core.driver.CredentialStore.Code;
import org.tokenbench.core.driver.CredentialStore.Credential;
import org.tokenbench.core.driver.HashAlgorithm;
import org.tokenbench.otp.OtpParams;
import org.tokenbench.otp.OtpType;

/**
 * The OATH Credentials view's state and rules: the codes read from the device (a computed one replaces its credential's
 * row), when they expired (the view reads the device again), how a code, its validity and a credential's kind read in
 * the workbench's language, and the credential an otpauth URI adds.
 */
public final class CredentialsModel {

    /** The longest the automatic reads wait after failed ones (2, 4, … s before); Refresh still reads at once. */
    public static final Duration MAX_READ_BACKOFF = Duration.ofSeconds(60);

    private List<Code> codes = List.of();
    private int failedReads;
    private Instant nextAutomaticRead = Instant.MIN;

    /** The device's codes as read now. */
    public synchronized void show(List<Code> read) {
        codes = List.copyOf(read);
    }

    /** One credential's code computed on request: it replaces that credential's row. */
    public synchronized void computed(Code computed) {
        List<Code> updated = new ArrayList<>(codes);
        updated.replaceAll(c -> c.credential().name().equals(computed.credential().name()) ? computed : c);
        codes = List.copyOf(updated);
    }

    public synchronized List<Code> codes() {
        return codes;
    }

    /** Whether a shown code's step ended at {@code now} (HOTP codes never expire). */
    public synchronized boolean anyExpired(Instant now) {
        return codes.stream().anyMatch(c -> c.code().isPresent() && !c.validUntil().equals(Instant.MAX) && c.validUntil().isBefore(now));
    }

    /** A read of the device succeeded: when a code expires the view reads again at once. */
    public synchronized void readSucceeded() {
        failedReads = 0;
        nextAutomaticRead = Instant.MIN;
    }

    /**
     * A read failed at {@code now} (the card was pulled, another program holds it): the view's own reads back off, 2 s
     * after the first failure, doubling up to {@link #MAX_READ_BACKOFF}, so an absent card is not hammered every second.
     */
    public synchronized void readFailed(Instant now) {
        failedReads++;
        Duration wait = Duration.ofSeconds(1L << Math.min(failedReads, 6));
        nextAutomaticRead = now.plus(wait.compareTo(MAX_READ_BACKOFF) < 0 ? wait : MAX_READ_BACKOFF);
    }

    /** Whether the view reads the device by itself at {@code now}: a shown code expired and no back-off holds. */
    public synchronized boolean automaticReadDue(Instant now) {
        return anyExpired(now) && now.isAfter(nextAutomaticRead);
    }

    /** The code, or why there is none: a touch credential waits for the touch, a HOTP one is computed on request. */
    public static String codeText(Code code) {
        if (code.code().isPresent()) {
            return code.code().get();
        }
        if (code.credential().requiresTouch()) {
            return Messages.credentials_touch;
        }
        return code.credential().type() == CredentialStore.Type.HOTP ? Messages.credentials_computeOnRequest : code.whyNot().orElse("");
    }

    /** The seconds the code stays valid at {@code now}; empty without a code or for HOTP. */
    public static String validFor(Code code, Instant now) {
        if (code.code().isEmpty() || code.validUntil().equals(Instant.MAX)) {
            return "";
        }
        long left = code.validUntil().getEpochSecond() - now.getEpochSecond();
        return left > 0 ? NLS.bind(Messages.credentials_seconds, left) : Messages.credentials_expired;
    }

    /** "TOTP, SHA1, 6 digits, 30 s, touch". */
    public static String kind(Credential credential) {
        List<String> parts = new ArrayList<>(List.of(credential.type().name(), credential.algorithm().name(),
                NLS.bind(Messages.credentials_digits, credential.digits())));
        if (credential.type() == CredentialStore.Type.TOTP) {
            parts.add(NLS.bind(Messages.credentials_seconds, credential.periodSeconds()));
        }
        if (credential.requiresTouch()) {
            parts.add(Messages.credentials_touchKind);
        }
        return String.join(Messages.credentials_separator, parts);
    }

    /** The credential an otpauth URI's parameters add: named "Issuer:account" as phone apps name it. */
    public static Credential credentialOf(OtpParams params, boolean touch) {
        String issuer = params.issuer();
        String user = params.account();
        String name = issuer.isEmpty() ? user : user.isEmpty() ? issuer : issuer + ":" + user;
        return new Credential(name, params.type() == OtpType.HOTP ? CredentialStore.Type.HOTP : CredentialStore.Type.TOTP,
                HashAlgorithm.parse(params.algorithm().name()).orElse(HashAlgorithm.SHA1), params.digits(), params.periodSeconds(), touch);
    }
}
