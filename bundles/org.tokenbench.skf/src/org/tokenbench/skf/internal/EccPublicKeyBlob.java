package org.tokenbench.skf.internal;

import com.sun.jna.Structure;

/** ECCPUBLICKEYBLOB: BitLen, then X and Y in 64-byte fields with 256-bit values right-aligned (132 bytes). */
@Structure.FieldOrder({"bitLength", "x", "y"})
public final class EccPublicKeyBlob extends Structure {

    public static final int SIZE = 132;

    public int bitLength;
    public byte[] x = new byte[64];
    public byte[] y = new byte[64];

    public EccPublicKeyBlob() {
        super(ALIGN_NONE);
    }

    /** From the 132 bytes SKF_ExportPublicKey wrote (little-endian BitLen, as on every SKF platform). */
    public static EccPublicKeyBlob of(byte[] raw) {
        EccPublicKeyBlob blob = new EccPublicKeyBlob();
        blob.bitLength = (raw[0] & 0xFF) | (raw[1] & 0xFF) << 8 | (raw[2] & 0xFF) << 16 | (raw[3] & 0xFF) << 24;
        System.arraycopy(raw, 4, blob.x, 0, 64);
        System.arraycopy(raw, 68, blob.y, 0, 64);
        blob.write();
        return blob;
    }
}
