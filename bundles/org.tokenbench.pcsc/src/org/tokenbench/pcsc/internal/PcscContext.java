package org.tokenbench.pcsc.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;


import org.tokenbench.core.TokenException;
import org.tokenbench.pcsc.PcscErrors;

/**
 * One pcsc-lite resource-manager context. Contexts are not shared between threads (pcsc-lite serialises calls on a
 * context), so each user establishes its own; {@link #cancel()} is the one call another thread may make.
 */
public final class PcscContext implements AutoCloseable {

    private final PcscLite pcsc;
    private final ScardHandle handle;
    private boolean released;

    private PcscContext(PcscLite pcsc, ScardHandle handle) {
        this.pcsc = pcsc;
        this.handle = handle;
    }

    /** Fails with the library's or pcscd's code (SCARD_E_NO_SERVICE when pcscd is not running). */
    public static PcscContext establish() throws TokenException {
        PcscLite pcsc = PcscLibrary.get();
        SizedByReference context = SizedByReference.handle();
        PcscLibrary.check(pcsc.SCardEstablishContext(new Dword(PcscLite.SCARD_SCOPE_SYSTEM), null, null, context),
                "cannot reach the PC/SC service pcscd");
        return new PcscContext(pcsc, new ScardHandle(context.getValue()));
    }

    public ScardHandle handle() {
        return handle;
    }

    public PcscLite library() {
        return pcsc;
    }

    /** The names of the connected readers; empty when none is connected. */
    public List<String> readers() throws TokenException {
        SizedByReference length = SizedByReference.dword();
        long code = PcscLibrary.code(pcsc.SCardListReaders(handle, null, null, length));
        if (code == PcscErrors.NO_READERS_AVAILABLE) {
            return List.of();
        }
        PcscLibrary.check(new Dword(code), "cannot list smart-card readers");
        byte[] buffer = new byte[(int) length.getValue()];
        code = PcscLibrary.code(pcsc.SCardListReaders(handle, null, buffer, length));
        if (code == PcscErrors.NO_READERS_AVAILABLE) {
            return List.of();
        }
        PcscLibrary.check(new Dword(code), "cannot list smart-card readers");
        return multiString(buffer, (int) length.getValue());
    }

    /**
     * SCardGetStatusChange: blocks until one of {@code states} differs from its current state, the timeout passes
     * or {@link #cancel()} is called, and returns pcsc-lite's code (SCARD_E_TIMEOUT, SCARD_E_CANCELLED included).
     */
    public long waitForChange(PcscLite.ReaderState[] states, long timeoutMillis) {
        return PcscLibrary.code(pcsc.SCardGetStatusChange(handle, new Dword(timeoutMillis), states, new Dword(states.length)));
    }

    /** Ends a {@link #waitForChange} running on another thread. */
    public void cancel() {
        pcsc.SCardCancel(handle);
    }

    @Override
    public synchronized void close() {
        if (!released) {
            released = true;
            pcsc.SCardReleaseContext(handle);
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
