package org.tokenbench.driver.guomi.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.gm.GMObjectIdentifiers;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.cert.CertException;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.tokenbench.core.TokenException;

/**
 * An SM2 certificate read from a key, parsed with Bouncy Castle: a certificate that does not parse is the
 * console's "certificate parsing error" (0x21210001), with the reason; checks for validity today and issuance
 * by a CA the user supplies.
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

    /** A CA certificate file the user supplies, DER or PEM. */
    public static Sm2Certificate readCa(byte[] derOrPem) throws TokenException {
        byte[] der = derOrPem;
        String text = new String(derOrPem, StandardCharsets.US_ASCII);
        int begin = text.indexOf("-----BEGIN CERTIFICATE-----");
        if (begin >= 0) {
            int end = text.indexOf("-----END CERTIFICATE-----", begin);
            if (end < 0) {
                throw GuomiProblem.CA_UNREADABLE.failure("the PEM CA certificate has no END line");
            }
            try {
                der = Base64.getMimeDecoder().decode(text.substring(begin + 27, end));
            } catch (IllegalArgumentException e) {
                throw GuomiProblem.CA_UNREADABLE.failure("the PEM CA certificate is not valid Base64");
            }
        }
        try {
            return parse(der);
        } catch (TokenException e) {
            // parse() speaks of the key's certificate; here the user's CA file is at fault.
            throw GuomiProblem.CA_UNREADABLE.failure(e.code().equals(GuomiProblem.CERTIFICATE_PARSING_ERROR)
                    ? "the CA certificate file is not an X.509 certificate (DER, or PEM with BEGIN/END CERTIFICATE lines)"
                    : "the CA certificate cannot be used: " + e.getMessage());
        }
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

    /** Checks the issuer name and the SM3withSM2 signature (default ID) against the CA's key. */
    public void checkIssuedBy(Sm2Certificate ca) throws TokenException {
        if (!holder.getIssuer().equals(ca.holder.getSubject())) {
            throw GuomiProblem.CERTIFICATE_NOT_CHAINED.failure("the certificate was issued by " + issuer()
                    + ", not by the CA given (" + ca.subject() + ")");
        }
        try {
            if (!holder.isSignatureValid(new JcaContentVerifierProviderBuilder().setProvider(new BouncyCastleProvider()).build(ca.holder))) {
                throw GuomiProblem.CERTIFICATE_NOT_CHAINED.failure("the certificate's signature does not verify with the CA's key");
            }
        } catch (CertException | OperatorCreationException | java.security.cert.CertificateException e) {
            throw GuomiProblem.CERTIFICATE_NOT_CHAINED.failure("the certificate's signature cannot be checked ("
                    + e.getMessage() + ")");
        }
    }

    @Override
    public String toString() {
        return subject() + " (serial " + serialNumber() + ", valid " + notBefore() + " to " + notAfter() + ")";
    }
}
