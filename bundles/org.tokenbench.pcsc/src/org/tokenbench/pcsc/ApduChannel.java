package org.tokenbench.pcsc;

import javax.smartcardio.Card;
import javax.smartcardio.CardChannel;
import javax.smartcardio.CardException;
import javax.smartcardio.CommandAPDU;
import javax.smartcardio.ResponseAPDU;

import org.tokenbench.core.TokenException;
import org.tokenbench.core.driver.Connection;

/**
 * An APDU conversation with the card in one reader. It follows 61xx (GET RESPONSE) and 6Cxx (repeat with the
 * right Le) itself, traces every exchange with secret bodies redacted, wipes secret commands after sending,
 * and reports a card that left the reader as {@code pcsc:0x80100069} however the JDK signalled it.
 */
public final class ApduChannel implements Connection {

    private static final int MAX_CHAINED_RESPONSES = 32;

    private final String reader;
    private final Card card;
    private final CardChannel channel;
    private volatile ApduTrace trace = ApduTrace.NONE;
    private int exchanges;

    ApduChannel(String reader, Card card) {
        this.reader = reader;
        this.card = card;
        this.channel = card.getBasicChannel();
    }

    @Override
    public String location() {
        return reader;
    }

    public byte[] atr() {
        return card.getATR().getBytes();
    }

    public void trace(ApduTrace newTrace) {
        this.trace = newTrace == null ? ApduTrace.NONE : newTrace;
    }

    /** How many APDUs went to the card on this channel (GET RESPONSE and Le retries included). */
    public int exchanges() {
        return exchanges;
    }

    public Response transmit(Apdu command) throws TokenException {
        try {
            Response response = exchange(command);
            if (response.sw1() == 0x6C) {
                response = exchange(command.withLe(response.sw() & 0xFF));
            }
            if (response.sw1() != 0x61) {
                return response;
            }
            java.io.ByteArrayOutputStream data = new java.io.ByteArrayOutputStream();
            data.writeBytes(response.data());
            for (int i = 0; response.sw1() == 0x61 && i < MAX_CHAINED_RESPONSES; i++) {
                int available = response.sw() & 0xFF;
                response = exchange(Apdu.of(0x00, 0xC0, 0x00, 0x00, new byte[0], available == 0 ? 256 : available));
                data.writeBytes(response.data());
            }
            return new Response(data.toByteArray(), response.sw());
        } finally {
            if (command.isSecret()) {
                command.wipe();
            }
        }
    }

    private Response exchange(Apdu command) throws TokenException {
        byte[] bytes = command.encode();
        trace.line("> " + command);
        try {
            exchanges++;
            ResponseAPDU raw = channel.transmit(new CommandAPDU(bytes));
            Response response = Response.parse(raw.getBytes());
            trace.line("< " + response);
            return response;
        } catch (CardException | RuntimeException e) {
            if (PcscErrors.isCardRemoved(e)) {
                trace.line("< card removed");
                throw PcscErrors.of(PcscErrors.REMOVED_CARD, "the card left the reader '" + reader + "' during the command", e);
            }
            trace.line("< failed: " + e.getClass().getSimpleName());
            throw PcscErrors.of(PcscErrors.codeOf(e), "the command to the card in '" + reader + "' failed: " + e.getMessage(), e);
        } finally {
            if (command.isSecret()) {
                java.util.Arrays.fill(bytes, (byte) 0);
            }
        }
    }

    @Override
    public void close() {
        try {
            card.disconnect(false);
        } catch (CardException | IllegalStateException e) {
            // already gone with the card or the reader: nothing left to release
        }
    }
}
