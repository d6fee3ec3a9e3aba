package org.tokenbench.skf.internal;

import com.sun.jna.Structure;

/** DEVINFO, packed to 1 byte as GM/T 0016 declares it: 294 bytes. */
@Structure.FieldOrder({"versionMajor", "versionMinor", "manufacturer", "issuer", "label", "serialNumber", "hwMajor", "hwMinor",
    "fwMajor", "fwMinor", "algSymCap", "algAsymCap", "algHashCap", "devAuthAlgId", "totalSpace", "freeSpace",
    "maxEccBufferSize", "maxBufferSize", "reserved"})
public final class DevInfoStruct extends Structure {

    public static final int SIZE = 294;

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
}
