package org.tokenbench.pcsc.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.sun.jna.Native;
import com.sun.jna.NativeLong;
import com.sun.jna.ptr.NativeLongByReference;

import org.tokenbench.core.TokenException;
import org.tokenbench.pcsc.PcscErrors;

/** Loads libpcsclite once and opens resource-manager contexts on it. */
public final class PcscLibrary {

    /** The runtime library (libpcsclite1); the unversioned .so exists only with the -dev package. */
    private static final List<String> CANDIDATES = List.of(
            "/usr/lib/x86_64-linux-gnu/libpcsclite.so.1", "/usr/lib/aarch64-linux-gnu/libpcsclite.so.1",
            "/usr/lib64/libpcsclite.so.1", "/usr/lib/libpcsclite.so.1", "/lib/x86_64-linux-gnu/libpcsclite.so.1");

    private static PcscLite library;
    private static String loadedFrom;
    private static String loadFailure;

    private PcscLibrary() {
    }

    public static synchronized PcscLite get() throws TokenException {
        if (library == null && loadFailure == null) {
            String path = CANDIDATES.stream().filter(p -> Files.exists(Path.of(p))).findFirst().orElse("pcsclite");
            try {
                library = Native.load(path, PcscLite.class);
                loadedFrom = path;
            } catch (UnsatisfiedLinkError e) {
                loadFailure = e.getMessage();
            }
        }
        if (library == null) {
            throw PcscErrors.of(PcscErrors.NO_SERVICE,
                    "the PC/SC library libpcsclite.so.1 cannot be loaded (apt-get install libpcsclite1 pcscd): " + loadFailure, null);
        }
        return library;
    }

    /** The file the library was loaded from, after a successful {@link #get()}. */
    public static synchronized String loadedFrom() {
        return loadedFrom;
    }

    /** The unsigned PC/SC return code. */
    public static long code(NativeLong result) {
        return result.longValue() & 0xFFFF_FFFFL;
    }

    public static void check(NativeLong result, String what) throws TokenException {
        long code = code(result);
        if (code != PcscLite.SCARD_S_SUCCESS) {
            throw PcscErrors.of(code, what + " (" + PcscErrors.name(code) + ")", null);
        }
    }
}
