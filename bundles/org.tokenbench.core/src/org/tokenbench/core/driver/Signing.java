package org.tokenbench.core.driver;

import org.osgi.annotation.versioning.ConsumerType;
import org.tokenbench.core.TokenException;

/**
 * A session feature: the key signs a message as a logon does. Needs the PIN verified first through
 * {@link PinGuard}.
 */
@ConsumerType
public interface Signing {

    /**
     * @param algorithm the scheme used, e.g. {@code SM3withSM2} (SM2 with the Z-value of the default ID)
     * @param signature the signature as DER, verifiable with the certificate's public key
     */
    record Signature(String algorithm, byte[] signature) {
        public Signature {
            signature = signature.clone();
        }

        @Override
        public byte[] signature() {
            return signature.clone();
        }
    }

    Signature sign(String container, byte[] message) throws TokenException;
}
