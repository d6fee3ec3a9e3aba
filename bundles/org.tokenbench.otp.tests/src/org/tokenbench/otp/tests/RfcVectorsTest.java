package org.tokenbench.otp.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.Random;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.tokenbench.core.Secret;
import org.tokenbench.otp.OtpAlgorithm;
import org.tokenbench.otp.OtpGenerator;
import org.tokenbench.otp.OtpParams;
import org.tokenbench.otp.OtpType;
import org.tokenbench.otp.internal.Hmac;
import org.tokenbench.testing.OtpVectors;

/** Published vectors: RFC 4226 Appendix D and RFC 6238 Appendix B, every row. */
class RfcVectorsTest {

    private static Secret ascii(String seed) {
        return Secret.adopt(seed.getBytes(StandardCharsets.US_ASCII));
    }

    @ParameterizedTest(name = "HOTP count {0} = {1}")
    @MethodSource("org.tokenbench.testing.OtpVectors#rfc4226")
    void rfc4226AppendixD(long counter, String expected) {
        OtpParams params = new OtpParams(OtpType.HOTP, OtpAlgorithm.SHA1, 6, 30, counter, "", "");
        try (Secret seed = ascii(OtpVectors.SEED20); OtpGenerator generator = OtpGenerator.open(seed, params)) {
            assertEquals(expected, generator.codeFor(counter));
        }
    }

    @ParameterizedTest(name = "TOTP {1} at {0} = {2}")
    @MethodSource("org.tokenbench.testing.OtpVectors#rfc6238")
    void rfc6238AppendixB(long time, String algorithm, String expected) {
        OtpParams params = new OtpParams(OtpType.TOTP, OtpAlgorithm.valueOf(algorithm), 8, 30, 0, "", "");
        try (Secret secret = ascii(OtpVectors.seedFor(algorithm)); OtpGenerator generator = OtpGenerator.open(secret, params)) {
            assertEquals(expected, generator.codeAt(time));
        }
    }

    @Test
    void hmacMatchesTheJdkForEveryKeyLengthAroundTheBlockSize() throws Exception {
        Random random = new Random(4226);
        for (OtpAlgorithm algorithm : new OtpAlgorithm[] {OtpAlgorithm.SHA1, OtpAlgorithm.SHA256, OtpAlgorithm.SHA512}) {
            String jdkName = "Hmac" + algorithm.name();
            for (int keyLength = 1; keyLength <= 2 * algorithm.blockSize() + 3; keyLength++) {
                byte[] key = new byte[keyLength];
                byte[] message = new byte[random.nextInt(40)];
                random.nextBytes(key);
                random.nextBytes(message);
                Mac jdk = Mac.getInstance(jdkName);
                jdk.init(new SecretKeySpec(key, jdkName));
                try (Hmac ours = new Hmac(algorithm, key)) {
                    assertArrayEquals(jdk.doFinal(message), ours.mac(message, 0, message.length).clone(),
                            algorithm + " key length " + keyLength);
                    // A second MAC with the same object must not depend on the first.
                    assertArrayEquals(jdk.doFinal(message), ours.mac(message, 0, message.length).clone());
                }
            }
        }
    }

    @Test
    void codesKeepLeadingZerosAndTenDigitsWork() {
        OtpParams params = new OtpParams(OtpType.TOTP, OtpAlgorithm.SHA1, 8, 30, 0, "", "");
        try (Secret seed = ascii(OtpVectors.SEED20); OtpGenerator generator = OtpGenerator.open(seed, params)) {
            assertEquals("07081804", generator.codeAt(1111111109));
        }
        // 10 digits keep the whole 31-bit value: T=59 is step 1, whose truncated value RFC 4226 Appendix D lists as 1094287082.
        try (Secret seed = ascii(OtpVectors.SEED20); OtpGenerator generator = OtpGenerator.open(seed, params.withDigits(10))) {
            assertEquals("1094287082", generator.codeAt(59));
        }
    }
}
