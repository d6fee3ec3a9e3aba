package org.tokenbench.pcsc.internal;

import com.sun.jna.Library;
import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;
import com.sun.jna.Structure;
import com.sun.jna.ptr.NativeLongByReference;

/**
 * pcsc-lite's WinSCard API as JNA sees it on Linux, where DWORD, LONG, SCARDCONTEXT and SCARDHANDLE are all C
 * {@code long} (64 bits on x86_64), hence NativeLong everywhere.
 */
public interface PcscLite extends Library {

    long SCARD_S_SUCCESS = 0;
    int SCARD_SCOPE_SYSTEM = 2;
    int SCARD_SHARE_EXCLUSIVE = 1;
    int SCARD_SHARE_SHARED = 2;
    int SCARD_PROTOCOL_T0 = 1;
    int SCARD_PROTOCOL_T1 = 2;
    int SCARD_LEAVE_CARD = 0;
    int SCARD_STATE_UNAWARE = 0;
    int SCARD_STATE_CHANGED = 0x02;
    int SCARD_STATE_UNKNOWN = 0x04;
    int SCARD_STATE_UNAVAILABLE = 0x08;
    int SCARD_STATE_PRESENT = 0x20;
    int SCARD_STATE_MUTE = 0x200;
    int MAX_ATR_SIZE = 33;
    /** The pseudo-reader whose state changes when a reader is plugged in or out. */
    String PNP_NOTIFICATION = "\\\\?PnP?\\Notification";

    /** SCARD_IO_REQUEST: the protocol control information sent with each APDU. */
    @Structure.FieldOrder({"dwProtocol", "cbPciLength"})
    class IoRequest extends Structure {
        public NativeLong dwProtocol;
        public NativeLong cbPciLength;

        public IoRequest(long protocol) {
            dwProtocol = new NativeLong(protocol);
            cbPciLength = new NativeLong(size());
        }
    }

    /**
     * SCARD_READERSTATE: what SCardGetStatusChange reports about a reader, including the card's ATR, without
     * connecting to it. Several are passed as one contiguous array made by {@link Structure#toArray(int)}.
     */
    @Structure.FieldOrder({"szReader", "pvUserData", "dwCurrentState", "dwEventState", "cbAtr", "rgbAtr"})
    class ReaderState extends Structure {
        public String szReader;
        public Pointer pvUserData;
        public NativeLong dwCurrentState = new NativeLong(SCARD_STATE_UNAWARE);
        public NativeLong dwEventState = new NativeLong(0);
        public NativeLong cbAtr = new NativeLong(0);
        public byte[] rgbAtr = new byte[MAX_ATR_SIZE];

        /** For {@link Structure#toArray(int)}. */
        public ReaderState() {
        }

        /** An array of states, one per reader, each starting from {@code currentStates}. */
        public static ReaderState[] of(java.util.List<String> readers, java.util.List<Long> currentStates) {
            ReaderState[] states = (ReaderState[]) new ReaderState().toArray(readers.size());
            for (int i = 0; i < states.length; i++) {
                states[i].szReader = readers.get(i);
                states[i].dwCurrentState = new NativeLong(currentStates.get(i));
            }
            return states;
        }

        public long eventState() {
            return dwEventState.longValue() & 0xFFFF_FFFFL;
        }

        public byte[] atr() {
            return java.util.Arrays.copyOf(rgbAtr, Math.min(MAX_ATR_SIZE, cbAtr.intValue()));
        }
    }

    NativeLong SCardEstablishContext(NativeLong scope, Pointer reserved1, Pointer reserved2, NativeLongByReference context);

    NativeLong SCardReleaseContext(NativeLong context);

    /** Ends a blocking SCardGetStatusChange on {@code context} (from another thread) with SCARD_E_CANCELLED. */
    NativeLong SCardCancel(NativeLong context);

    NativeLong SCardListReaders(NativeLong context, String groups, byte[] readers, NativeLongByReference readersLength);

    NativeLong SCardConnect(NativeLong context, String reader, NativeLong shareMode, NativeLong preferredProtocols,
            NativeLongByReference card, NativeLongByReference activeProtocol);

    NativeLong SCardDisconnect(NativeLong card, NativeLong disposition);

    NativeLong SCardBeginTransaction(NativeLong card);

    NativeLong SCardEndTransaction(NativeLong card, NativeLong disposition);

    NativeLong SCardTransmit(NativeLong card, IoRequest sendPci, byte[] send, NativeLong sendLength, IoRequest receivePci,
            byte[] receive, NativeLongByReference receiveLength);

    NativeLong SCardStatus(NativeLong card, byte[] readerName, NativeLongByReference readerNameLength, NativeLongByReference state,
            NativeLongByReference protocol, byte[] atr, NativeLongByReference atrLength);

    NativeLong SCardGetStatusChange(NativeLong context, NativeLong timeoutMillis, ReaderState[] states, NativeLong readerCount);
}
