package org.tokenbench.driver.guomi.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.crypto.params.ParametersWithID;
import org.bouncycastle.crypto.signers.SM2Signer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tokenbench.core.Secret;
import org.tokenbench.core.TokenException;
import org.tokenbench.core.driver.Certificates;
import org.tokenbench.core.driver.DeviceDetails;
import org.tokenbench.core.driver.DriverRegistry;
import org.tokenbench.core.driver.PinGuard;
import org.tokenbench.core.driver.PinStatus;
import org.tokenbench.core.driver.PinType;
import org.tokenbench.core.driver.PinVerifier;
import org.tokenbench.core.driver.Signing;
import org.tokenbench.core.driver.TokenDriver;
import org.tokenbench.core.driver.TokenSession;
import org.tokenbench.driver.guomi.internal.GuomiDriver;
import org.tokenbench.driver.guomi.internal.Sm2;
import org.tokenbench.skf.SkfConnection;
import org.tokenbench.skf.SkfException;
import org.tokenbench.testing.OsgiServices;
import org.tokenbench.testing.ScriptedInteraction;
import org.tokenbench.testing.skf.SoftSkf;

/**
 * The driver's session features against the soft key: PINs only through PinGuard (one try per request, never a
 * locked PIN, never the last try unconfirmed; counted by the key itself), details, certificates and signatures.
 */
class GuomiSessionTest {

    @TempDir
    Path dir;

    private interface WithSession {
        void run(TokenSession session, PinGuard guard) throws Exception;
    }

    private static void withSession(SoftSkf key, WithSession body) throws Exception {
        try (SkfConnection connection = SoftKeys.connect(key); TokenSession session = new GuomiDriver().open(connection, new ScriptedInteraction(false))) {
            body.run(session, PinGuard.of(session.feature(PinVerifier.class).orElseThrow()));
        }
    }

    @Test
    void aWrongPinCostsExactlyOneTryAndIsNotRetried() throws Exception {
        SoftSkf key = SoftKeys.fresh(dir, Map.of());
        ScriptedInteraction user = new ScriptedInteraction(true);
        withSession(key, (session, guard) -> {
            try (Secret wrong = SoftKeys.pin("11112222")) {
                TokenException e = assertThrows(TokenException.class, () -> guard.verify(PinType.USER, wrong, user));
                assertEquals("skf:0x0A000024", e.code().toString());
                assertTrue(e.getMessage().contains("5 of 6 tries left") && e.getMessage().contains("does not try again"), e.getMessage());
            }
        });
        assertEquals("5", key.state("user_remain"), "the key counted exactly one wrong PIN");
        assertTrue(user.questions.isEmpty(), "no confirmation is needed with tries to spare");
    }

    @Test
    void aLockedPinIsReportedWithoutTryingIt() throws Exception {
        SoftSkf key = SoftKeys.fresh(dir, Map.of("user_remain", "0"));
        // Were SKF_VerifyPIN called, it would answer SAR_FAIL instead of the locked state read beforehand.
        key.faults("fail SKF_VerifyPIN * 0A000001");
        withSession(key, (session, guard) -> {
            try (Secret right = SoftKeys.pin(SoftKeys.USER_PIN)) {
                TokenException e = assertThrows(TokenException.class, () -> guard.verify(PinType.USER, right, new ScriptedInteraction(true)));
                assertEquals("skf:0x0A000025", e.code().toString());
                assertTrue(e.getMessage().contains("did not try it"), e.getMessage());
            }
        });
        assertEquals("0", key.state("user_remain"));
    }

    @Test
    void theLastTryIsSpentOnlyAfterConfirmation() throws Exception {
        SoftSkf key = SoftKeys.fresh(dir, Map.of("user_remain", "1"));
        withSession(key, (session, guard) -> {
            try (Secret right = SoftKeys.pin(SoftKeys.USER_PIN)) {
                ScriptedInteraction declines = new ScriptedInteraction(false);
                TokenException e = assertThrows(TokenException.class, () -> guard.verify(PinType.USER, right, declines));
                assertEquals(PinGuard.LAST_TRY_NOT_CONFIRMED, e.code());
                assertEquals(1, declines.questions.size());
                assertTrue(declines.questions.get(0).contains("Only 1 try"), declines.questions.get(0));
                assertEquals("1", key.state("user_remain"), "declined: nothing tried");

                PinStatus after = guard.verify(PinType.USER, right, new ScriptedInteraction(true));
                assertEquals(6, after.triesLeft(), "a correct PIN resets the counter");
            }
        });
    }

