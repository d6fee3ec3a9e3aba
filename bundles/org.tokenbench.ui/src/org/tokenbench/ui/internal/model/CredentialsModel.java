package org.tokenbench.ui.internal.model;

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

    private List<Code> codes = List.of();

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
