package org.tokenbench.otp;

import java.util.List;

import org.tokenbench.core.Secret;

/**
 * One credential read from a QR code, URI or export: its parameters, its secret, and warnings about things
 * that work but are risky (a short key, settings phone apps ignore). Closing it wipes the secret.
 */
public record OtpAccount(OtpParams params, Secret secret, List<String> warnings) implements AutoCloseable {

    public OtpAccount {
        warnings = List.copyOf(warnings);
    }

    /** "Issuer (account)", "Issuer", or "account": how the credential is named in lists. */
    public String displayName() {
        if (params.issuer().isEmpty()) {
            return params.account();
        }
        return params.account().isEmpty() ? params.issuer() : params.issuer() + " (" + params.account() + ")";
    }

    @Override
    public void close() {
        secret.close();
    }
}
