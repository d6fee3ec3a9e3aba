package org.tokenbench.core.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.tokenbench.core.Secret;

class SecretTest {

    @Test
    void closeZeroesTheOwnedBuffer() {
        byte[] seed = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);
        Secret secret = Secret.adopt(seed);
        assertEquals((byte) '1', secret.apply(b -> b[0]));
        secret.close();
        assertArrayEquals(new byte[20], seed, "the adopted array must be wiped on close");
        assertTrue(secret.isClosed());
    }

    @Test
    void closedSecretRefusesAccess() {
        Secret secret = Secret.copyOf(new byte[] {1, 2, 3}, 0, 3);
        secret.close();
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> secret.apply(b -> b.length));
        assertTrue(e.getMessage().contains("closed"));
        assertThrows(IllegalStateException.class, secret::copyBytes);
    }

    @Test
    void copyOfDoesNotAliasTheSource() {
        byte[] source = {9, 8, 7, 6};
        try (Secret secret = Secret.copyOf(source, 1, 2)) {
            source[1] = 0;
            assertArrayEquals(new byte[] {8, 7}, secret.copyBytes());
        }
    }

    @Test
    void fromCharsEncodesUtf8AndWipesTheTypedChars() {
        char[] pin = "12ä4".toCharArray();
        try (Secret secret = Secret.fromChars(pin)) {
            assertArrayEquals("12ä4".getBytes(StandardCharsets.UTF_8), secret.copyBytes());
        }
        assertArrayEquals(new char[4], pin);
    }

    @Test
    void toStringNeverShowsContent() {
        byte[] seed = "GEZDGNBVGY3TQOJQ".getBytes(StandardCharsets.US_ASCII);
        Secret secret = Secret.copyOf(seed, 0, seed.length);
        String shown = secret.toString() + secret.hashCode();
        assertFalse(shown.contains("GEZD"), shown);
        assertEquals("Secret(16 bytes)", secret.toString());
        secret.close();
        assertEquals("Secret(closed)", secret.toString());
    }

    @Test
    void sameAsComparesContentEqualsDoesNot() {
        try (Secret a = Secret.copyOf(new byte[] {1, 2}, 0, 2);
             Secret b = Secret.copyOf(new byte[] {1, 2}, 0, 2);
             Secret c = Secret.copyOf(new byte[] {1, 3}, 0, 2)) {
            assertTrue(a.sameAs(b));
            assertFalse(a.sameAs(c));
            assertNotEquals(a, b, "value equality would invite secrets into maps and logs");
        }
    }
}
