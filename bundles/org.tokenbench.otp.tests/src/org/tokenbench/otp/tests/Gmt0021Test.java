package org.tokenbench.otp.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.tokenbench.core.Secret;
import org.tokenbench.otp.OtpAlgorithm;
import org.tokenbench.otp.OtpGenerator;
import org.tokenbench.otp.OtpParams;
import org.tokenbench.otp.OtpType;
import org.tokenbench.otp.internal.Sm3Otp;

/**
 * GM/T 0021-2012 (SM3 variant). No official vectors exist, so the engine (Bouncy Castle's SM3) is checked
 * against an independent construction in this test: SM3 written here from GM/T 0004-2012 and validated by
 * the standard's own two examples, then ID/OD built by hand.
 */
class Gmt0021Test {

    @Test
    void independentSm3ReproducesGmt0004Examples() {
        assertEquals("66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0",
                HexFormat.of().formatHex(ReferenceSm3.hash("abc".getBytes(StandardCharsets.US_ASCII))));
        assertEquals("debe9ff92275b8a138604889c18e5a4d6fdb70e5387e5765293dcba39c0c5732",
                HexFormat.of().formatHex(ReferenceSm3.hash("abcd".repeat(16).getBytes(StandardCharsets.US_ASCII))));
    }

    @Test
    void timeBasedCodesMatchTheIndependentConstruction() {
        Random random = new Random(21);
        for (int round = 0; round < 200; round++) {
            byte[] key = new byte[16 + random.nextInt(17)];
            random.nextBytes(key);
            long epoch = random.nextLong(4_000_000_000L);
            int digits = 6 + random.nextInt(3);
            int period = random.nextBoolean() ? 60 : 30;
            OtpParams params = new OtpParams(OtpType.TOTP, OtpAlgorithm.SM3, digits, period, 0, "", "");
            try (Secret secret = Secret.copyOf(key, 0, key.length); OtpGenerator generator = OtpGenerator.open(secret, params)) {
                long expected = Integer.toUnsignedLong(referenceOd(key, idFor(epoch / period, null, null))) % pow10(digits);
                assertEquals(expected, generator.valueAt(epoch), "round " + round);
                assertEquals(digits, generator.codeAt(epoch).length());
            }
        }
    }

    @Test
    void counterAndChallengeFormMatchesTheIndependentConstruction() {
        byte[] key = "GMT0021-test-key".getBytes(StandardCharsets.US_ASCII);
        byte[] challenge = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11};
        try (Sm3Otp otp = new Sm3Otp(key)) {
            assertEquals(referenceOd(key, idFor(28_000_000L, 7, challenge)), otp.foldedValue(28_000_000L, 7, challenge));
            byte[] shortChallenge = {9, 9, 9, 9};
            assertEquals(referenceOd(key, idFor(5L, 0, shortChallenge)), otp.foldedValue(5L, 0, shortChallenge));
        }
    }

    /** ID = T(8) ‖ C(4)? ‖ Q?, zero-padded on the right to at least 16 bytes. */
    private static byte[] idFor(long t, Integer counter, byte[] challenge) {
        int length = 8 + (counter == null ? 0 : 4) + (challenge == null ? 0 : challenge.length);
        byte[] id = new byte[Math.max(16, length)];
        for (int i = 0; i < 8; i++) {
            id[i] = (byte) (t >> (8 * (7 - i)));
        }
        if (counter != null) {
            id[8] = (byte) (counter >> 24);
            id[9] = (byte) (counter >> 16);
            id[10] = (byte) (counter >> 8);
            id[11] = (byte) (int) counter;
        }
        if (challenge != null) {
            System.arraycopy(challenge, 0, id, 12, challenge.length);
        }
        return id;
    }

    private static int referenceOd(byte[] key, byte[] id) {
        byte[] message = new byte[key.length + id.length];
        System.arraycopy(key, 0, message, 0, key.length);
        System.arraycopy(id, 0, message, key.length, id.length);
        byte[] s = ReferenceSm3.hash(message);
        long od = 0;
        for (int i = 0; i < 8; i++) {
            od += java.nio.ByteBuffer.wrap(s, 4 * i, 4).getInt() & 0xFFFFFFFFL;
        }
        return (int) od;
    }

    private static long pow10(int digits) {
        long p = 1;
        for (int i = 0; i < digits; i++) {
            p *= 10;
        }
        return p;
    }

    /** SM3 straight from GM/T 0004-2012 §5, written for clarity rather than speed. */
    static final class ReferenceSm3 {
        private static final int[] IV = {0x7380166f, 0x4914b2b9, 0x172442d7, 0xda8a0600,
                                         0xa96f30bc, 0x163138aa, 0xe38dee4d, 0xb0fb0e4e};

        static byte[] hash(byte[] message) {
            long bitLength = (long) message.length * 8;
            int padded = ((message.length + 9 + 63) / 64) * 64;
            byte[] m = new byte[padded];
            System.arraycopy(message, 0, m, 0, message.length);
            m[message.length] = (byte) 0x80;
            for (int i = 0; i < 8; i++) {
                m[padded - 1 - i] = (byte) (bitLength >>> (8 * i));
            }
            int[] v = IV.clone();
            for (int block = 0; block < padded; block += 64) {
                int[] w = new int[68];
                int[] w1 = new int[64];
                for (int j = 0; j < 16; j++) {
                    w[j] = java.nio.ByteBuffer.wrap(m, block + 4 * j, 4).getInt();
                }
                for (int j = 16; j < 68; j++) {
                    w[j] = p1(w[j - 16] ^ w[j - 9] ^ Integer.rotateLeft(w[j - 3], 15)) ^ Integer.rotateLeft(w[j - 13], 7) ^ w[j - 6];
                }
                for (int j = 0; j < 64; j++) {
                    w1[j] = w[j] ^ w[j + 4];
                }
                int a = v[0], b = v[1], c = v[2], d = v[3], e = v[4], f = v[5], g = v[6], h = v[7];
                for (int j = 0; j < 64; j++) {
                    int t = j < 16 ? 0x79cc4519 : 0x7a879d8a;
                    int ss1 = Integer.rotateLeft(Integer.rotateLeft(a, 12) + e + Integer.rotateLeft(t, j % 32), 7);
                    int ss2 = ss1 ^ Integer.rotateLeft(a, 12);
                    int ff = j < 16 ? a ^ b ^ c : (a & b) | (a & c) | (b & c);
                    int gg = j < 16 ? e ^ f ^ g : (e & f) | (~e & g);
                    int tt1 = ff + d + ss2 + w1[j];
                    int tt2 = gg + h + ss1 + w[j];
                    d = c;
                    c = Integer.rotateLeft(b, 9);
                    b = a;
                    a = tt1;
                    h = g;
                    g = Integer.rotateLeft(f, 19);
                    f = e;
                    e = tt2 ^ Integer.rotateLeft(tt2, 9) ^ Integer.rotateLeft(tt2, 17);
                }
                v[0] ^= a; v[1] ^= b; v[2] ^= c; v[3] ^= d; v[4] ^= e; v[5] ^= f; v[6] ^= g; v[7] ^= h;
            }
            byte[] out = new byte[32];
            for (int i = 0; i < 8; i++) {
                java.nio.ByteBuffer.wrap(out, 4 * i, 4).putInt(v[i]);
            }
            return out;
        }

        private static int p1(int x) {
            return x ^ Integer.rotateLeft(x, 15) ^ Integer.rotateLeft(x, 23);
        }
    }
}
