package org.tokenbench.driver.guomi.internal;

import java.io.ByteArrayInputStream;
import java.security.GeneralSecurityException;
import java.security.Provider;
import java.security.cert.CertPath;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertStore;
import java.security.cert.CertificateFactory;
import java.security.cert.CollectionCertStoreParameters;
import java.security.cert.PKIXParameters;
import java.security.cert.PKIXReason;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.x509.Certificate;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.ParametersWithID;
import org.bouncycastle.crypto.signers.SM2Signer;
import org.bouncycastle.crypto.util.PublicKeyFactory;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.tokenbench.core.TokenException;

/**
 * Checks a key's certificate the way a relying party does: RFC 5280 path validation (Bouncy Castle's PKIX, which
 * knows SM3withSM2) from the key's certificate through the intermediates in the user's PEM bundle to a CA in it, plus
 * what PKIX leaves to the caller: the trust anchor itself must be a CA allowed to sign certificates and valid now, and
 * the key's certificate must allow signing (a logon is a signature). Revocation is checked only against CRLs the user
 * gives; otherwise the result says it was not checked.
 */
public final class CertificateChain {

    /** Deeper chains than this are not built: real Guomi PKIs have one or two intermediates. */
    private static final int MAX_DEPTH = 8;
    private static final int KEY_CERT_SIGN = 5;
    private static final int DIGITAL_SIGNATURE = 0;

    /**
     * @param anchor        subject of the CA the chain ends at
     * @param intermediates how many certificates lie between the key's and the anchor
     * @param revocation    "not revoked (CRL of …)" or why it was not checked
     */
    public record Outcome(String anchor, int intermediates, String revocation) {
        /** In the JVM's language as it is now. */
        public String describe() {
            return intermediates == 0 ? DeviceChecklist.TEXTS.get("chain.issuedBy", anchor, revocation)
                    : DeviceChecklist.TEXTS.get("chain.issuedThrough", anchor, intermediates, revocation);
        }
    }

    private final Provider bc = new BouncyCastleProvider();

    public Outcome check(byte[] leafDer, byte[] caBundle, Optional<byte[]> crls, Instant at) throws TokenException {
        X509Certificate leaf = certificates(leafDer, GuomiProblem.CERTIFICATE_NOT_CHAINED, "the key's certificate").get(0);
        List<X509Certificate> bundle = certificates(caBundle, GuomiProblem.CA_UNREADABLE, "the CA file");
        checkMaySign(leaf);
        List<X509Certificate> path = new ArrayList<>();
        X509Certificate anchor = buildPath(leaf, bundle, path);
        // PKIX reports these with reasons Bouncy Castle leaves unspecified: checked first, each with its own code.
        for (X509Certificate ca : path.subList(1, path.size())) {
            checkIsCa(ca, at, "intermediate CA ");
        }
        checkIsCa(anchor, at, "the issuer ");
        List<X509CRL> revocationLists = crls.isPresent() ? revocationLists(crls.get()) : List.of();
        checkNotRevoked(path, revocationLists);
        validate(path, anchor, revocationLists, at);
        String revocation = revocationLists.isEmpty() ? DeviceChecklist.TEXTS.get("chain.revocation.unchecked")
                : DeviceChecklist.TEXTS.get("chain.revocation.checked", revocationLists.size());
        return new Outcome(anchor.getSubjectX500Principal().getName(), path.size() - 1, revocation);
    }

    /** leaf → intermediates (into {@code path}, the leaf first); returns the bundle's CA the last one was issued by. */
    private static X509Certificate buildPath(X509Certificate leaf, List<X509Certificate> bundle, List<X509Certificate> path)
            throws TokenException {
        X509Certificate current = leaf;
        path.add(leaf);
        while (path.size() <= MAX_DEPTH) {
            X509Certificate issuer = null;
            for (X509Certificate candidate : bundle) {
                if (candidate.getSubjectX500Principal().equals(current.getIssuerX500Principal()) && !path.contains(candidate)) {
                    // Prefer a self-signed (root) certificate as the anchor; otherwise go on up through the bundle.
                    if (issuer == null || selfIssued(candidate)) {
                        issuer = candidate;
                    }
                }
            }
            if (issuer == null) {
                throw GuomiProblem.CERTIFICATE_NOT_CHAINED.failure("the certificate "
                        + (current == leaf ? "" : "of intermediate CA " + current.getSubjectX500Principal().getName() + " ")
                        + "was issued by " + current.getIssuerX500Principal().getName()
                        + ", which is not in the CA file given");
            }
            if (selfIssued(issuer) || !hasIssuerIn(issuer, bundle, path)) {
                return issuer;
            }
            path.add(issuer);
            current = issuer;
        }
        throw GuomiProblem.CERTIFICATE_NOT_CHAINED.failure("the chain is longer than " + MAX_DEPTH + " certificates");
    }

