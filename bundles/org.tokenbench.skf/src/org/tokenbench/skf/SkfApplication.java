package org.tokenbench.skf;

import java.util.List;

import org.tokenbench.core.Secret;
import org.tokenbench.core.driver.PinStatus;
import org.tokenbench.core.driver.PinType;
import org.tokenbench.skf.internal.NameList;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.PointerByReference;

/**
 * An opened SKF application: PINs and containers. Its single-attempt PIN calls are what a driver's
 * {@link org.tokenbench.core.driver.PinVerifier} wraps; callers go through {@link org.tokenbench.core.driver.PinGuard}.
 */
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

    /** What one SKF_VerifyPIN or SKF_ChangePIN call returned: its SAR code and the tries the library said are left (-1: none said). */
    public record PinResult(long sar, int triesReported) {
        public boolean accepted() {
            return sar == 0;
        }
    }

    /** GM/T 0016's numbers for the PIN types. */
    static int skfValue(PinType type) {
        return type == PinType.USER ? 1 : 0;
    }

    /** The retry counter (SKF_GetPINInfo), read without spending a try. */
    public PinStatus pinStatus(PinType type) throws SkfException {
        IntByReference max = new IntByReference();
        IntByReference remaining = new IntByReference();
        IntByReference isDefault = new IntByReference();
        SkfLibrary.check("SKF_GetPINInfo", device.api().SKF_GetPINInfo(handle(), skfValue(type), max, remaining, isDefault),
                "reading the " + type.label() + " retry counter");
        int m = max.getValue();
        int r = remaining.getValue();
        if (m < 0 || m > 255 || r < 0 || r > m) {
            throw new SkfException(SkfProblem.MALFORMED_ANSWER, "SKF_GetPINInfo reported " + Integer.toUnsignedString(r) + " of "
                    + Integer.toUnsignedString(m) + " tries left, which cannot be");
        }
        return new PinStatus(type, m, r, isDefault.getValue() != 0);
    }

    /** Exactly one SKF_VerifyPIN call, never repeated here: the PIN rules are the caller's (PinGuard). */
    public PinResult verifyOnce(PinType type, Secret pin) {
        IntByReference retries = new IntByReference(-1);
        try (Memory pinCopy = nativeCopy(pin)) {
            try {
                return new PinResult(device.api().SKF_VerifyPIN(handle(), skfValue(type), pinCopy, retries) & 0xFFFFFFFFL, retries.getValue());
            } finally {
                pinCopy.clear();
            }
        }
    }

    /** Logs out (SKF_ClearSecureState), so a verified PIN does not outlive the operation that needed it. */
    public void logout() {
        if (handle != null) {
            device.api().SKF_ClearSecureState(handle);
        }
    }

    public List<String> containers() throws SkfException {
        return device.names("SKF_EnumContainer", (buffer, size) -> device.api().SKF_EnumContainer(handle(), buffer, size));
    }

    public SkfContainer openContainer(String containerName) throws SkfException {
        PointerByReference container = new PointerByReference();
        SkfLibrary.check("SKF_OpenContainer", device.api().SKF_OpenContainer(handle(), NameList.terminated(SkfDevice.bytes(containerName)),
                container), "opening container " + containerName);
        if (container.getValue() == null) {
            throw new SkfException(SkfProblem.MALFORMED_ANSWER, "SKF_OpenContainer succeeded but returned no handle");
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
