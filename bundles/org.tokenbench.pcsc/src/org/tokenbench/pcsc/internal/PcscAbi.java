package org.tokenbench.pcsc.internal;

import java.util.List;
import java.util.Set;

import com.sun.jna.Native;
import com.sun.jna.Platform;
import com.sun.jna.Structure;

/**
 * The WinSCard API's binary shape on each platform TokenBench builds for; the binding ({@link PcscLite}, {@link Dword},
 * {@link ScardHandle}) takes its sizes from {@link #current()}. From the platforms' headers:
 * <ul>
 * <li>pcsc-lite (Linux): {@code DWORD} and {@code LONG} are C {@code unsigned long}/{@code long} (8 bytes on LP64), so
 * are {@code SCARDCONTEXT}/{@code SCARDHANDLE}; {@code MAX_ATR_SIZE} 33; natural alignment.</li>
 * <li>Windows (winscard.h): {@code DWORD}/{@code LONG} are 32-bit, {@code SCARDCONTEXT}/{@code SCARDHANDLE} are
 * {@code ULONG_PTR} (pointer-sized); {@code rgbAtr[36]}; the string functions exist as {@code …A} and {@code …W}
 * ({@code SCardListReadersA}); the service stops when the last reader goes, and {@code SCardAccessStartedEvent} says
 * when it is back.</li>
 * <li>macOS (PCSC.framework, pcsc-lite-derived): {@code DWORD} is {@code uint32_t}, {@code SCARDCONTEXT} and
 * {@code SCARDHANDLE} are {@code int32_t}; {@code MAX_ATR_SIZE} 33; the structures are {@code #pragma pack(1)}; no
 * PnP notification reader.</li>
 * </ul>
 */
public record PcscAbi(String name, List<String> libraries, int dwordSize, int handleSize, int maxAtrSize, int alignment,
        boolean ansiSuffix, boolean pnpNotification, boolean serviceStartedEvent) {

    /** The functions taking or returning strings: Windows exports them as …A (ANSI, what JNA passes) and …W. */
    public static final Set<String> STRING_FUNCTIONS = Set.of("SCardListReaders", "SCardConnect", "SCardStatus", "SCardGetStatusChange");

    public static final PcscAbi LINUX = new PcscAbi("pcsc-lite", List.of(
            "/usr/lib/x86_64-linux-gnu/libpcsclite.so.1", "/usr/lib/aarch64-linux-gnu/libpcsclite.so.1",
            "/usr/lib64/libpcsclite.so.1", "/usr/lib/libpcsclite.so.1", "/lib/x86_64-linux-gnu/libpcsclite.so.1", "pcsclite"),
            Native.LONG_SIZE, Native.LONG_SIZE, 33, Structure.ALIGN_DEFAULT, false, true, false);

    public static final PcscAbi WINDOWS = windows(Native.POINTER_SIZE);

    public static final PcscAbi MACOS = new PcscAbi("PCSC.framework",
            List.of("/System/Library/Frameworks/PCSC.framework/PCSC"), 4, 4, 33, Structure.ALIGN_NONE, false, false, false);

    /** Windows with {@code pointerSize}-byte pointers: 4 on 32-bit Windows, 8 on x64 and ARM64. */
    public static PcscAbi windows(int pointerSize) {
        return new PcscAbi("winscard", List.of("winscard"), 4, pointerSize, 36, Structure.ALIGN_DEFAULT, true, true, true);
    }

    public static PcscAbi current() {
        return Platform.isWindows() ? WINDOWS : Platform.isMac() ? MACOS : LINUX;
    }

    /** The name the library exports {@code function} under. */
    public String exportedName(String function) {
        return ansiSuffix && STRING_FUNCTIONS.contains(function) ? function + "A" : function;
    }

    /** SCARD_READERSTATE's field offsets (szReader, pvUserData, dwCurrentState, dwEventState, cbAtr, rgbAtr), then its size. */
    public int[] readerStateLayout(int pointerSize) {
        int[] sizes = {pointerSize, pointerSize, dwordSize, dwordSize, dwordSize, maxAtrSize};
        int[] aligns = {pointerSize, pointerSize, dwordSize, dwordSize, dwordSize, 1};
        return layout(sizes, aligns);
    }

    /** SCARD_IO_REQUEST's offsets (dwProtocol, cbPciLength), then its size. */
    public int[] ioRequestLayout() {
        return layout(new int[] {dwordSize, dwordSize}, new int[] {dwordSize, dwordSize});
    }

    private int[] layout(int[] sizes, int[] aligns) {
        int[] result = new int[sizes.length + 1];
        int offset = 0;
        int widest = 1;
        for (int i = 0; i < sizes.length; i++) {
            int align = alignment == Structure.ALIGN_NONE ? 1 : aligns[i];
            offset = (offset + align - 1) / align * align;
            result[i] = offset;
            offset += sizes[i];
            widest = Math.max(widest, align);
        }
        result[sizes.length] = (offset + widest - 1) / widest * widest;
        return result;
    }
}