    private static boolean hasIssuerIn(X509Certificate cert, List<X509Certificate> bundle, List<X509Certificate> path) {
        return bundle.stream().anyMatch(c -> c != cert && !path.contains(c)
                && c.getSubjectX500Principal().equals(cert.getIssuerX500Principal()));
    }

    private static boolean selfIssued(X509Certificate cert) {
        return cert.getSubjectX500Principal().equals(cert.getIssuerX500Principal());
    }

    /** PKIX checks nothing of the trust anchor; a relying party must not trust a non-CA or an expired CA. */
    private static void checkIsCa(X509Certificate ca, Instant at, String role) throws TokenException {
        String name = role + ca.getSubjectX500Principal().getName();
        if (ca.getBasicConstraints() < 0) {
            throw GuomiProblem.ISSUER_NOT_A_CA.failure(name + " is not a CA (its basicConstraints say CA:FALSE or are missing)");
        }
        boolean[] usage = ca.getKeyUsage();
        if (usage != null && !usage[KEY_CERT_SIGN]) {
            throw GuomiProblem.ISSUER_NOT_A_CA.failure(name + " may not sign certificates (no keyCertSign key usage)");
        }
        if (at.isAfter(ca.getNotAfter().toInstant()) || at.isBefore(ca.getNotBefore().toInstant())) {
            throw GuomiProblem.ISSUER_NOT_VALID.failure(name + " is valid only from " + ca.getNotBefore().toInstant() + " to "
                    + ca.getNotAfter().toInstant());
        }
    }

    /** A listed serial is revoked whatever else PKIX says; PKIX then checks the lists' own signatures and dates. */
    private static void checkNotRevoked(List<X509Certificate> path, List<X509CRL> crls) throws TokenException {
        for (X509Certificate cert : path) {
            for (X509CRL crl : crls) {
                if (crl.getIssuerX500Principal().equals(cert.getIssuerX500Principal()) && crl.isRevoked(cert)) {
                    String which = cert == path.get(0) ? "the key's certificate" : "intermediate CA " + cert.getSubjectX500Principal().getName();
                    throw GuomiProblem.CERTIFICATE_REVOKED.failure(which + " (serial " + cert.getSerialNumber().toString(16)
                            + ") is on the revocation list of " + crl.getIssuerX500Principal().getName() + " since "
                            + crl.getRevokedCertificate(cert).getRevocationDate().toInstant());
                }
            }
        }
    }

    private static void checkMaySign(X509Certificate leaf) throws TokenException {
        boolean[] usage = leaf.getKeyUsage();
        if (usage != null && !usage[DIGITAL_SIGNATURE]) {
            throw GuomiProblem.KEY_MAY_NOT_SIGN.failure("the certificate's key usage does not include digitalSignature, so a "
                    + "logon signature made with it is rejected by relying parties");
        }
    }

    private void validate(List<X509Certificate> path, X509Certificate anchor, List<X509CRL> crls, Instant at) throws TokenException {
        try {
            CertPath certPath = CertificateFactory.getInstance("X.509", bc).generateCertPath(path);
            PKIXParameters parameters = new PKIXParameters(Set.of(new TrustAnchor(anchor, null)));
            parameters.setDate(Date.from(at));
            parameters.setRevocationEnabled(!crls.isEmpty());
            if (!crls.isEmpty()) {
                parameters.addCertStore(CertStore.getInstance("Collection", new CollectionCertStoreParameters(crls), bc));
            }
            CertPathValidator.getInstance("PKIX", bc).validate(certPath, parameters);
        } catch (CertPathValidatorException e) {
            throw explain(e, path, anchor);
        } catch (GeneralSecurityException e) {
            throw GuomiProblem.CERTIFICATE_NOT_CHAINED.failure("the chain cannot be checked (" + e.getMessage() + ")");
        }
    }

