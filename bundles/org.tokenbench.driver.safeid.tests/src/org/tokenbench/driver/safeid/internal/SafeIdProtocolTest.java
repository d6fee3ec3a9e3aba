package org.tokenbench.driver.safeid.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.Arrays;
import java.util.OptionalInt;

import org.junit.jupiter.api.Test;
import org.tokenbench.core.TokenException;
import org.tokenbench.pcsc.Apdu;
import org.tokenbench.testing.pcsc.SafeIdVirtualToken;

/**
 * The command encoding checked against the virtual token, an independent implementation written from the protocol
 * document: MACs it accepts, MACs it refuses, and both spellings of "N tries left".
 */
class SafeIdProtocolTest {

    private static int sw(byte[] response) {
        return (response[response.length - 2] & 0xFF) << 8 | response[response.length - 1] & 0xFF;
    }

    /** Authenticates the virtual token directly (no reader) with the driver's cryptogram. */
    private static SafeIdVirtualToken authenticated(byte[] key) throws TokenException {
        SafeIdVirtualToken token = SafeIdVirtualToken.factoryNew("TB-MAC");
        byte[] challenge = token.process(SafeIdProtocol.challenge().encode());
        assertEquals(0x9000, sw(challenge));
        byte[] answer = token.process(SafeIdProtocol.authenticate(key, Arrays.copyOf(challenge, 8)).encode());
        assertEquals(0x9000, sw(answer));
        return token;
    }

    @Test
    void theSingleProfileConfigurationCarriesItsMacAsTheProtocolSays() throws TokenException {
        byte[] key = SafeIdProtocol.VENDOR_KEY.clone();
        SafeIdVirtualToken token = authenticated(key);
        byte[] configure = SafeIdProtocol.configure(key, 0, 0, 1, Instant.ofEpochSecond(1_700_000_000L), 2, 0, 60).encode();
        // Lc on the wire is 0x17: the 0x13-byte body plus the 4-byte MAC (protocols.md §1).
        assertArrayEquals(new byte[] {(byte) 0x84, (byte) 0xD4, 0x00, 0x00, 0x17}, Arrays.copyOf(configure, 5));
        assertEquals(5 + 0x17, configure.length);
        assertEquals(0x9000, sw(token.process(configure)), "the independent token accepts the MAC");
        assertEquals(2, token.hmacAlgorithm());
        assertEquals(60, token.stepSeconds());
    }

    @Test
    void aCommandWithAChangedByteFailsTheTokensMacCheck() throws TokenException {
        byte[] key = SafeIdProtocol.VENDOR_KEY.clone();
        SafeIdVirtualToken token = authenticated(key);
        byte[] configure = SafeIdProtocol.configure(key, 0, 0, 1, Instant.ofEpochSecond(1_700_000_000L), 1, 0, 30).encode();
        configure[configure.length - 1] ^= 0x01;
        assertEquals(0x6988, sw(token.process(configure)));
        byte[] tampered = SafeIdProtocol.configure(key, 0, 0, 1, Instant.ofEpochSecond(1_700_000_000L), 1, 0, 30).encode();
        tampered[8] ^= 0x01; // the display byte, under the MAC
        assertEquals(0x6988, sw(token.process(tampered)));
    }

    @Test
    void aMacUnderAnotherKeyIsRefused() throws TokenException {
        SafeIdVirtualToken token = authenticated(SafeIdProtocol.VENDOR_KEY.clone());
        byte[] otherKey = new byte[16];
        assertEquals(0x6988, sw(token.process(SafeIdProtocol.setClock(otherKey, Instant.now()).encode())));
    }

    @Test
    void triesLeftIsReadFromToken2sAndIsosSpelling() {
        assertEquals(OptionalInt.of(4), SafeIdProtocol.triesLeftAfterRefusal(0x6304), "Token2: 63 04");
        assertEquals(OptionalInt.of(10), SafeIdProtocol.triesLeftAfterRefusal(0x630A));
        assertEquals(OptionalInt.of(0), SafeIdProtocol.triesLeftAfterRefusal(0x6300));
        assertEquals(OptionalInt.of(4), SafeIdProtocol.triesLeftAfterRefusal(0x63C4), "ISO: 63 C4");
        assertEquals(OptionalInt.empty(), SafeIdProtocol.triesLeftAfterRefusal(0x9000));
        assertEquals(OptionalInt.empty(), SafeIdProtocol.triesLeftAfterRefusal(0x6983));
    }

    @Test
    void aChallengeOfAnotherLengthIsNotAnswered() {
        TokenException e = assertThrows(TokenException.class, () -> SafeIdProtocol.authenticate(SafeIdProtocol.VENDOR_KEY, new byte[16]));
        assertEquals("safeid:0x6700", e.code().toString());
    }
}
