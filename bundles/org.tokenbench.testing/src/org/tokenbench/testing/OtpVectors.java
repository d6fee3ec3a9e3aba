package org.tokenbench.testing;

import java.util.List;

/**
 * Published OTP test vectors, one copy for every test that checks them (engine, CLI, product). Each row is
 * an Object[] so JUnit's {@code @MethodSource("org.tokenbench.testing.OtpVectors#rfc6238")} can use it.
 */
public final class OtpVectors {

    /** The RFC 4226/6238 seeds: ASCII "1234567890" repeated to 20, 32 and 64 bytes. */
    public static final String SEED20 = "12345678901234567890";
    public static final String SEED32 = "12345678901234567890123456789012";
    public static final String SEED64 = "1234567890123456789012345678901234567890123456789012345678901234";

    private OtpVectors() {
    }

    /** RFC 6238 Appendix B: {time, algorithm name, 8-digit code}. */
    public static List<Object[]> rfc6238() {
        return List.of(
                new Object[] {59L, "SHA1", "94287082"}, new Object[] {59L, "SHA256", "46119246"}, new Object[] {59L, "SHA512", "90693936"},
                new Object[] {1111111109L, "SHA1", "07081804"}, new Object[] {1111111109L, "SHA256", "68084774"}, new Object[] {1111111109L, "SHA512", "25091201"},
                new Object[] {1111111111L, "SHA1", "14050471"}, new Object[] {1111111111L, "SHA256", "67062674"}, new Object[] {1111111111L, "SHA512", "99943326"},
                new Object[] {1234567890L, "SHA1", "89005924"}, new Object[] {1234567890L, "SHA256", "91819424"}, new Object[] {1234567890L, "SHA512", "93441116"},
                new Object[] {2000000000L, "SHA1", "69279037"}, new Object[] {2000000000L, "SHA256", "90698825"}, new Object[] {2000000000L, "SHA512", "38618901"},
                new Object[] {20000000000L, "SHA1", "65353130"}, new Object[] {20000000000L, "SHA256", "77737706"}, new Object[] {20000000000L, "SHA512", "47863826"});
    }

    /** RFC 4226 Appendix D: {counter, 6-digit HOTP} for the 20-byte seed. */
    public static List<Object[]> rfc4226() {
        String[] codes = {"755224", "287082", "359152", "969429", "338314", "254676", "287922", "162583", "399871", "520489"};
        return java.util.stream.IntStream.range(0, codes.length).mapToObj(i -> new Object[] {(long) i, codes[i]}).toList();
    }

    /** The RFC seed for an algorithm name (SHA1, SHA256, SHA512). */
    public static String seedFor(String algorithm) {
        return switch (algorithm) {
            case "SHA256" -> SEED32;
            case "SHA512" -> SEED64;
            default -> SEED20;
        };
    }
}
