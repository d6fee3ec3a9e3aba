package org.tokenbench.pcsc.internal;

import com.sun.jna.Library;
import com.sun.jna.Pointer;
import com.sun.jna.Structure;

/**
 * The WinSCard API (pcsc-lite, winscard.dll, PCSC.framework) as JNA sees it: DWORD and LONG are {@link Dword},
 * SCARDCONTEXT and SCARDHANDLE {@link ScardHandle}, both sized by {@link PcscAbi#current()}; Windows' …A names are
 * mapped by {@link PcscLibrary}.
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
    /** Some context holds the card with SCARD_SHARE_EXCLUSIVE (another program's, or our own connection). */
    int SCARD_STATE_EXCLUSIVE = 0x80;
    int SCARD_STATE_MUTE = 0x200;
        /** The pseudo-reader whose state changes when a reader is plugged in or out. */
    String PNP_NOTIFICATION = "\\\\?PnP?\\Notification";

    /** SCARD_IO_REQUEST: the protocol control information sent with each APDU. */
    @Structure.FieldOrder({"dwProtocol", "cbPciLength"})
    class IoRequest extends Structure {
        public Dword dwProtocol;
        public Dword cbPciLength;

        public IoRequest(long protocol) {
            super(PcscAbi.current().alignment());
            dwProtocol = new Dword(protocol);
            cbPciLength = new Dword(size());
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
        public Dword dwCurrentState = new Dword(SCARD_STATE_UNAWARE);
        public Dword dwEventState = new Dword(0);
        public Dword cbAtr = new Dword(0);
        public byte[] rgbAtr = new byte[PcscAbi.current().maxAtrSize()];

        /** For {@link Structure#toArray(int)}. */
        public ReaderState() {
            super(PcscAbi.current().alignment());
        }

        /** An array of states, one per reader, each starting from {@code currentStates}. */
        public static ReaderState[] of(java.util.List<String> readers, java.util.List<Long> currentStates) {
            ReaderState[] states = (ReaderState[]) new ReaderState().toArray(readers.size());
            for (int i = 0; i < states.length; i++) {
                states[i].szReader = readers.get(i);
                states[i].dwCurrentState = new Dword(currentStates.get(i));
            }
            return states;
        }

        public long eventState() {
            return dwEventState.longValue() & 0xFFFF_FFFFL;
        }

        public byte[] atr() {
            return java.util.Arrays.copyOf(rgbAtr, Math.min(rgbAtr.length, cbAtr.intValue()));
        }
    }

    Dword SCardEstablishContext(Dword scope, Pointer reserved1, Pointer reserved2, SizedByReference context);

    Dword SCardReleaseContext(ScardHandle context);

    /** Ends a blocking SCardGetStatusChange on {@code context} (from another thread) with SCARD_E_CANCELLED. */
    Dword SCardCancel(ScardHandle context);

    Dword SCardListReaders(ScardHandle context, String groups, byte[] readers, SizedByReference readersLength);

    Dword SCardConnect(ScardHandle context, String reader, Dword shareMode, Dword preferredProtocols,
            SizedByReference card, SizedByReference activeProtocol);

    Dword SCardDisconnect(ScardHandle card, Dword disposition);

    Dword SCardBeginTransaction(ScardHandle card);

    Dword SCardEndTransaction(ScardHandle card, Dword disposition);

    Dword SCardTransmit(ScardHandle card, IoRequest sendPci, byte[] send, Dword sendLength, IoRequest receivePci,
            byte[] receive, SizedByReference receiveLength);

    Dword SCardStatus(ScardHandle card, byte[] readerName, SizedByReference readerNameLength, SizedByReference state,
            SizedByReference protocol, byte[] atr, SizedByReference atrLength);

    Dword SCardGetStatusChange(ScardHandle context, Dword timeoutMillis, ReaderState[] states, Dword readerCount);

    /** Windows only: an event signalled while the Smart Card service runs (it stops when the last reader goes). */
    Pointer SCardAccessStartedEvent();

    /** Windows only: releases {@link #SCardAccessStartedEvent()}'s event. */
    void SCardReleaseStartedEvent();
}
