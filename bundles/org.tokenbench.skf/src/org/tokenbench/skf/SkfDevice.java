package org.tokenbench.skf;

import java.util.List;

import org.tokenbench.skf.internal.DevInfoStruct;
import org.tokenbench.skf.internal.EccPublicKeyBlob;
import org.tokenbench.skf.internal.NameList;
import org.tokenbench.skf.internal.SkfApi;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.PointerByReference;

/** A connected key (an SKF device handle), reached through its {@link SkfConnection}. */
public final class SkfDevice {

    static final int SGD_SM3 = 0x00000001;

    private final SkfLibrary library;
    private final SkfLibrary.KeyName name;
    private Pointer handle;

    SkfDevice(SkfLibrary library, SkfLibrary.KeyName name, Pointer handle) {
        this.library = library;
        this.name = name;
        this.handle = handle;
    }

    public SkfLibrary.KeyName name() {
        return name;
    }

    public SkfLibrary library() {
        return library;
    }

    /**
     * SKF_GetDevInfo: costs nothing, changes nothing. The library writes into a buffer with slack, pre-filled with a
     * marker: a vendor header without {@code #pragma pack(1)} writes 296 bytes (read with that layout), and a library
     * that writes further is refused instead of trampling our memory.
     */
    public DeviceInfo info() throws SkfException {
        Memory buffer = new Memory(DEVINFO_BUFFER);
        buffer.setMemory(0, DEVINFO_BUFFER, UNWRITTEN);
        SkfLibrary.check("SKF_GetDevInfo", api().SKF_GetDevInfo(handle(), buffer), "reading the key's device information");
        int written = DEVINFO_BUFFER;
        while (written > 0 && buffer.getByte(written - 1) == UNWRITTEN) {
            written--;
        }
        if (written > DevInfoStruct.ALIGNED_SIZE) {
            throw new SkfException(SkfProblem.MALFORMED_ANSWER, "SKF_GetDevInfo wrote " + written + " bytes; DEVINFO has "
                    + DevInfoStruct.SIZE + " (" + DevInfoStruct.ALIGNED_SIZE + " unpacked)");
        }
        return DeviceInfo.of(new DevInfoStruct(buffer, written > DevInfoStruct.SIZE));
    }

    /** Room for DEVINFO and more: what a misbehaving library writes past it lands here, and is noticed. */
    static final int DEVINFO_BUFFER = 512;
    private static final byte UNWRITTEN = (byte) 0xA5;

    public List<String> applications() throws SkfException {
        return names("SKF_EnumApplication", (buffer, size) -> api().SKF_EnumApplication(handle(), buffer, size));
    }

    public SkfApplication openApplication(String applicationName) throws SkfException {
        PointerByReference app = new PointerByReference();
        SkfLibrary.check("SKF_OpenApplication", api().SKF_OpenApplication(handle(), NameList.terminated(bytes(applicationName)), app),
                "opening application " + applicationName);
        if (app.getValue() == null) {
            throw new SkfException(SkfProblem.MALFORMED_ANSWER, "SKF_OpenApplication succeeded but returned no handle");
        }
        return new SkfApplication(this, applicationName, app.getValue());
    }

    /** Random bytes from the key's generator. */
    public byte[] random(int length) throws SkfException {
        byte[] random = new byte[length];
        SkfLibrary.check("SKF_GenRandom", api().SKF_GenRandom(handle(), random, length), "asking the key for random bytes");
        return random;
    }

    /**
     * SM3 over {@code message} preceded by the SM2 Z-value of {@code publicKey} and {@code id}, computed by the key
     * (SKF_DigestInit with a public key, then SKF_Digest): the hash a logon signature is made over.
     */
    public byte[] sm3WithZ(byte[] publicKeyBlob, byte[] id, byte[] message) throws SkfException {
        PointerByReference hash = new PointerByReference();
        SkfLibrary.check("SKF_DigestInit", api().SKF_DigestInit(handle(), SGD_SM3, EccPublicKeyBlob.of(publicKeyBlob), id, id.length, hash),
                "starting an SM3 digest with the SM2 Z-value");
        try {
            byte[] digest = new byte[32];
            IntByReference length = new IntByReference(digest.length);
            SkfLibrary.check("SKF_Digest", api().SKF_Digest(hash.getValue(), message, message.length, digest, length), "hashing the challenge");
            if (length.getValue() != 32) {
                throw new SkfException(SkfProblem.MALFORMED_ANSWER, "SKF_Digest returned " + length.getValue() + " bytes of SM3, not 32");
            }
            return digest;
        } finally {
            api().SKF_CloseHandle(hash.getValue());
        }
    }

    List<String> names(String function, SkfLibrary.SizedCall call) throws SkfException {
        return SkfLibrary.names(function, call).stream().map(NameList::display).toList();
    }

    static byte[] bytes(String name) {
        return name.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    SkfApi api() {
        return library.api();
    }

    Pointer handle() {
        if (handle == null) {
            throw new IllegalStateException("the key " + name + " is disconnected");
        }
        return handle;
    }

    /** Unlocks when locked, then disconnects; a key already pulled out is simply forgotten. */
    synchronized void disconnect(boolean locked) {
        if (handle != null) {
            try {
                if (locked) {
                    api().SKF_UnlockDev(handle);
                }
            } finally {
                api().SKF_DisConnectDev(handle);
                handle = null;
            }
        }
    }
}
