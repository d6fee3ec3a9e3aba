package org.tokenbench.pcsc.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

import org.bouncycastle.crypto.engines.SM4Engine;
import org.bouncycastle.crypto.params.KeyParameter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.tokenbench.core.TokenException;
import org.tokenbench.pcsc.Apdu;
import org.tokenbench.pcsc.ApduChannel;
import org.tokenbench.pcsc.PcscTransport;
import org.tokenbench.pcsc.Response;
import org.tokenbench.testing.pcsc.SafeIdVirtualToken;
import org.tokenbench.testing.pcsc.VirtualCard;
import org.tokenbench.testing.pcsc.VirtualReader;
import org.tokenbench.testing.pcsc.VpcdCardHost;

/**
 * APDU exchanges through the real stack: JNA → libpcsclite → pcscd → vsmartcard-vpcd → a Java virtual card.
 * releng/test starts pcscd; these tests fail (not skip) without it.
 */
class ApduChannelTest {

    private static final String READER = VirtualReader.NAME;
    private final VirtualReader reader = new VirtualReader();
    private final PcscTransport pcsc = new PcscTransport();
    private VpcdCardHost host;

    @AfterEach
    void takeTheCardOut() throws Exception {
        reader.remove();
    }

    private void insert(VirtualCard card) throws Exception {
        host = reader.insert(card);
    }

    private ApduChannel connect() throws TokenException {
        return pcsc.connect(READER, Duration.ZERO, null);
    }

    /** The transport connects exclusively; a PC/SC transaction on such a connection still runs its sequence. */
    @Test
    void aSequenceRunsInsideATransaction() throws Exception {
        insert(new SafeIdVirtualToken(SafeIdVirtualToken.VENDOR_KEY, "TB-VT-TX", 0, () -> System.currentTimeMillis() / 1000));
        Apdu info = Apdu.of(0x80, 0x41, 0x00, 0x00, new byte[] {0x02, 0x11}, Apdu.NO_LE);
        try (ApduChannel channel = connect()) {
            int sw = channel.exclusively(() -> {
                channel.transmit(info);
                return channel.transmit(info).sw();
            });
            assertEquals(0x9000, sw);
            assertEquals(2, channel.exchanges());
        }
    }

    @Test
    void readsSerialAndClockFromTheVirtualToken() throws Exception {
        SafeIdVirtualToken token = new SafeIdVirtualToken(SafeIdVirtualToken.VENDOR_KEY, "TB-VT-0001", -120, () -> System.currentTimeMillis() / 1000);
        insert(token);
        try (ApduChannel channel = connect()) {
            Response info = channel.transmit(Apdu.of(0x80, 0x41, 0x00, 0x00, new byte[] {0x02, 0x11}, Apdu.NO_LE));
            assertTrue(info.isSuccess(), info.toString());
            byte[] data = info.data();
            int n = data[3];
            assertEquals("TB-VT-0001", new String(data, 4, n, StandardCharsets.US_ASCII));
            long tokenTime = ByteBuffer.wrap(data, 4 + n + 2, 4).getInt() & 0xFFFFFFFFL;
            assertEquals(System.currentTimeMillis() / 1000 - 120, tokenTime, 3.0, "token clock 2 minutes behind");
        }
    }

    @Test
    void aWrongKeyBurnsExactlyOneTryAndTheRightOneAuthenticates() throws Exception {
        SafeIdVirtualToken token = SafeIdVirtualToken.factoryNew("TB-VT-0002");
        insert(token);
        try (ApduChannel channel = connect()) {
            byte[] wrongKey = HexFormat.of().parseHex("00112233445566778899AABBCCDDEEFF");
            Response refused = channel.transmit(Apdu.secret(0x80, 0xCE, 0, 0, cryptogram(channel, wrongKey), Apdu.NO_LE));
            assertEquals(0x6300 | (SafeIdVirtualToken.INITIAL_TRIES - 1), refused.sw(), "Token2's documented 63 0N: N tries left");
            assertEquals(SafeIdVirtualToken.INITIAL_TRIES - 1, token.triesLeft());

            Response accepted = channel.transmit(Apdu.secret(0x80, 0xCE, 0, 0, cryptogram(channel, SafeIdVirtualToken.VENDOR_KEY), Apdu.NO_LE));
            assertEquals(0x9000, accepted.sw());
            assertEquals(SafeIdVirtualToken.INITIAL_TRIES - 1, token.triesLeft(), "success does not restore the counter");
        }
    }

    @Test
    void secretBodiesNeverReachTheTrace() throws Exception {
        insert(SafeIdVirtualToken.factoryNew("TB-VT-0003"));
        List<String> trace = new ArrayList<>();
        try (ApduChannel channel = pcsc.connect(READER, Duration.ZERO, trace::add)) {
            byte[] body = cryptogram(channel, SafeIdVirtualToken.VENDOR_KEY);
            String bodyHex = HexFormat.of().withUpperCase().formatHex(body);
            Apdu command = Apdu.secret(0x80, 0xCE, 0, 0, body, Apdu.NO_LE);
            channel.transmit(command);
            assertTrue(trace.contains("> 80CE0000 10 [16 secret bytes]"), trace.toString());
            assertTrue(trace.stream().noneMatch(line -> line.contains(bodyHex.substring(0, 8))), trace.toString());
            assertFalse(command.toString().contains(bodyHex.substring(0, 8)));
        }
    }

