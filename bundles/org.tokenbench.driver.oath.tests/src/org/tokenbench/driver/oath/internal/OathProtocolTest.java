package org.tokenbench.driver.oath.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

import org.junit.jupiter.api.Test;
import org.tokenbench.core.TokenException;
import org.tokenbench.core.driver.CredentialStore;
import org.tokenbench.core.driver.HashAlgorithm;

/** The arithmetic of YKOATH without a card: access key, key preparation, truncated codes, names. */
class OathProtocolTest {

    @Test
    void theAccessKeyIsPbkdf2HmacSha1With1000RoundsAnd16BytesLikeTheJdksOwn() throws Exception {
        byte[] salt = HexFormat.of().parseHex("5D4E6D2B8C1A0F33");
        byte[] ours = OathProtocol.accessKey("correct horse".getBytes(StandardCharsets.UTF_8), salt);
        byte[] jdk = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA1")
                .generateSecret(new PBEKeySpec("correct horse".toCharArray(), salt, 1000, 128)).getEncoded();
        assertArrayEquals(jdk, ours);
    }

    @Test
    void shortKeysArePaddedTo14BytesAndKeysLongerThanTheBlockAreHashed() throws Exception {
        byte[] ten = new byte[10];
        Arrays.fill(ten, (byte) 7);
        byte[] padded = OathProtocol.hmacKey(HashAlgorithm.SHA1, ten);
        assertEquals(14, padded.length);
        assertEquals(0, padded[13]);
        byte[] long65 = new byte[65];
        assertArrayEquals(MessageDigest.getInstance("SHA-1").digest(long65), Arrays.copyOf(OathProtocol.hmacKey(HashAlgorithm.SHA1, long65), 20));
        byte[] long129 = new byte[129];
        assertArrayEquals(MessageDigest.getInstance("SHA-512").digest(long129), OathProtocol.hmacKey(HashAlgorithm.SHA512, long129));
        assertEquals(100, OathProtocol.hmacKey(HashAlgorithm.SHA512, new byte[100]).length, "SHA-512's block is 128 bytes");
    }

    /** Issue 13: a counter above 32 bits was cast to int on PUT, so the applet counted from another value than the server. */
    @Test
    void aHotpCounterAbove32BitsIsRefusedNotTruncated() throws Exception {
        CredentialStore.Credential hotp = new CredentialStore.Credential("Bank:alice", CredentialStore.Type.HOTP, HashAlgorithm.SHA1, 6, 0, false);
        byte[] key = new byte[20];
        TokenException tooLarge = assertThrows(TokenException.class, () -> OathProtocol.put(hotp, key, 0x1_0000_0000L, false));
        assertEquals("ykoath:0x6A80", tooLarge.code().toString());
        assertTrue(tooLarge.getMessage().contains("0 to 4294967295 (32 bits), not 4294967296"), tooLarge.getMessage());
        assertThrows(TokenException.class, () -> OathProtocol.put(hotp, key, -1, false));
        String largest = HexFormat.of().withUpperCase().formatHex(OathProtocol.put(hotp, key, 0xFFFF_FFFFL, false).encode());
        assertTrue(largest.contains("7A04FFFFFFFF"), "the largest counter is sent whole in the IMF tag: " + largest);
    }

    @Test
    void aTruncatedAnswerIsTheRfc4226Code() throws Exception {
        // RFC 4226 appendix D, count 0: truncated 0x4C93CF18 -> 755224.
        assertEquals("755224", OathProtocol.code(HexFormat.of().parseHex("064C93CF18")));
        assertEquals("84755224", OathProtocol.code(HexFormat.of().parseHex("084C93CF18")));
    }

    /** Fuzzing found it (releng/fuzz): a card asking for 165 digits made the modulus overflow to 0 (/ by zero). */
    @Test
    void aTruncatedAnswerWithAnImpossibleDigitCountIsMalformed() throws TokenException {
        for (String answer : new String[] {"A5A500000C", "004C93CF18", "054C93CF18", "0B4C93CF18", "FF4C93CF18"}) {
            assertThrows(TokenException.class, () -> OathProtocol.code(HexFormat.of().parseHex(answer)), answer);
        }
        assertEquals("1284755224", OathProtocol.code(HexFormat.of().parseHex("0A4C93CF18")));
    }

    @Test
    void thePeriodLivesInTheNameWhenItIsNot30Seconds() {
        assertEquals(60, OathProtocol.period("60/ACME:ops", CredentialStore.Type.TOTP));
        assertEquals(30, OathProtocol.period("ACME:ops", CredentialStore.Type.TOTP));
        assertEquals(0, OathProtocol.period("60/x", CredentialStore.Type.HOTP));
        assertEquals("60/ACME:ops", OathSession.withStoredName(new CredentialStore.Credential("ACME:ops", CredentialStore.Type.TOTP,
                HashAlgorithm.SHA1, 6, 60, false)).name());
        assertEquals("60/ACME:ops", OathSession.withStoredName(new CredentialStore.Credential("60/ACME:ops", CredentialStore.Type.TOTP,
                HashAlgorithm.SHA1, 6, 60, false)).name());
    }
}
