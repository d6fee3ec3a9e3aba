package org.tokenbench.pcsc;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicBoolean;


import org.tokenbench.core.ErrorCode;
import org.tokenbench.core.TokenException;
import org.tokenbench.core.driver.Connection;
import org.tokenbench.pcsc.internal.PcscContext;
import org.tokenbench.pcsc.internal.Dword;
import org.tokenbench.pcsc.internal.PcscAbi;
import org.tokenbench.pcsc.internal.PcscLibrary;
import org.tokenbench.pcsc.internal.PcscLite;
import org.tokenbench.pcsc.internal.ScardHandle;
import org.tokenbench.pcsc.internal.SizedByReference;

/**
 * An APDU conversation with the card in one reader. It follows 61xx (GET RESPONSE) and 6Cxx (repeat with the
 * right Le) itself, traces every exchange with secret bodies redacted, wipes secret commands after sending,
 * and reports a card that left the reader as {@code pcsc:0x80100069}. One thread at a time: pcsc-lite
 * contexts are not shared, so each channel owns its context. {@link PcscTransport#connect} opens it in exclusive
 * mode; the devices service alone closes it (closing twice is harmless).
 */
public final class ApduChannel implements Connection {

    private static final int MAX_CHAINED_RESPONSES = 32;
    private static final int MAX_RESPONSE = 258;
    /** tokenbench:0x0009: the card's answer is not an APDU response. */
    public static final long MALFORMED_RESPONSE = 9;

    private final String reader;
    private final PcscContext context;
    private final ScardHandle card;
    private final long protocol;
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile ApduTrace trace = ApduTrace.NONE;
    private int exchanges;

    ApduChannel(String reader, PcscContext context, ScardHandle card, long protocol) {
        this.reader = reader;
        this.context = context;
        this.card = card;
        this.protocol = protocol;
    }

    @Override
    public String location() {
        return reader;
    }

    public byte[] atr() throws TokenException {
        byte[] atr = new byte[PcscAbi.current().maxAtrSize()];
        SizedByReference atrLength = SizedByReference.dword(atr.length);
        SizedByReference nameLength = SizedByReference.dword();
        long code = PcscLibrary.code(context.library().SCardStatus(card, null, nameLength, SizedByReference.dword(),
                SizedByReference.dword(), atr, atrLength));
        if (code != PcscLite.SCARD_S_SUCCESS) {
            throw failure(code, "cannot read the card's ATR");
        }
        return Arrays.copyOf(atr, (int) atrLength.getValue());
    }

    public void trace(ApduTrace newTrace) {
        this.trace = newTrace == null ? ApduTrace.NONE : newTrace;
    }

    /** How many APDUs went to the card on this channel (GET RESPONSE and Le retries included). */
    public int exchanges() {
        return exchanges;
    }

    /** Work that must reach the card as one uninterrupted sequence. */
    @FunctionalInterface
    public interface Sequence<T> {
        T run() throws TokenException;
    }

    /**
     * Runs {@code sequence} inside a PC/SC transaction: no other connection to this card (another TokenBench view,
     * another program) can slip an APDU between its commands; theirs fail with a sharing violation until it ends.
     * An authenticated burn needs this, or a stranger's SELECT could reset the token's state half-way.
     */
    public <T> T exclusively(Sequence<T> sequence) throws TokenException {
        long begun = PcscLibrary.code(context.library().SCardBeginTransaction(card));
        if (begun != PcscLite.SCARD_S_SUCCESS) {
            throw failure(begun, "the card could not be reserved for the operation");
        }
        try {
            return sequence.run();
        } finally {
            // Ending fails when the card is gone; the sequence's own failure says so already.
            context.library().SCardEndTransaction(card, new Dword(PcscLite.SCARD_LEAVE_CARD));
        }
    }

    public Response transmit(Apdu command) throws TokenException {
        return transmit(command, GET_RESPONSE);
    }

    /** ISO 7816-4 GET RESPONSE, with which {@link #transmit(Apdu)} follows {@code 61xx}. */
    public static final int GET_RESPONSE = 0xC0;

    /**
     * Like {@link #transmit(Apdu)}, but follows {@code 61xx} with the applet's own instruction: YKOATH answers its
     * SEND REMAINING ({@code A5}), not GET RESPONSE.
     */
    public Response transmit(Apdu command, int moreDataInstruction) throws TokenException {
        try {
            Response response = exchange(command);
            if (response.sw1() == 0x6C) {
                Apdu again = command.withLe(response.sw() & 0xFF);
                try {
                    response = exchange(again);
                } finally {
                    if (again.isSecret()) {
                        again.wipe();
                    }
                }
            }
            if (response.sw1() != 0x61) {
                return response;
            }
            java.io.ByteArrayOutputStream data = new java.io.ByteArrayOutputStream();
            data.writeBytes(response.data());
            for (int i = 0; response.sw1() == 0x61 && i < MAX_CHAINED_RESPONSES; i++) {
                int available = response.sw() & 0xFF;
                response = exchange(Apdu.of(0x00, moreDataInstruction, 0x00, 0x00, new byte[0], available == 0 ? 256 : available));
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
        byte[] received = new byte[MAX_RESPONSE];
        trace.line("> " + command);
        try {
            exchanges++;
            SizedByReference length = SizedByReference.dword(received.length);
            long code = PcscLibrary.code(context.library().SCardTransmit(card, new PcscLite.IoRequest(protocol), bytes,
                    new Dword(bytes.length), null, received, length));
            if (code != PcscLite.SCARD_S_SUCCESS) {
                throw failure(code, "the command to the card failed");
            }
            int size = (int) length.getValue();
            if (size == 0) {
                trace.line("< card removed");
                throw PcscErrors.of(PcscErrors.REMOVED_CARD, "the card in '" + reader + "' answered nothing: it left the reader", null);
            }
            if (size < 2) {
                trace.line("< malformed answer (" + size + " byte)");
                throw new TokenException(ErrorCode.of(ErrorCode.TOKENBENCH, MALFORMED_RESPONSE),
                        "the card in '" + reader + "' answered " + size + " byte, which is not a response (no status word)");
            }
            Response response = Response.parse(Arrays.copyOf(received, size));
            trace.line("< " + response);
            return response;
        } finally {
            if (command.isSecret()) {
                Arrays.fill(bytes, (byte) 0);
            }
        }
    }

    private TokenException failure(long code, String what) {
        if (PcscErrors.meansCardGone(code)) {
            trace.line("< card removed");
            return PcscErrors.of(PcscErrors.REMOVED_CARD,
                    "the card left the reader '" + reader + "' during the command (" + PcscErrors.name(code) + ")", null);
        }
        trace.line("< failed: " + PcscErrors.name(code));
        return PcscErrors.of(code, what + " in '" + reader + "' (" + PcscErrors.name(code) + ")", null);
    }

    /** Disconnects (leaving the card powered) and releases the context; later calls do nothing. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            context.library().SCardDisconnect(card, new Dword(PcscLite.SCARD_LEAVE_CARD));
            context.close();
        }
    }
}