    @Test
    void cardRemovedMidCommandIsReportedAsRemoved() throws Exception {
        insert(SafeIdVirtualToken.factoryNew("TB-VT-0004"));
        try (ApduChannel channel = connect()) {
            host.removeAtApdu(1);
            TokenException e = assertThrows(TokenException.class,
                    () -> channel.transmit(Apdu.of(0x80, 0x41, 0x00, 0x00, new byte[] {0x02, 0x11}, Apdu.NO_LE)));
            assertEquals("pcsc:0x80100069", e.code().toString(), e.getMessage());
        }
        VirtualReader.waitForCard(false);
        TokenException absent = assertThrows(TokenException.class, () -> connect());
        assertEquals("pcsc:0x8010000C", absent.code().toString(), absent.getMessage());
    }

    @Test
    void garbageAndSlowAnswersAreToldApart() throws Exception {
        insert(SafeIdVirtualToken.factoryNew("TB-VT-0005"));
        try (ApduChannel channel = connect()) {
            host.answerSlowly(Duration.ofMillis(300));
            assertTrue(channel.transmit(Apdu.of(0x80, 0x41, 0x00, 0x00, new byte[] {0x02, 0x11}, Apdu.NO_LE)).isSuccess(),
                    "a slow token is still a working token");
            host.answerSlowly(Duration.ZERO);
            host.answerGarbage(true);
            TokenException garbage = assertThrows(TokenException.class,
                    () -> channel.transmit(Apdu.of(0x80, 0x41, 0x00, 0x00, new byte[] {0x02, 0x11}, Apdu.NO_LE)));
            assertFalse(garbage.code().toString().equals("pcsc:0x80100069"), "garbage is not a removal: " + garbage.code());
            host.answerGarbage(false);
        }
    }

    @Test
    void getResponseAndWrongLeAreHandledByTheTransport() throws Exception {
        byte[] payload = new byte[300];
        for (int i = 0; i < payload.length; i++) {
            payload[i] = (byte) i;
        }
        insert(new ChainingCard(payload));
        try (ApduChannel channel = connect()) {
            Response chained = channel.transmit(Apdu.of(0x00, 0xCA, 0x00, 0x01, new byte[0], 0));
            assertEquals(0x9000, chained.sw());
            assertArrayEquals(payload, chained.data(), "61xx pieces put back together");
            Response retried = channel.transmit(Apdu.of(0x00, 0xCA, 0x00, 0x02, new byte[0], 0));
            assertEquals(0x9000, retried.sw());
            assertEquals(7, retried.data().length, "6C07 repeated with Le=7");
        }
        TokenException unknown = assertThrows(TokenException.class, () -> pcsc.connect("No Such Reader 99", Duration.ZERO, null));
        assertEquals("pcsc:0x80100009", unknown.code().toString(), unknown.getMessage());
    }

    private static byte[] cryptogram(ApduChannel channel, byte[] key) throws TokenException {
        Response challenge = channel.transmit(Apdu.of(0x80, 0x4B, 0x08, 0x00, new byte[0], 0));
        assertEquals(0x9000, challenge.sw());
        byte[] block = Arrays.copyOf(challenge.data(), 16);
        SM4Engine sm4 = new SM4Engine();
        sm4.init(true, new KeyParameter(key));
        byte[] out = new byte[16];
        sm4.processBlock(block, 0, out, 0);
        return out;
    }

    /** Answers P2=01 with 61xx chaining (GET RESPONSE) and P2=02 with 6C07 until asked for Le=7. */
    private static final class ChainingCard implements VirtualCard {
        private final byte[] payload;
        private int sent;

        ChainingCard(byte[] payload) {
            this.payload = payload;
        }

        @Override
        public byte[] atr() {
            return HexFormat.of().parseHex("3B80800101");
        }

        @Override
        public byte[] process(byte[] command) {
            int ins = command[1] & 0xFF;
            if (ins == 0xCA && command[3] == 0x01) {
                sent = 0;
                return piece();
            }
            if (ins == 0xC0) {
                return piece();
            }
            if (ins == 0xCA && command[3] == 0x02) {
                int le = command.length > 4 ? command[4] & 0xFF : -1;
                return le == 7 ? new byte[] {1, 2, 3, 4, 5, 6, 7, (byte) 0x90, 0} : new byte[] {0x6C, 0x07};
            }
            return new byte[] {0x6D, 0x00};
        }

        private byte[] piece() {
            int size = Math.min(100, payload.length - sent);
            byte[] out = Arrays.copyOfRange(payload, sent, sent + size + 2);
            sent += size;
            int remaining = payload.length - sent;
            out[size] = remaining > 0 ? (byte) 0x61 : (byte) 0x90;
            out[size + 1] = remaining > 0 ? (byte) Math.min(remaining, 0xFF) : 0;
            return out;
        }
    }
}
