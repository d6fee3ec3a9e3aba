package org.tokenbench.driver.guomi;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.tokenbench.driver.guomi.internal.NameList;
import org.tokenbench.driver.guomi.internal.SkfApi;

import com.sun.jna.Function;
import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Platform;
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

    private final Path path;
    private final SkfApi api;
    private final NativeLibrary library;

    private SkfLibrary(Path path, SkfApi api, NativeLibrary library) {
        this.path = path;
        this.api = api;
        this.library = library;
    }

    /** Loads the library; its exports are checked by {@link #missingFunctions()}, not here. */
    public static SkfLibrary load(Path path) throws GuomiException {
        Path absolute = path.toAbsolutePath();
        if (!Files.isRegularFile(absolute)) {
            throw new GuomiException(GuomiProblem.LIBRARY_NOT_FOUND, absolute + ": no such file");
        }
        Map<String, Object> options = new HashMap<>();
        // GM/T 0016 declares the API __stdcall on Windows and cdecl elsewhere.
        options.put(Library.OPTION_CALLING_CONVENTION, Platform.isWindows() && !Platform.is64Bit() ? Function.ALT_CONVENTION : Function.C_CONVENTION);
        try {
            NativeLibrary library = NativeLibrary.getInstance(absolute.toString(), options);
            SkfApi api = Native.load(absolute.toString(), SkfApi.class, options);
            return new SkfLibrary(absolute, api, library);
        } catch (UnsatisfiedLinkError e) {
            throw new GuomiException(GuomiProblem.LIBRARY_NOT_LOADABLE, absolute + ": " + firstLine(e.getMessage()));
        }
    }

    public Path path() {
        return path;
    }

    /** The SKF functions TokenBench needs that this library does not export (empty for a complete library). */
    public List<String> missingFunctions() {
        return Arrays.stream(SkfApi.REQUIRED).filter(name -> !hasFunction(name)).toList();
    }

    public boolean hasFunction(String name) {
        try {
            library.getFunction(name);
            return true;
        } catch (UnsatisfiedLinkError e) {
            return false;
        }
    }

    /** The keys plugged in now, by the names the library gives them. */
    public List<KeyName> devices() throws GuomiException {
        return names("SKF_EnumDev", (buffer, size) -> api.SKF_EnumDev(1, buffer, size)).stream().map(KeyName::new).toList();
    }

    /** Connects to a key; close the device when done. */
    public SkfDevice connect(KeyName name) throws GuomiException {
        PointerByReference handle = new PointerByReference();
        check("SKF_ConnectDev", api.SKF_ConnectDev(NameList.terminated(name.raw()), handle), "cannot connect to " + name);
        if (handle.getValue() == null) {
            throw new GuomiException(GuomiProblem.MALFORMED_ANSWER, "SKF_ConnectDev succeeded but returned no device handle");
        }
        return new SkfDevice(this, name, handle.getValue());
    }

    SkfApi api() {
        return api;
    }

    /** Throws for any SAR code other than SAR_OK, naming the function and what TokenBench was doing. */
    static void check(String function, int sar, String doing) throws GuomiException {
        if (sar != 0) {
            throw GuomiException.skf(function, sar, doing);
        }
    }

    @FunctionalInterface
    interface SizedCall {
        int call(byte[] buffer, IntByReference size);
    }

    /** A name list (devices, applications, containers) read with the two-call pattern; it must end in NUL. */
    static List<byte[]> names(String function, SizedCall call) throws GuomiException {
        byte[] list = readBuffer(function, call);
        List<byte[]> names = NameList.parse(list, list.length);
        if (names == null) {
            throw new GuomiException(GuomiProblem.MALFORMED_ANSWER, function + " returned a name list without its closing NUL");
        }
        return names;
    }

    /**
     * SKF's two-call pattern: ask for the size with no buffer, then fill a buffer of that size. The size is
     * bounded and the second answer must fit the buffer, whatever the library claims.
     */
    static byte[] readBuffer(String function, SizedCall call) throws GuomiException {
        IntByReference size = new IntByReference(0);
        check(function, call.call(null, size), "asking for the data size");
        int needed = size.getValue();
        if (needed < 0 || needed > MAX_BUFFER) {
            throw new GuomiException(GuomiProblem.MALFORMED_ANSWER, function + " claimed " + Integer.toUnsignedString(needed)
                    + " bytes, more than any key holds");
        }
        byte[] buffer = new byte[Math.max(needed, 2)];
        size.setValue(buffer.length);
        check(function, call.call(buffer, size), "reading the data");
        int written = size.getValue();
        if (written < 0 || written > buffer.length) {
            throw new GuomiException(GuomiProblem.MALFORMED_ANSWER, function + " reported " + Integer.toUnsignedString(written)
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
