package org.tokenbench.otp.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.Random;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tokenbench.core.Secret;
import org.tokenbench.otp.OtpAlgorithm;
import org.tokenbench.otp.OtpGenerator;
import org.tokenbench.otp.OtpParams;
import org.tokenbench.otp.OtpType;
import org.tokenbench.otp.internal.Hmac;

/** Published vectors: RFC 4226 Appendix D and RFC 6238 Appendix B, every row. */
class RfcVectorsTest {

    private static final String SEED20 = "12345678901234567890";
    private static final String SEED32 = "12345678901234567890123456789012";
    private static final String SEED64 = "1234567890123456789012345678901234567890123456789012345678901234";

    private static Secret ascii(String seed) {
        return Secret.adopt(seed.getBytes(StandardCharsets.US_ASCII));
    }

    @ParameterizedTest(name = "HOTP count {0} = {1}")
    @CsvSource({"0,755224", "1,287082", "2,359152", "3,969429", "4,338314",
                "5,254676", "6,287922", "7,162583", "8,399871", "9,520489"})
    void rfc4226AppendixD(long counter, String expected) {
        OtpParams params = new OtpParams(OtpType.HOTP, OtpAlgorithm.SHA1, 6, 30, counter, "", "");
        try (Secret seed = ascii(SEED20); OtpGenerator generator = OtpGenerator.open(seed, params)) {
            assertEquals(expected, generator.codeFor(counter));
        }
    }

    @ParameterizedTest(name = "TOTP {1} at {0} = {2}")
    @CsvSource({
        "59,SHA1,94287082", "59,SHA256,46119246", "59,SHA512,90693936",
        "1111111109,SHA1,07081804", "1111111109,SHA256,68084774", "1111111109,SHA512,25091201",
        "1111111111,SHA1,14050471", "1111111111,SHA256,67062674", "1111111111,SHA512,99943326",
        "1234567890,SHA1,89005924", "1234567890,SHA256,91819424", "1234567890,SHA512,93441116",
        "2000000000,SHA1,69279037", "2000000000,SHA256,90698825", "2000000000,SHA512,38618901",
        "20000000000,SHA1,65353130", "20000000000,SHA256,77737706", "20000000000,SHA512,47863826"})
    void rfc6238AppendixB(long time, OtpAlgorithm algorithm, String expected) {
        String seed = switch (algorithm) {
            case SHA256 -> SEED32;
            case SHA512 -> SEED64;
            default -> SEED20;
        };
        OtpParams params = new OtpParams(OtpType.TOTP, algorithm, 8, 30, 0, "", "");
        try (Secret secret = ascii(seed); OtpGenerator generator = OtpGenerator.open(secret, params)) {
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
        try (Secret seed = ascii(SEED20); OtpGenerator generator = OtpGenerator.open(seed, params)) {
            assertEquals("07081804", generator.codeAt(1111111109));
        }
        // 10 digits keep the whole 31-bit value: T=59 is step 1, whose truncated value RFC 4226 Appendix D lists as 1094287082.
        try (Secret seed = ascii(SEED20); OtpGenerator generator = OtpGenerator.open(seed, params.withDigits(10))) {
            assertEquals("1094287082", generator.codeAt(59));
        }
    }
}
