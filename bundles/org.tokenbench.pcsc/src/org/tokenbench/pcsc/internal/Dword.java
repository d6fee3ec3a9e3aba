package org.tokenbench.pcsc.internal;

import com.sun.jna.IntegerType;

/** WinSCard's DWORD (and LONG, for return codes): 8 bytes on Linux LP64, 4 on Windows and macOS ({@link PcscAbi}). */
public final class Dword extends IntegerType {

    private static final long serialVersionUID = 1L;
    static final int SIZE = PcscAbi.current().dwordSize();

    /** For JNA, which creates return values through this constructor. */
    public Dword() {
        this(0);
    }

    public Dword(long value) {
        super(SIZE, value, true);
    }
}
