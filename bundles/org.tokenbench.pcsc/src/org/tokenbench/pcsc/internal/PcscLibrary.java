package org.tokenbench.pcsc.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import com.sun.jna.FunctionMapper;
import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Pointer;

import org.tokenbench.core.TokenException;
import org.tokenbench.pcsc.PcscErrors;

/** Loads the platform's PC/SC library once (libpcsclite, winscard.dll, PCSC.framework: {@link PcscAbi}). */
public final class PcscLibrary {

    /** Windows: how long the Smart Card service's start event is waited for at most. */
    private static final PcscAbi ABI = PcscAbi.current();

    private static PcscLite library;
    private static String loadedFrom;
    private static String loadFailure;

    private PcscLibrary() {
    }

    public static synchronized PcscLite get() throws TokenException {
        if (library == null && loadFailure == null) {
            // On Linux the runtime library (libpcsclite1) by path: the unversioned .so exists only with the -dev package.
            String path = ABI.libraries().stream().filter(p -> !p.startsWith("/") || Files.exists(Path.of(p))).findFirst()
                    .orElse(ABI.libraries().get(ABI.libraries().size() - 1));
            FunctionMapper exported = (nativeLibrary, method) -> ABI.exportedName(method.getName());
            try {
                library = Native.load(path, PcscLite.class, Map.of(Library.OPTION_FUNCTION_MAPPER, exported));
                loadedFrom = path;
            } catch (UnsatisfiedLinkError e) {
                loadFailure = e.getMessage();
            }
        }
        if (library == null) {
            throw PcscErrors.of(PcscErrors.NO_SERVICE,
                    "the PC/SC library " + ABI.name() + " cannot be loaded (on Debian/Ubuntu: apt-get install libpcsclite1 pcscd): " + loadFailure, null);
        }
        return library;
    }

    /** The file the library was loaded from, after a successful {@link #get()}. */
    public static synchronized String loadedFrom() {
        return loadedFrom;
    }

    /** The unsigned PC/SC return code. */
    public static long code(Dword result) {
        return result.longValue() & 0xFFFF_FFFFL;
    }

    public static void check(Dword result, String what) throws TokenException {
        long code = code(result);
        if (code != PcscLite.SCARD_S_SUCCESS) {
            throw PcscErrors.of(code, what + " (" + PcscErrors.name(code) + ")", null);
        }
    }

    /**
     * Waits up to {@code millis} before the service is tried again. Windows stops its Smart Card service when the last
     * reader goes and signals {@code SCardAccessStartedEvent} when it starts: the wait ends then. pcsc-lite and macOS
     * have no such event: a plain pause.
     */
    public static void awaitService(long millis) throws InterruptedException {
        if (ABI.serviceStartedEvent() && library != null) {
            Pointer started = library.SCardAccessStartedEvent();
            if (started != null) {
                try {
                    Kernel32.INSTANCE.WaitForSingleObject(started, (int) millis);
                    return;
                } finally {
                    library.SCardReleaseStartedEvent();
                }
            }
        }
        Thread.sleep(millis);
    }

    /** The one Windows call the started event needs. */
    private interface Kernel32 extends Library {
        Kernel32 INSTANCE = ABI.serviceStartedEvent() ? Native.load("kernel32", Kernel32.class) : null;

        int WaitForSingleObject(Pointer handle, int millis);
    }
}
