package org.tokenbench.driver.guomi.internal;

import java.security.SecureRandom;
import java.util.Arrays;

import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.tokenbench.core.TokenException;
import org.tokenbench.skf.SkfException;
import org.tokenbench.skf.SkfProblem;
import org.tokenbench.skf.SkfContainer;
import org.tokenbench.skf.SkfDevice;

/**
 * What a cloud console does at logon, done ahead of time: a random challenge, SM3 with the SM2 Z-value computed
 * by the key, an SM2 signature by the key, and verification in Java with Bouncy Castle against the public key in
 * the key's certificate. Each stage that disagrees fails with the reason, so "signature verification failed"
 * at the console can be traced before the user tries to log on. Needs the user PIN verified first.
 */
public final class LogonRehearsal {

    private static final SecureRandom RANDOM = new SecureRandom();

    /** The challenge signed, the key's hash of it, and the signature (r‖s) that verified. */
    public record Result(byte[] challenge, byte[] hash, byte[] signature) {
    }

    private LogonRehearsal() {
    }

    public static Result run(SkfDevice device, SkfContainer container, Sm2Certificate certificate, byte[] id) throws TokenException {
        byte[] blob = container.publicKeyBlob(true);
        byte[] x = Arrays.copyOfRange(blob, 4 + 32, 4 + 64);
        byte[] y = Arrays.copyOfRange(blob, 68 + 32, 68 + 64);
        if (!Arrays.equals(x, certificate.publicX()) || !Arrays.equals(y, certificate.publicY())) {
            throw GuomiProblem.CERTIFICATE_KEY_MISMATCH.failure("the signing key in container " + container.name()
                    + " is not the key in its certificate");
        }
        ECPublicKeyParameters key;
        try {
            key = Sm2.publicKey(x, y);
        } catch (IllegalArgumentException e) {
            throw new SkfException(SkfProblem.MALFORMED_ANSWER, "the key's public key is not a point on the SM2 curve");
        }
        byte[] challenge = new byte[32];
        RANDOM.nextBytes(challenge);
        byte[] hash = device.sm3WithZ(blob, id, challenge);
        byte[] expected = Sm2.hashWithZ(x, y, id, challenge);
        if (!Arrays.equals(hash, expected)) {
            throw GuomiProblem.SIGNATURE_INVALID.failure("the key's SM3(Z‖M) differs from the value computed in Java: "
                    + "the vendor library hashes without the Z-value or with another ID");
        }
        byte[] signature = container.sign(hash);
        if (!Sm2.verify(key, id, challenge, signature)) {
            throw GuomiProblem.SIGNATURE_INVALID.failure("the key's signature over the challenge does not verify with its certificate");
        }
        return new Result(challenge, hash, signature);
    }
}
