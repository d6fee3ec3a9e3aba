package org.tokenbench.pcsc.internal;

import com.sun.jna.ptr.ByReference;

/** An out-parameter of a {@link Dword} or {@link ScardHandle}: its size follows the platform ({@link PcscAbi}). */
public final class SizedByReference extends ByReference {

    private final int size;

    /** For JNA. */
    public SizedByReference() {
        this(Dword.SIZE, 0);
    }

    private SizedByReference(int size, long value) {
        super(size);
        this.size = size;
        setValue(value);
    }

    public static SizedByReference dword(long value) {
        return new SizedByReference(Dword.SIZE, value);
    }

    public static SizedByReference dword() {
        return dword(0);
    }

    public static SizedByReference handle() {
        return new SizedByReference(ScardHandle.SIZE, 0);
    }

    public void setValue(long value) {
        if (size == 8) {
            getPointer().setLong(0, value);
        } else {
            getPointer().setInt(0, (int) value);
        }
    }

    /** The value, unsigned. */
    public long getValue() {
        return size == 8 ? getPointer().getLong(0) : getPointer().getInt(0) & 0xFFFF_FFFFL;
    }
}
