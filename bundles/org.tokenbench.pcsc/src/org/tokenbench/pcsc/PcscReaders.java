package org.tokenbench.pcsc;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import com.sun.jna.NativeLong;
import com.sun.jna.ptr.NativeLongByReference;

import org.tokenbench.core.TokenException;
import org.tokenbench.pcsc.internal.PcscLibrary;
import org.tokenbench.pcsc.internal.PcscLite;

/**
 * The PC/SC readers of this machine, through pcsc-lite. Each question opens its own context, so a pcscd that
 * started after TokenBench (or restarted) is found without restarting TokenBench.
 */
public final class PcscReaders {

    private PcscReaders() {
    }

    /** The names of the connected readers; empty when none is connected. */
    public static List<String> names() throws TokenException {
        PcscLite pcsc = PcscLibrary.get();
        NativeLong context = PcscLibrary.establishContext();
        try {
            NativeLongByReference length = new NativeLongByReference();
            long code = PcscLibrary.code(pcsc.SCardListReaders(context, null, null, length));
            if (code == PcscErrors.NO_READERS_AVAILABLE) {
                return List.of();
            }
            PcscLibrary.check(new NativeLong(code), "cannot list smart-card readers");
            byte[] buffer = new byte[length.getValue().intValue()];
            code = PcscLibrary.code(pcsc.SCardListReaders(context, null, buffer, length));
            if (code == PcscErrors.NO_READERS_AVAILABLE) {
                return List.of();
            }
            PcscLibrary.check(new NativeLong(code), "cannot list smart-card readers");
            return multiString(buffer, length.getValue().intValue());
        } finally {
            PcscLibrary.releaseContext(context);
        }
    }

    /** Connects to the card in {@code reader} (T=0 or T=1, shared). */
    public static ApduChannel connect(String reader) throws TokenException {
        PcscLite pcsc = PcscLibrary.get();
        NativeLong context = PcscLibrary.establishContext();
        NativeLongByReference card = new NativeLongByReference();
        NativeLongByReference protocol = new NativeLongByReference();
        long code = PcscLibrary.code(pcsc.SCardConnect(context, reader, new NativeLong(PcscLite.SCARD_SHARE_SHARED),
                new NativeLong(PcscLite.SCARD_PROTOCOL_T0 | PcscLite.SCARD_PROTOCOL_T1), card, protocol));
        if (code != PcscLite.SCARD_S_SUCCESS) {
            PcscLibrary.releaseContext(context);
            String message = switch ((int) code) {
                case (int) PcscErrors.NO_SMARTCARD -> "no card or token in the reader '" + reader + "'";
                case (int) PcscErrors.UNKNOWN_READER -> "no reader named '" + reader + "' is connected";
                default -> "cannot connect to the card in '" + reader + "' (" + PcscErrors.name(code) + ")";
            };
            throw PcscErrors.of(code, message, null);
        }
        return new ApduChannel(reader, context, card.getValue(), protocol.getValue().longValue());
    }

    /** True when a card is present in {@code reader} right now (asks pcscd; does not touch the card). */
    public static boolean isCardPresent(String reader) throws TokenException {
        PcscLite pcsc = PcscLibrary.get();
        NativeLong context = PcscLibrary.establishContext();
        try {
            PcscLite.ReaderState state = new PcscLite.ReaderState(reader);
            PcscLibrary.check(pcsc.SCardGetStatusChange(context, new NativeLong(0), state, new NativeLong(1)),
                    "cannot ask the reader '" + reader + "' about its card");
            return (state.dwEventState.longValue() & PcscLite.SCARD_STATE_PRESENT) != 0;
        } finally {
            PcscLibrary.releaseContext(context);
        }
    }

    /** A PC/SC multi-string: names separated by NUL, ended by an empty name. */
    static List<String> multiString(byte[] buffer, int length) {
        List<String> names = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < Math.min(length, buffer.length); i++) {
            if (buffer[i] == 0) {
                if (i == start) {
                    break;
                }
                names.add(new String(buffer, start, i - start, StandardCharsets.UTF_8));
                start = i + 1;
            }
        }
        return names;
    }
}