    @Test
    void aWrongPinOnTheLastTryLocksAndSaysSo() throws Exception {
        SoftSkf key = SoftKeys.fresh(dir, Map.of("user_remain", "1"));
        withSession(key, (session, guard) -> {
            try (Secret wrong = SoftKeys.pin("99990000")) {
                TokenException e = assertThrows(TokenException.class, () -> guard.verify(PinType.USER, wrong, new ScriptedInteraction(true)));
                assertEquals("skf:0x0A000025", e.code().toString());
                assertTrue(e.getMessage().contains("now locked"), e.getMessage());
            }
        });
        assertEquals("0", key.state("user_remain"));
    }

    @Test
    void removalDuringVerificationIsReportedAsRemoval() throws Exception {
        SoftSkf key = SoftKeys.fresh(dir, Map.of());
        key.faults("remove SKF_VerifyPIN 1");
        withSession(key, (session, guard) -> {
            try (Secret right = SoftKeys.pin(SoftKeys.USER_PIN)) {
                TokenException e = assertThrows(TokenException.class, () -> guard.verify(PinType.USER, right, new ScriptedInteraction(true)));
                assertTrue(SkfException.isRemoval(e), e.toString());
            }
        });
        assertEquals("6", key.state("user_remain"), "nothing half-recorded: the counter is untouched");
    }

    @Test
    void detailsAndCertificatesCostNoPin() throws Exception {
        SoftSkf key = SoftKeys.fresh(dir, Map.of("serial", "DETAILS-01", "label", "Key D"));
        key.faults("fail SKF_VerifyPIN * 0A000001");
        withSession(key, (session, guard) -> {
            Map<String, String> details = session.feature(DeviceDetails.class).orElseThrow().details();
            assertEquals("Key D", details.get("label"));
            assertEquals("TokenBench SoftSKF", details.get("manufacturer"));
            assertEquals("DETAILS-01", details.get("serial"));
            assertEquals("3.1", details.get("firmware"));
            assertEquals("40960 of 65536 bytes", details.get("free space"));
            List<Certificates.Entry> certificates = session.feature(Certificates.class).orElseThrow().certificates();
            assertEquals(1, certificates.size(), "the soft key holds a signing certificate only");
            assertEquals(Certificates.Usage.SIGNING, certificates.get(0).usage());
            assertEquals("SM2SignContainer", certificates.get(0).container());
            assertTrue(new X509CertificateHolder(certificates.get(0).der()).getSubject().toString().contains("Key D"));
        });
        assertEquals("6", key.state("user_remain"));
    }

