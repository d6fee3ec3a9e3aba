package org.tokenbench.core.driver;

import java.util.List;

import org.osgi.annotation.versioning.ConsumerType;
import org.tokenbench.core.TokenException;

/** A session feature: the certificates a key holds, exported as DER (reading them needs no PIN). */
@ConsumerType
public interface Certificates {

    enum Usage {
        SIGNING, ENCRYPTION
    }

    /**
     * @param container where the key holds it (an SKF container, a PKCS#11 label)
     * @param der       the certificate as the key stores it: not parsed, so a broken one can be diagnosed
     */
    record Entry(String container, Usage usage, byte[] der) {
        public Entry {
            der = der.clone();
        }

        @Override
        public byte[] der() {
            return der.clone();
        }
    }

    List<Entry> certificates() throws TokenException;
}