    private TokenException explain(CertPathValidatorException e, List<X509Certificate> path, X509Certificate anchor) {
        int index = e.getIndex();
        X509Certificate at = index >= 0 && index < path.size() ? path.get(index) : path.get(0);
        X509Certificate issuer = index + 1 < path.size() ? path.get(index + 1) : anchor;
        String which = at == path.get(0) ? "the key's certificate" : "intermediate CA " + at.getSubjectX500Principal().getName();
        if (e.getReason() == CertPathValidatorException.BasicReason.REVOKED) {
            return GuomiProblem.CERTIFICATE_REVOKED.failure(which + " is revoked (" + e.getMessage() + ")");
        }
        if (e.getReason() == PKIXReason.NOT_CA_CERT || e.getReason() == PKIXReason.INVALID_KEY_USAGE) {
            return GuomiProblem.ISSUER_NOT_A_CA.failure(which + " is not allowed to issue certificates (" + e.getMessage() + ")");
        }
        if (e.getReason() == CertPathValidatorException.BasicReason.EXPIRED
                || e.getReason() == CertPathValidatorException.BasicReason.NOT_YET_VALID) {
            return (at == path.get(0) ? GuomiProblem.CERTIFICATE_EXPIRED : GuomiProblem.ISSUER_NOT_VALID).failure(which
                    + " is outside its validity (" + e.getMessage() + ")");
        }
        if (signedWithEmptyId(at, issuer)) {
            return GuomiProblem.SIGNED_WITH_EMPTY_SM2_ID.failure(which + " was signed with an empty SM2 signer ID instead of the "
                    + "standard 1234567812345678 (OpenSSL 3 does this unless told -sigopt distid:1234567812345678)");
        }
        return GuomiProblem.CERTIFICATE_NOT_CHAINED.failure(which + " does not verify against "
                + issuer.getSubjectX500Principal().getName() + " (" + e.getMessage() + ")");
    }

    /** Verifies the certificate's SM2 signature with an empty ID: true means the issuer used a non-standard ID. */
    private static boolean signedWithEmptyId(X509Certificate cert, X509Certificate issuer) {
        try {
            Certificate parsed = Certificate.getInstance(cert.getEncoded());
            AsymmetricKeyParameter key = PublicKeyFactory.createKey(issuer.getPublicKey().getEncoded());
            SM2Signer signer = new SM2Signer();
            signer.init(false, new ParametersWithID(key, new byte[0]));
            byte[] tbs = parsed.getTBSCertificate().getEncoded(ASN1Encoding.DER);
            signer.update(tbs, 0, tbs.length);
            return signer.verifySignature(parsed.getSignature().getOctets());
        } catch (Exception notSm2) {
            return false;  // not an SM2 key or signature: the ordinary "does not verify" applies
        }
    }

    private List<X509Certificate> certificates(byte[] derOrPem, GuomiProblem problem, String what) throws TokenException {
        try {
            Collection<? extends java.security.cert.Certificate> read = CertificateFactory.getInstance("X.509", bc)
                    .generateCertificates(new ByteArrayInputStream(derOrPem));
            List<X509Certificate> certificates = read.stream().map(X509Certificate.class::cast).toList();
            if (certificates.isEmpty()) {
                throw problem.failure(what + " holds no certificate (DER, or PEM with BEGIN/END CERTIFICATE lines)");
            }
            return certificates;
        } catch (GeneralSecurityException | RuntimeException e) {
            throw problem.failure(what + " is not an X.509 certificate (DER, or PEM with BEGIN/END CERTIFICATE lines)");
        }
    }

    private List<X509CRL> revocationLists(byte[] derOrPem) throws TokenException {
        try {
            List<X509CRL> crls = CertificateFactory.getInstance("X.509", bc).generateCRLs(new ByteArrayInputStream(derOrPem)).stream()
                    .map(X509CRL.class::cast).toList();
            if (crls.isEmpty()) {
                throw GuomiProblem.CRL_UNREADABLE.failure("the CRL file holds no revocation list");
            }
            return crls;
        } catch (GeneralSecurityException | RuntimeException e) {
            throw GuomiProblem.CRL_UNREADABLE.failure("the CRL file is not an X.509 CRL (DER, or PEM with BEGIN/END X509 CRL lines)");
        }
    }
}
