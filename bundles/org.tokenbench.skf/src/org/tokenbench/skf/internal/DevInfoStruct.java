package org.tokenbench.skf.internal;

import com.sun.jna.Pointer;
import com.sun.jna.Structure;

/**
 * DEVINFO, packed to 1 byte as GM/T 0016 declares it: 294 bytes. A vendor header without {@code #pragma pack(1)}
 * compiles it with the ULONGs aligned to 4: 296 bytes, the fields from AlgSymCap on two bytes later.
 */
@Structure.FieldOrder({"versionMajor", "versionMinor", "manufacturer", "issuer", "label", "serialNumber", "hwMajor", "hwMinor",
    "fwMajor", "fwMinor", "algSymCap", "algAsymCap", "algHashCap", "devAuthAlgId", "totalSpace", "freeSpace",
    "maxEccBufferSize", "maxBufferSize", "reserved"})
public final class DevInfoStruct extends Structure {

    public static final int SIZE = 294;
    /** The size with natural alignment (a header without {@code #pragma pack(1)}). */
    public static final int ALIGNED_SIZE = 296;

    public byte versionMajor;
    public byte versionMinor;
    public byte[] manufacturer = new byte[64];
    public byte[] issuer = new byte[64];
    public byte[] label = new byte[32];
    public byte[] serialNumber = new byte[32];
    public byte hwMajor;
    public byte hwMinor;
    public byte fwMajor;
    public byte fwMinor;
    public int algSymCap;
    public int algAsymCap;
    public int algHashCap;
    public int devAuthAlgId;
    public int totalSpace;
    public int freeSpace;
    public int maxEccBufferSize;
    public int maxBufferSize;
    public byte[] reserved = new byte[64];

    public DevInfoStruct() {
        super(ALIGN_NONE);
    }

    /** The fields as a library wrote them at {@code memory}, packed or naturally {@code aligned}. */
    public DevInfoStruct(Pointer memory, boolean aligned) {
        super(memory, aligned ? ALIGN_DEFAULT : ALIGN_NONE);
        read();
    }
}
