package org.tokenbench.pcsc.internal;

import com.sun.jna.IntegerType;

/** SCARDCONTEXT and SCARDHANDLE: C long on Linux, pointer-sized on Windows, 32-bit on macOS ({@link PcscAbi}). */
public final class ScardHandle extends IntegerType {

    private static final long serialVersionUID = 1L;
    static final int SIZE = PcscAbi.current().handleSize();

    /** For JNA. */
    public ScardHandle() {
        this(0);
    }

    public ScardHandle(long value) {
        super(SIZE, value, true);
    }
}
