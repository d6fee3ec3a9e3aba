package org.tokenbench.pcsc.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.tokenbench.pcsc.internal.Dword;
import org.tokenbench.pcsc.internal.PcscAbi;
import org.tokenbench.pcsc.internal.PcscLite;
import org.tokenbench.pcsc.internal.ScardHandle;
import org.tokenbench.pcsc.internal.SizedByReference;

/**
 * The PC/SC binding's shape on each platform, against the numbers in the platforms' headers (pcsc-lite's pcsclite.h and
 * wintypes.h, Windows' winscard.h/winsmcrd.h, macOS PCSC.framework's wintypes.h/pcsclite.h with #pragma pack(1)).
 * Runs on Linux: the Windows and macOS layouts are computed, and the Linux one is checked against JNA's real structures.
 */
class PcscAbiTest {

    @Test
    void linuxUsesCLongForDwordAndHandlesAndNaturalAlignment() {
        PcscAbi linux = PcscAbi.LINUX;
        assertEquals(8, linux.dwordSize(), "DWORD is unsigned long on LP64");
        assertEquals(8, linux.handleSize());
        assertEquals(33, linux.maxAtrSize());
        // szReader 0, pvUserData 8, dwCurrentState 16, dwEventState 24, cbAtr 32, rgbAtr 40; 73 bytes padded to 80.
        assertArrayEquals(new int[] {0, 8, 16, 24, 32, 40, 80}, linux.readerStateLayout(8));
        assertArrayEquals(new int[] {0, 8, 16}, linux.ioRequestLayout());
        assertEquals("SCardListReaders", linux.exportedName("SCardListReaders"));
        assertTrue(linux.pnpNotification());
        assertFalse(linux.serviceStartedEvent());
    }

    @Test
    void windowsHas32BitDwordsPointerSizedHandlesAnsiNamesAndTheStartedEvent() {
        PcscAbi x64 = PcscAbi.windows(8);
        assertEquals(4, x64.dwordSize(), "DWORD is 32-bit on Windows (LLP64)");
        assertEquals(8, x64.handleSize(), "SCARDCONTEXT/SCARDHANDLE are ULONG_PTR");
        assertEquals(36, x64.maxAtrSize(), "SCARD_READERSTATEA.rgbAtr[36]");
        // sizeof(SCARD_READERSTATEA) on x64 is 64: 8 + 8 + 3 * 4 + 36.
        assertArrayEquals(new int[] {0, 8, 16, 20, 24, 28, 64}, x64.readerStateLayout(8));
        assertArrayEquals(new int[] {0, 4, 8}, x64.ioRequestLayout(), "SCARD_IO_REQUEST is two DWORDs");
        assertEquals("SCardListReadersA", x64.exportedName("SCardListReaders"));
        assertEquals("SCardConnectA", x64.exportedName("SCardConnect"));
        assertEquals("SCardGetStatusChangeA", x64.exportedName("SCardGetStatusChange"));
        assertEquals("SCardTransmit", x64.exportedName("SCardTransmit"), "no string, no A/W pair");
        assertTrue(x64.serviceStartedEvent());
        assertEquals(4, PcscAbi.windows(4).handleSize(), "32-bit Windows");
        assertEquals("winscard", x64.libraries().get(0));
    }

    @Test
    void macOsHas32BitTypesAndPackedStructures() {
        PcscAbi mac = PcscAbi.MACOS;
        assertEquals(4, mac.dwordSize(), "DWORD is uint32_t");
        assertEquals(4, mac.handleSize(), "SCARDCONTEXT is int32_t");
        // #pragma pack(1): 8 + 8 + 3 * 4 + 33 = 61, no padding.
        assertArrayEquals(new int[] {0, 8, 16, 20, 24, 28, 61}, mac.readerStateLayout(8));
        assertArrayEquals(new int[] {0, 4, 8}, mac.ioRequestLayout());
        assertEquals("/System/Library/Frameworks/PCSC.framework/PCSC", mac.libraries().get(0));
        assertEquals("SCardListReaders", mac.exportedName("SCardListReaders"));
        assertFalse(mac.pnpNotification());
    }

    @Test
    void theRealBindingOnThisMachineHasTheLayoutItsAbiDescribes() {
        PcscAbi here = PcscAbi.current();
        int[] layout = here.readerStateLayout(com.sun.jna.Native.POINTER_SIZE);
        ReaderStateProbe state = new ReaderStateProbe();
        assertEquals(layout[layout.length - 1], state.size());
        assertEquals(layout[2], state.offset("dwCurrentState"));
        assertEquals(layout[4], state.offset("cbAtr"));
        assertEquals(layout[5], state.offset("rgbAtr"));
        int[] io = here.ioRequestLayout();
        assertEquals(io[io.length - 1], new PcscLite.IoRequest(PcscLite.SCARD_PROTOCOL_T1).size());
        assertEquals(here.dwordSize(), com.sun.jna.Native.getNativeSize(Dword.class, new Dword()));
        assertEquals(here.handleSize(), com.sun.jna.Native.getNativeSize(ScardHandle.class, new ScardHandle()));
        SizedByReference length = SizedByReference.dword(0xFFFF_FFF0L);
        assertEquals(0xFFFF_FFF0L, length.getValue(), "unsigned round trip");
    }

    /** JNA's own offsets of the binding's structure (fieldOffset is protected). */
    static final class ReaderStateProbe extends PcscLite.ReaderState {
        int offset(String field) {
            return fieldOffset(field);
        }
    }
}
