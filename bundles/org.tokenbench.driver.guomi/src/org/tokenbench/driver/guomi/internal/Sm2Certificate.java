package org.tokenbench.driver.guomi.internal;

import java.io.IOException;
import java.time.Instant;
import java.util.Arrays;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.gm.GMObjectIdentifiers;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.cert.X509CertificateHolder;
import org.tokenbench.core.TokenException;

/**
 * An SM2 certificate read from a key, parsed with Bouncy Castle: a certificate that does not parse is the
 * console's "certificate parsing error" (0x21210001), with the reason; checks its validity today (the chain to a CA
 * is {@link CertificateChain}'s).
 */
public final class Sm2Certificate {

    private final X509CertificateHolder holder;
    private final byte[] x;
    private final byte[] y;

    private Sm2Certificate(X509CertificateHolder holder, byte[] x, byte[] y) {
        this.holder = holder;
        this.x = x;
        this.y = y;
    }

    public static Sm2Certificate parse(byte[] der) throws TokenException {
        X509CertificateHolder holder;
        try {
            holder = new X509CertificateHolder(der);
        } catch (IOException | RuntimeException e) {
            throw new TokenException(GuomiProblem.CERTIFICATE_PARSING_ERROR, "the certificate on the key does not parse as X.509 ("
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()) + ")", e);
        }
        SubjectPublicKeyInfo key = holder.getSubjectPublicKeyInfo();
        ASN1ObjectIdentifier curve = key.getAlgorithm().getParameters() instanceof ASN1ObjectIdentifier oid ? oid : null;
        byte[] point = key.getPublicKeyData().getBytes();
        if (!X9ObjectIdentifiers.id_ecPublicKey.equals(key.getAlgorithm().getAlgorithm()) || !GMObjectIdentifiers.sm2p256v1.equals(curve)
                || point.length != 65 || point[0] != 4) {
            throw GuomiProblem.NOT_SM2.failure("the certificate's key is " + key.getAlgorithm().getAlgorithm()
                    + (curve == null ? "" : " on curve " + curve) + ", not SM2 (1.2.156.10197.1.301)");
        }
        return new Sm2Certificate(holder, Arrays.copyOfRange(point, 1, 33), Arrays.copyOfRange(point, 33, 65));
    }

    public String subject() {
        return holder.getSubject().toString();
    }

    public String issuer() {
        return holder.getIssuer().toString();
    }

    public String serialNumber() {
        return holder.getSerialNumber().toString(16).toUpperCase(java.util.Locale.ROOT);
    }

    public Instant notBefore() {
        return holder.getNotBefore().toInstant();
    }

    public Instant notAfter() {
        return holder.getNotAfter().toInstant();
    }

    public String signatureAlgorithm() {
        ASN1ObjectIdentifier oid = holder.getSignatureAlgorithm().getAlgorithm();
        return GMObjectIdentifiers.sm2sign_with_sm3.equals(oid) ? "SM3withSM2" : oid.getId();
    }

    /** The public key's affine coordinates, 32 bytes each. */
    public byte[] publicX() {
        return x.clone();
    }

    public byte[] publicY() {
        return y.clone();
    }

    public void checkValidAt(Instant now) throws TokenException {
        if (now.isAfter(notAfter())) {
            throw GuomiProblem.CERTIFICATE_EXPIRED.failure("the certificate expired on " + notAfter());
        }
        if (now.isBefore(notBefore())) {
            throw GuomiProblem.CERTIFICATE_NOT_YET_VALID.failure("the certificate is valid only from " + notBefore());
        }
    }

    @Override
    public String toString() {
        return subject() + " (serial " + serialNumber() + ", valid " + notBefore() + " to " + notAfter() + ")";
    }
}
