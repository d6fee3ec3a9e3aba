package org.tokenbench.skf;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.tokenbench.core.device.DeviceHeldException;
import org.tokenbench.skf.internal.NameList;
import org.tokenbench.skf.internal.SkfApi;

import com.sun.jna.Function;
import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Platform;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.PointerByReference;

/**
 * One vendor's SKF library, loaded from its path exactly as the vendor ships it. Several vendors' libraries
 * can be loaded side by side: each path is its own native library with its own state. Everything the library
 * returns is treated as untrusted input: lengths are checked against the buffers given, lists must be
 * terminated, and a failing call is reported with its SAR code and the function that returned it.
 */
public final class SkfLibrary {

    /** Larger than any certificate or name list a key holds; a library claiming more is lying. */
    static final int MAX_BUFFER = 64 * 1024;

    /** What {@link #waitForDeviceEvent()} saw. */
    public enum DeviceEvent {
        INSERTED, REMOVED, OTHER
    }

    private final Path path;
    private final SkfApi api;
    private final NativeLibrary library;

    private SkfLibrary(Path path, SkfApi api, NativeLibrary library) {
        this.path = path;
        this.api = api;
        this.library = library;
    }

    /** Loads the library; its exports are checked by {@link #missingFunctions()}, not here. */
    public static SkfLibrary load(Path path) throws SkfException {
        Path absolute = path.toAbsolutePath().normalize();
        if (!Files.isRegularFile(absolute)) {
            throw new SkfException(SkfProblem.LIBRARY_NOT_FOUND, absolute + (Files.exists(absolute)
                    ? ": not a regular file (a directory, device or pipe), so not a vendor library" : ": no such file"));
        }
        Map<String, Object> options = new HashMap<>();
        options.put(Library.OPTION_CALLING_CONVENTION, callingConvention(Platform.isWindows(), Platform.is64Bit()));
        try {
            NativeLibrary library = NativeLibrary.getInstance(absolute.toString(), options);
            SkfApi api = Native.load(absolute.toString(), SkfApi.class, options);
            return new SkfLibrary(absolute, api, library);
        } catch (UnsatisfiedLinkError e) {
            throw new SkfException(SkfProblem.LIBRARY_NOT_LOADABLE, absolute + ": " + firstLine(e.getMessage()));
        }
    }

    /**
     * JNA's calling convention for a vendor library: GM/T 0016 declares the API {@code __stdcall} on Windows, which
     * only 32-bit Windows distinguishes ({@link Function#ALT_CONVENTION}); x64 Windows and every other platform use the
     * one C convention.
     */
    public static int callingConvention(boolean windows, boolean sixtyFourBit) {
        return windows && !sixtyFourBit ? Function.ALT_CONVENTION : Function.C_CONVENTION;
    }

    /** The absolute, normalised path it was loaded from: the identity of the library. */
    public Path path() {
        return path;
    }

    /** The SKF functions TokenBench needs that this library does not export (empty for a complete library). */
    public List<String> missingFunctions() {
        return Arrays.stream(SkfApi.REQUIRED).filter(name -> !hasFunction(name)).toList();
    }

    /** How many functions TokenBench requires, for "exports the SKF functions" details. */
    public static int requiredFunctionCount() {
        return SkfApi.REQUIRED.length;
    }

    public boolean hasFunction(String name) {
        try {
            library.getFunction(name);
            return true;
        } catch (UnsatisfiedLinkError e) {
            return false;
        }
    }

    /** The library reports plugging and unplugging (SKF_WaitForDevEvent and SKF_CancelWaitForDevEvent). */
    public boolean hasDeviceEvents() {
        return hasFunction("SKF_WaitForDevEvent") && hasFunction("SKF_CancelWaitForDevEvent");
    }

    /** The library can lock a key against other programs (SKF_LockDev and SKF_UnlockDev). */
    public boolean hasDeviceLock() {
        return hasFunction("SKF_LockDev") && hasFunction("SKF_UnlockDev");
    }

    /** The keys plugged in now, by the names the library gives them. */
    public List<KeyName> devices() throws SkfException {
        return names("SKF_EnumDev", (buffer, size) -> api.SKF_EnumDev(1, buffer, size)).stream().map(KeyName::new).toList();
    }

    /**
     * Blocks until a key is plugged in or pulled out (SKF_WaitForDevEvent), or until {@link #cancelWait()}.
     * Only for libraries with {@link #hasDeviceEvents()}.
     */
    public DeviceEvent waitForDeviceEvent() throws SkfException {
        byte[] name = new byte[256];
        IntByReference length = new IntByReference(name.length);
        IntByReference event = new IntByReference();
        check("SKF_WaitForDevEvent", api.SKF_WaitForDevEvent(name, length, event), "waiting for a key to be plugged or pulled");
        return switch (event.getValue()) {
            case 1 -> DeviceEvent.INSERTED;
            case 2 -> DeviceEvent.REMOVED;
            default -> DeviceEvent.OTHER;
        };
    }

