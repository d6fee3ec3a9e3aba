package org.tokenbench.driver.guomi;

import java.util.List;

import org.tokenbench.core.Secret;
import org.tokenbench.driver.guomi.internal.NameList;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.PointerByReference;

/** An opened SKF application: PINs and containers. PIN verification goes through {@link PinSafety}. */
public final class SkfApplication implements AutoCloseable {

    private final SkfDevice device;
    private final String name;
    private Pointer handle;

    SkfApplication(SkfDevice device, String name, Pointer handle) {
        this.device = device;
        this.name = name;
        this.handle = handle;
    }

    public String name() {
        return name;
    }

    public SkfDevice device() {
        return device;
    }

    /** The retry counter, read without spending a try. */
    public PinInfo pinInfo(PinType type) throws GuomiException {
        IntByReference max = new IntByReference();
        IntByReference remaining = new IntByReference();
        IntByReference isDefault = new IntByReference();
        SkfLibrary.check("SKF_GetPINInfo", device.api().SKF_GetPINInfo(handle(), type.value(), max, remaining, isDefault),
                "reading the " + type.label() + " retry counter");
        int m = max.getValue();
        int r = remaining.getValue();
        if (m < 0 || m > 255 || r < 0 || r > m) {
            throw new GuomiException(GuomiProblem.MALFORMED_ANSWER, "SKF_GetPINInfo reported " + Integer.toUnsignedString(r) + " of "
                    + Integer.toUnsignedString(m) + " tries left, which cannot be");
        }
        return new PinInfo(type, m, r, isDefault.getValue() != 0);
    }

    /** One SKF_VerifyPIN call; returns the SAR code and the retries the library reported. Only PinSafety calls it. */
    int verifyOnce(PinType type, Secret pin, IntByReference retries) {
        try (Memory pinCopy = nativeCopy(pin)) {
            try {
                return device.api().SKF_VerifyPIN(handle(), type.value(), pinCopy, retries);
            } finally {
                pinCopy.clear();
            }
        }
    }

    int changeOnce(PinType type, Secret oldPin, Secret newPin, IntByReference retries) {
        try (Memory oldNative = nativeCopy(oldPin); Memory newNative = nativeCopy(newPin)) {
            try {
                return device.api().SKF_ChangePIN(handle(), type.value(), oldNative, newNative, retries);
            } finally {
                oldNative.clear();
                newNative.clear();
            }
        }
    }

    /** Logs out (SKF_ClearSecureState), so a verified PIN does not outlive the operation that needed it. */
    public void logout() {
        if (handle != null) {
            device.api().SKF_ClearSecureState(handle);
        }
    }

    public List<String> containers() throws GuomiException {
        return device.names("SKF_EnumContainer", (buffer, size) -> device.api().SKF_EnumContainer(handle(), buffer, size));
    }

    public SkfContainer openContainer(String containerName) throws GuomiException {
        PointerByReference container = new PointerByReference();
        SkfLibrary.check("SKF_OpenContainer", device.api().SKF_OpenContainer(handle(), NameList.terminated(SkfDevice.bytes(containerName)),
                container), "opening container " + containerName);
        if (container.getValue() == null) {
            throw new GuomiException(GuomiProblem.MALFORMED_ANSWER, "SKF_OpenContainer succeeded but returned no handle");
        }
        return new SkfContainer(this, containerName, container.getValue());
    }

    /** The PIN as a NUL-terminated string in native memory that is cleared right after the call. */
    private static Memory nativeCopy(Secret pin) {
        Memory memory = new Memory(pin.length() + 1L);
        pin.apply(bytes -> {
            memory.write(0, bytes, 0, bytes.length);
            return null;
        });
        memory.setByte(pin.length(), (byte) 0);
        return memory;
    }

    Pointer handle() {
        if (handle == null) {
            throw new IllegalStateException("application " + name + " is closed");
        }
        return handle;
    }

    @Override
    public void close() {
        if (handle != null) {
            logout();
            device.api().SKF_CloseApplication(handle);
            handle = null;
        }
    }
}
