package org.tokenbench.skf.internal;

import com.sun.jna.Structure;

/** ECCSIGNATUREBLOB: r and s in 64-byte fields, 256-bit values right-aligned (128 bytes). */
@Structure.FieldOrder({"r", "s"})
public final class EccSignatureBlob extends Structure {

    public static final int SIZE = 128;

    public byte[] r = new byte[64];
    public byte[] s = new byte[64];

    public EccSignatureBlob() {
        super(ALIGN_NONE);
    }
}