    /** Ends a {@link #waitForDeviceEvent()} blocked on another thread. */
    public void cancelWait() {
        api.SKF_CancelWaitForDevEvent();
    }

    /**
     * Connects to a key (SKF_ConnectDev) and, where the library can (SKF_LockDev), locks it against other programs,
     * waiting up to {@code lockWait}. Closing the connection unlocks and disconnects. The SKF transport calls this;
     * drivers get connections from the devices service.
     *
     * @throws DeviceHeldException when another program kept the key locked for the whole wait
     */
    public SkfConnection connect(KeyName name, Duration lockWait) throws SkfException, DeviceHeldException {
        PointerByReference handle = new PointerByReference();
        check("SKF_ConnectDev", api.SKF_ConnectDev(NameList.terminated(name.raw()), handle), "cannot connect to " + name);
        Pointer device = handle.getValue();
        if (device == null) {
            throw new SkfException(SkfProblem.MALFORMED_ANSWER, "SKF_ConnectDev succeeded but returned no device handle");
        }
        boolean locked = false;
        if (hasDeviceLock()) {
            long millis = Math.min(Math.max(lockWait.toMillis(), 0), 0xFFFF_FFFFL);
            long started = System.nanoTime();
            int sar = api.SKF_LockDev(device, (int) millis);
            long waited = (System.nanoTime() - started) / 1_000_000;
            if (sar != 0) {
                api.SKF_DisConnectDev(device);
                if (sar == (int) SkfException.SAR_DEVICE_REMOVED) {
                    throw SkfException.skf("SKF_LockDev", sar, "the key " + name + " was pulled out");
                }
                // GM/T 0016 gives no code for "held": a lock another program holds makes the call wait out its timeout,
                // while a refusal at once is a failure of its own (a bad handle, the library's files) and says its code.
                if (waited < millis) {
                    throw SkfException.skf("SKF_LockDev", sar, "the key " + name + " could not be locked for this operation");
                }
                throw new DeviceHeldException(SkfProblem.DEVICE_HELD.code(), "another program is using the key " + name + " (SKF_LockDev: "
                        + SkfException.sarCode(sar).hex() + " after " + millis + " ms): close the vendor's key manager or the other "
                        + "TokenBench window or command that uses it");
            }
            locked = true;
        }
        return new SkfConnection(new SkfDevice(this, name, device), locked);
    }

    /** For the package's handles only. */
    SkfApi api() {
        return api;
    }

    /** Throws for any SAR code other than SAR_OK, naming the function and what TokenBench was doing. */
    static void check(String function, int sar, String doing) throws SkfException {
        if (sar != 0) {
            throw SkfException.skf(function, sar, doing);
        }
    }

    @FunctionalInterface
    interface SizedCall {
        int call(byte[] buffer, IntByReference size);
    }

    /** A name list (devices, applications, containers) read with the two-call pattern; it must end in NUL. */
    static List<byte[]> names(String function, SizedCall call) throws SkfException {
        byte[] list = readBuffer(function, call);
        List<byte[]> names = NameList.parse(list, list.length);
        if (names == null) {
            throw new SkfException(SkfProblem.MALFORMED_ANSWER, function + " returned a name list without its closing NUL");
        }
        return names;
    }

    /**
     * SKF's two-call pattern: ask for the size with no buffer, then fill a buffer of that size. The size is
     * bounded and the second answer must fit the buffer, whatever the library claims.
     */
    static byte[] readBuffer(String function, SizedCall call) throws SkfException {
        IntByReference size = new IntByReference(0);
        check(function, call.call(null, size), "asking for the data size");
        int needed = size.getValue();
        if (needed < 0 || needed > MAX_BUFFER) {
            throw new SkfException(SkfProblem.MALFORMED_ANSWER, function + " claimed " + Integer.toUnsignedString(needed)
                    + " bytes, more than any key holds");
        }
        byte[] buffer = new byte[Math.max(needed, 2)];
        size.setValue(buffer.length);
        check(function, call.call(buffer, size), "reading the data");
        int written = size.getValue();
        if (written < 0 || written > buffer.length) {
            throw new SkfException(SkfProblem.MALFORMED_ANSWER, function + " reported " + Integer.toUnsignedString(written)
                    + " bytes written into a buffer of " + buffer.length);
        }
        return Arrays.copyOf(buffer, written);
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "the system refused to load it";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    @Override
    public String toString() {
        return "SkfLibrary[" + path + "]";
    }

    /** A key's name as its library lists it: the exact bytes, and a readable form. */
    public record KeyName(byte[] raw) {
        public KeyName {
            raw = raw.clone();
        }

        @Override
        public byte[] raw() {
            return raw.clone();
        }

        public String display() {
            return NameList.display(raw);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof KeyName other && Arrays.equals(raw, other.raw);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(raw);
        }

        @Override
        public String toString() {
            return display();
        }
    }
}
