package org.tokenbench.driver.guomi.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Provider;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import org.bouncycastle.asn1.gm.GMObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.crypto.params.ParametersWithID;
import org.bouncycastle.crypto.signers.SM2Signer;
import org.bouncycastle.crypto.util.PrivateKeyFactory;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.Test;
import org.tokenbench.core.TokenException;
import org.tokenbench.driver.guomi.internal.CertificateChain;

/**
 * RFC 5280 path validation of SM2 certificates as a relying party does it, with chains Bouncy Castle makes here: what
 * {@code openssl verify} rejects is rejected with its own code, what it accepts passes with what was and was not
 * checked.
 */
class CertificateChainTest {

    private static final Provider BC = new BouncyCastleProvider();
    private static final Instant NOW = Instant.now();
    private static final AtomicLong SERIALS = new AtomicLong(1000);

    private record Issued(KeyPair keys, X509CertificateHolder certificate) {
        X500Name name() {
            return certificate.getSubject();
        }
    }

    private static KeyPair sm2Keys() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", BC);
        generator.initialize(new ECGenParameterSpec("sm2p256v1"));
        return generator.generateKeyPair();
    }

    private static ContentSigner standardSigner(KeyPair issuer) throws Exception {
        return new JcaContentSignerBuilder("SM3withSM2").setProvider(BC).build(issuer.getPrivate());
    }

    /** What OpenSSL 3 does without -sigopt distid: SM3withSM2 over an empty signer ID. */
    private static ContentSigner emptyIdSigner(KeyPair issuer) throws Exception {
        SM2Signer sm2 = new SM2Signer();
        sm2.init(true, new ParametersWithID(PrivateKeyFactory.createKey(issuer.getPrivate().getEncoded()), new byte[0]));
        ByteArrayOutputStream tbs = new ByteArrayOutputStream();
        return new ContentSigner() {
            @Override
            public AlgorithmIdentifier getAlgorithmIdentifier() {
                return new AlgorithmIdentifier(GMObjectIdentifiers.sm2sign_with_sm3);
            }

            @Override
            public OutputStream getOutputStream() {
                return tbs;
            }

            @Override
            public byte[] getSignature() {
                byte[] data = tbs.toByteArray();
                sm2.update(data, 0, data.length);
                try {
                    return sm2.generateSignature();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
        };
    }

    private static Issued issue(String cn, Issued issuer, boolean ca, int keyUsage, Instant from, Instant until, boolean emptyId)
            throws Exception {
        KeyPair keys = sm2Keys();
        X500Name subject = new X500Name("CN=" + cn + ",O=TokenBench Test");
        X500Name issuerName = issuer == null ? subject : issuer.name();
        JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuerName, BigInteger.valueOf(SERIALS.incrementAndGet()),
                Date.from(from), Date.from(until), subject, keys.getPublic());
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
        builder.addExtension(Extension.keyUsage, true, new KeyUsage(keyUsage));
        KeyPair signing = issuer == null ? keys : issuer.keys();
        return new Issued(keys, builder.build(emptyId ? emptyIdSigner(signing) : standardSigner(signing)));
    }

    private static Issued root(String cn) throws Exception {
        return issue(cn, null, true, KeyUsage.keyCertSign | KeyUsage.cRLSign, NOW.minus(Duration.ofDays(30)), NOW.plus(Duration.ofDays(3650)), false);
    }

    private static Issued intermediate(String cn, Issued issuer) throws Exception {
        return issue(cn, issuer, true, KeyUsage.keyCertSign | KeyUsage.cRLSign, NOW.minus(Duration.ofDays(10)), NOW.plus(Duration.ofDays(1000)), false);
    }

    private static Issued leaf(Issued issuer) throws Exception {
        return issue("Zhang San", issuer, false, KeyUsage.digitalSignature | KeyUsage.nonRepudiation, NOW.minus(Duration.ofDays(1)),
                NOW.plus(Duration.ofDays(365)), false);
    }

    private static byte[] pem(Issued... certificates) throws Exception {
        StringBuilder text = new StringBuilder("Certificates from the CA's download page\n");
        for (Issued c : certificates) {
            text.append("-----BEGIN CERTIFICATE-----\n").append(Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(c.certificate().getEncoded()))
                    .append("\n-----END CERTIFICATE-----\n");
        }
        return text.toString().getBytes(StandardCharsets.US_ASCII);
    }

    private static CertificateChain.Outcome check(Issued leaf, byte[] bundle, Optional<byte[]> crl) throws Exception {
        return new CertificateChain().check(leaf.certificate().getEncoded(), bundle, crl, NOW);
    }

    private static void assertRefused(String code, String message, Issued leaf, byte[] bundle) {
        TokenException e = assertThrows(TokenException.class, () -> check(leaf, bundle, Optional.empty()));
        assertEquals(code, e.code().toString(), e.getMessage());
        assertTrue(e.getMessage().contains(message), e.getMessage());
    }

    @Test
    void aChainThroughAnIntermediateInTheBundlePassesAndSaysRevocationWasNotChecked() throws Exception {
        Issued root = root("Guomi Root CA");
        Issued sub = intermediate("Guomi Issuing CA", root);
        CertificateChain.Outcome outcome = check(leaf(sub), pem(sub, root), Optional.empty());
        assertEquals(1, outcome.intermediates());
        assertTrue(outcome.anchor().contains("CN=Guomi Root CA"), outcome.anchor());
        assertEquals("revocation not checked (no CRL given)", outcome.revocation());
    }

    @Test
    void anIssuerWithCaFalseIsNoCaEvenWhenItsSignatureVerifies() throws Exception {
        Issued notCa = issue("Some Person", root("Guomi Root CA"), false, KeyUsage.digitalSignature, NOW.minus(Duration.ofDays(5)),
                NOW.plus(Duration.ofDays(50)), false);
        assertRefused("guomi:0x0021", "the issuer O=TokenBench Test,CN=Some Person is not a CA", leaf(notCa), pem(notCa));
    }

    @Test
    void anExpiredCaIsRefused() throws Exception {
        Issued expired = issue("Old Root CA", null, true, KeyUsage.keyCertSign, NOW.minus(Duration.ofDays(800)), NOW.minus(Duration.ofDays(2)), false);
        assertRefused("guomi:0x0022", "is valid only from", leaf(expired), pem(expired));
    }

    @Test
    void anIntermediateThatIsNoCaBreaksThePath() throws Exception {
        Issued root = root("Guomi Root CA");
        Issued fakeSub = issue("Not An Issuing CA", root, false, KeyUsage.digitalSignature, NOW.minus(Duration.ofDays(5)),
                NOW.plus(Duration.ofDays(50)), false);
        assertRefused("guomi:0x0021", "intermediate CA O=TokenBench Test,CN=Not An Issuing CA is not a CA", leaf(fakeSub), pem(fakeSub, root));
    }

    @Test
    void aCertificateThatMayNotSignIsRefused() throws Exception {
        Issued root = root("Guomi Root CA");
        Issued encryptionOnly = issue("Zhang San", root, false, KeyUsage.keyEncipherment | KeyUsage.dataEncipherment,
                NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(365)), false);
        assertRefused("guomi:0x0023", "does not include digitalSignature", encryptionOnly, pem(root));
    }

    @Test
    void aMissingIntermediateIsNamed() throws Exception {
        Issued root = root("Guomi Root CA");
        Issued sub = intermediate("Guomi Issuing CA", root);
        assertRefused("guomi:0x000B", "CN=Guomi Issuing CA, which is not in the CA file given", leaf(sub), pem(root));
    }

    @Test
    void aSignatureWithTheEmptySm2IdIsDiagnosedAsSuch() throws Exception {
        Issued root = root("OpenSSL 3 Root");
        Issued openSslLeaf = issue("Zhang San", root, false, KeyUsage.digitalSignature, NOW.minus(Duration.ofDays(1)),
                NOW.plus(Duration.ofDays(365)), true);
        assertRefused("guomi:0x0020", "empty SM2 signer ID", openSslLeaf, pem(root));
    }

    @Test
    void aRevokedCertificateIsFoundInTheCrlGiven() throws Exception {
        Issued root = root("Guomi Root CA");
        Issued revoked = leaf(root);
        Issued fine = leaf(root);
        X509v2CRLBuilder crl = new X509v2CRLBuilder(root.name(), Date.from(NOW.minus(Duration.ofHours(1))));
        crl.setNextUpdate(Date.from(NOW.plus(Duration.ofDays(7))));
        crl.addCRLEntry(revoked.certificate().getSerialNumber(), Date.from(NOW.minus(Duration.ofMinutes(30))), CRLReason.keyCompromise);
        byte[] crlDer = crl.build(standardSigner(root.keys())).getEncoded();

        TokenException e = assertThrows(TokenException.class, () -> check(revoked, pem(root), Optional.of(crlDer)));
        assertEquals("guomi:0x0024", e.code().toString(), e.getMessage());
        assertTrue(e.getMessage().startsWith("the key's certificate (serial " + revoked.certificate().getSerialNumber().toString(16)
                + ") is on the revocation list of"), e.getMessage());
        assertEquals("not revoked (checked against 1 CRL)", check(fine, pem(root), Optional.of(crlDer)).revocation());
    }

    @Test
    void anUnreadableCrlIsSaidAsSuch() throws Exception {
        Issued root = root("Guomi Root CA");
        TokenException e = assertThrows(TokenException.class, () -> check(leaf(root), pem(root), Optional.of("<html>".getBytes())));
        assertEquals("guomi:0x0025", e.code().toString(), e.getMessage());
    }
}
