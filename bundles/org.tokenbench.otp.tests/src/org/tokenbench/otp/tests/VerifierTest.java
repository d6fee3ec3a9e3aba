package org.tokenbench.otp.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;

import org.junit.jupiter.api.Test;
import org.tokenbench.core.Secret;
import org.tokenbench.otp.Enrollment;
import org.tokenbench.otp.OtpAlgorithm;
import org.tokenbench.otp.OtpAuthUri;
import org.tokenbench.otp.OtpGenerator;
import org.tokenbench.otp.OtpParams;
import org.tokenbench.otp.OtpType;
import org.tokenbench.otp.Verifier;
import org.tokenbench.otp.Verifier.Outcome;

class VerifierTest {

    private static final OtpParams TOTP = new OtpParams(OtpType.TOTP, OtpAlgorithm.SHA1, 8, 30, 0, "", "");
    private static final long NOW = 1111111111L;

    private static Secret rfcSeed() {
        return Secret.adopt("12345678901234567890".getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    void acceptsTheWindowAndReportsTheOffset() {
        try (Secret seed = rfcSeed(); Verifier verifier = new Verifier(seed, TOTP, 1);
             OtpGenerator token = OtpGenerator.open(seed, TOTP)) {
            assertEquals(Outcome.REJECTED, verifier.verify(token.codeAt(NOW - 60), NOW).outcome(), "two steps behind is outside ±1");
            Verifier.Result behind = verifier.verify(token.codeAt(NOW - 30), NOW);
            assertTrue(behind.accepted());
            assertEquals(-1, behind.stepOffset());
            assertEquals(0, verifier.verify(token.codeAt(NOW), NOW).stepOffset());
            assertEquals(1, verifier.verify(token.codeAt(NOW + 30), NOW).stepOffset());
            assertEquals(Outcome.REJECTED, verifier.verify(token.codeAt(NOW + 60), NOW).outcome());
        }
    }

    @Test
    void aCodeIsGoodOnceAndOlderStepsAreDeadAfterwards() {
        try (Secret seed = rfcSeed(); Verifier verifier = new Verifier(seed, TOTP, 1);
             OtpGenerator token = OtpGenerator.open(seed, TOTP)) {
            String now = token.codeAt(NOW);
            assertTrue(verifier.verify(now, NOW).accepted());
            assertEquals(Outcome.REPLAYED, verifier.verify(now, NOW).outcome());
            assertEquals(Outcome.REPLAYED, verifier.verify(token.codeAt(NOW - 30), NOW).outcome());
            assertTrue(verifier.verify(token.codeAt(NOW + 30), NOW + 30).accepted(), "the next step is still fine");
        }
    }

    @Test
    void malformedCodesAreToldApartFromWrongOnes() {
        try (Secret seed = rfcSeed(); Verifier verifier = new Verifier(seed, TOTP, 1)) {
            assertEquals(Outcome.MALFORMED, verifier.verify("1234567", NOW).outcome());
            assertEquals(Outcome.MALFORMED, verifier.verify("12345678a", NOW).outcome());
            assertEquals(Outcome.MALFORMED, verifier.verify("", NOW).outcome());
            assertEquals(Outcome.MALFORMED, verifier.verify(null, NOW).outcome());
            assertEquals(Outcome.REJECTED, verifier.verify("0000 0000", NOW).outcome());
        }
    }

    @Test
    void driftIsEstimatedFromMatchedSteps() {
        try (Secret seed = rfcSeed(); Verifier verifier = new Verifier(seed, TOTP, 2);
             OtpGenerator token = OtpGenerator.open(seed, TOTP)) {
            // A token whose clock runs 60 s ahead, checked three times 5 minutes apart.
            for (int i = 0; i < 3; i++) {
                long serverTime = NOW + 300L * i;
                assertTrue(verifier.verify(token.codeAt(serverTime + 60), serverTime).accepted());
            }
            assertEquals(2.0, verifier.meanDriftSteps(), 1e-9);
            assertEquals(60, verifier.estimatedSkewSeconds());
        }
    }

    @Test
    void hotpLooksAheadAndAdvances() {
        OtpParams hotp = new OtpParams(OtpType.HOTP, OtpAlgorithm.SHA1, 6, 30, 0, "", "");
        try (Secret seed = rfcSeed(); Verifier verifier = new Verifier(seed, hotp, 3)) {
            assertEquals(3, verifier.verifyCounter("969429").stepOffset(), "RFC 4226 count 3 found 3 ahead");
            assertEquals(4, verifier.nextCounter());
            assertEquals(Outcome.REPLAYED, verifier.verifyCounter("969429").outcome());
            assertEquals(Outcome.REJECTED, verifier.verifyCounter("520489").outcome(), "count 9 is beyond the look-ahead");
            assertTrue(verifier.verifyCounter("338314").accepted());
        }
    }

    @Test
    void enrollmentMakesAFreshKeyThatVerifiesThroughItsUri() throws Exception {
        try (Secret secret = Enrollment.newSecret()) {
            assertEquals(20, secret.length());
            OtpParams params = OtpParams.totp("TokenBench", "ops@example.com");
            String uri = OtpAuthUri.format(params, secret);
            try (var account = OtpAuthUri.parse(uri); Verifier server = new Verifier(secret, params, 1);
                 OtpGenerator phone = OtpGenerator.open(account.secret(), account.params())) {
                assertTrue(server.verify(phone.codeAt(NOW), NOW).accepted());
            }
        }
        try (Secret a = Enrollment.newSecret(256, new SecureRandom()); Secret b = Enrollment.newSecret(256, new SecureRandom())) {
            assertEquals(32, a.length());
            assertFalse(a.sameAs(b));
        }
    }
}