    @Test
    void detailsAreShownInTheUsersLanguageWhileTheirIdsAndWordsForMachinesStayEnglish() throws Exception {
        SoftSkf key = SoftKeys.fresh(dir, Map.of("serial", "DETAILS-02", "label", "Key E"));
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.SIMPLIFIED_CHINESE);
            withSession(key, (session, guard) -> {
                DeviceDetails details = session.feature(DeviceDetails.class).orElseThrow();
                assertEquals(List.of("label", "manufacturer", "issuer", "serial", "firmware", "hardware", "free space"),
                        List.copyOf(details.details().keySet()), "the keys of guomi list --json");
                assertEquals("40960 of 65536 bytes", details.details().get("free space"));
                Map<String, String> shown = details.displayed();
                assertEquals(List.of("\u6807\u7b7e", "\u5236\u9020\u5546", "\u53d1\u884c\u8005", "\u5e8f\u5217\u53f7",
                        "\u56fa\u4ef6\u7248\u672c", "\u786c\u4ef6\u7248\u672c", "\u5269\u4f59\u7a7a\u95f4"), List.copyOf(shown.keySet()));
                assertEquals("Key E", shown.get("\u6807\u7b7e"));
                assertEquals("40,960 \u5b57\u8282\u53ef\u7528\uff08\u5171 65,536 \u5b57\u8282\uff09", shown.get("\u5269\u4f59\u7a7a\u95f4"));
                Locale.setDefault(Locale.ROOT);
                assertEquals("40,960 of 65,536 bytes", details.displayed().get("Free space"));
                assertEquals("DETAILS-02", details.displayed().get("Serial number"));
            });
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    void aSignatureIsDerSm3WithSm2OverTheMessageAndNeedsThePin() throws Exception {
        SoftSkf key = SoftKeys.fresh(dir, Map.of());
        byte[] message = "logon challenge 42".getBytes(StandardCharsets.UTF_8);
        withSession(key, (session, guard) -> {
            Signing signing = session.feature(Signing.class).orElseThrow();
            TokenException refused = assertThrows(TokenException.class, () -> signing.sign("SM2SignContainer", message));
            assertEquals("skf:0x0A00002D", refused.code().toString(), "no signature without the PIN");
            try (Secret right = SoftKeys.pin(SoftKeys.USER_PIN)) {
                guard.verify(PinType.USER, right, new ScriptedInteraction(false));
            }
            Signing.Signature signature = signing.sign("SM2SignContainer", message);
            assertEquals("SM3withSM2", signature.algorithm());
            X509CertificateHolder certificate = new X509CertificateHolder(
                    session.feature(Certificates.class).orElseThrow().certificates().get(0).der());
            byte[] point = certificate.getSubjectPublicKeyInfo().getPublicKeyData().getBytes();
            var publicKey = Sm2.publicKey(java.util.Arrays.copyOfRange(point, 1, 33), java.util.Arrays.copyOfRange(point, 33, 65));
            assertTrue(verifiesDer(publicKey, message, signature.signature()), "the DER signature verifies with the certificate's key");
            byte[] other = message.clone();
            other[0] ^= 1;
            assertFalse(verifiesDer(publicKey, other, signature.signature()), "and only over its message");
            guard.logout();
            assertThrows(TokenException.class, () -> signing.sign("SM2SignContainer", message), "logout forgets the PIN");
        });
    }

    @Test
    void removalMidSignatureIsReportedAsRemoval() throws Exception {
        SoftSkf key = SoftKeys.fresh(dir, Map.of());
        key.faults("remove SKF_ECCSignData 1");
        withSession(key, (session, guard) -> {
            try (Secret right = SoftKeys.pin(SoftKeys.USER_PIN)) {
                guard.verify(PinType.USER, right, new ScriptedInteraction(false));
            }
            TokenException e = assertThrows(TokenException.class,
                    () -> session.feature(Signing.class).orElseThrow().sign("SM2SignContainer", new byte[] {1, 2, 3}));
            assertTrue(SkfException.isRemoval(e), e.toString());
        });
    }

    @Test
    void theDriverIsAServiceWithItsDescriptorAndClaimsTheKeyByReadingItsInfoOnly() throws Exception {
        SoftSkf key = SoftKeys.fresh(dir, Map.of("serial", "DS-PROBE-01"));
        key.faults("fail SKF_VerifyPIN * 0A000001", "fail SKF_ECCSignData * 0A000001");
        DriverRegistry.RegisteredDriver registered = OsgiServices.await(DriverRegistry.class).driver("org.tokenbench.driver.guomi").orElseThrow();
        assertEquals("sm2-key", registered.descriptor().families().get(0).id());
        assertEquals(java.util.Set.of(PinType.USER, PinType.ADMIN), registered.descriptor().families().get(0).pinTypes());
        assertTrue(registered.descriptor().families().get(0).atrPatterns().isEmpty() && !registered.descriptor().families().get(0).anyAtr());
        TokenDriver driver = registered.driver();
        assertEquals(SkfConnection.class, driver.connectionType());
        try (SkfConnection connection = SoftKeys.connect(key)) {
            assertEquals(90, driver.probe(connection).orElseThrow().confidence());
            try (TokenSession session = driver.open(connection, new ScriptedInteraction(false))) {
                assertEquals("DS-PROBE-01", session.identity().serial());
                assertEquals("sm2-key", session.identity().family());
            }
        }
        assertEquals("6", key.state("user_remain"));
    }

    private static boolean verifiesDer(org.bouncycastle.crypto.params.ECPublicKeyParameters key, byte[] message, byte[] der) {
        SM2Signer signer = new SM2Signer();
        signer.init(false, new ParametersWithID(key, Sm2.DEFAULT_ID));
        signer.update(message, 0, message.length);
        return signer.verifySignature(der);
    }
}
