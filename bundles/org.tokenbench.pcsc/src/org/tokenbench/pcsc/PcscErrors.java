package org.tokenbench.pcsc;

import java.util.Locale;
import java.util.Map;

import org.tokenbench.core.ErrorCode;
import org.tokenbench.core.TokenException;

/** PC/SC return codes TokenBench acts on; the diagnostics catalog explains all of them. */
public final class PcscErrors {

    public static final long INTERNAL_ERROR = 0x80100001L;
    public static final long CANCELLED = 0x80100002L;
    public static final long TIMEOUT = 0x8010000AL;
    public static final long UNKNOWN_READER = 0x80100009L;
    public static final long SHARING_VIOLATION = 0x8010000BL;
    public static final long NO_SMARTCARD = 0x8010000CL;
    public static final long READER_UNAVAILABLE = 0x80100017L;
    public static final long COMM_ERROR = 0x80100013L;
    public static final long NO_SERVICE = 0x8010001DL;
    public static final long SERVICE_STOPPED = 0x8010001EL;
    public static final long NO_READERS_AVAILABLE = 0x8010002EL;
    public static final long UNRESPONSIVE_CARD = 0x80100066L;
    public static final long RESET_CARD = 0x80100068L;
    public static final long REMOVED_CARD = 0x80100069L;

    private static final Map<Long, String> NAMES = Map.ofEntries(
            Map.entry(UNKNOWN_READER, "SCARD_E_UNKNOWN_READER"), Map.entry(SHARING_VIOLATION, "SCARD_E_SHARING_VIOLATION"),
            Map.entry(NO_SMARTCARD, "SCARD_E_NO_SMARTCARD"), Map.entry(READER_UNAVAILABLE, "SCARD_E_READER_UNAVAILABLE"),
            Map.entry(NO_SERVICE, "SCARD_E_NO_SERVICE"), Map.entry(NO_READERS_AVAILABLE, "SCARD_E_NO_READERS_AVAILABLE"),
            Map.entry(UNRESPONSIVE_CARD, "SCARD_W_UNRESPONSIVE_CARD"), Map.entry(RESET_CARD, "SCARD_W_RESET_CARD"),
            Map.entry(REMOVED_CARD, "SCARD_W_REMOVED_CARD"), Map.entry(INTERNAL_ERROR, "SCARD_F_INTERNAL_ERROR"),
            Map.entry(CANCELLED, "SCARD_E_CANCELLED"), Map.entry(TIMEOUT, "SCARD_E_TIMEOUT"),
            Map.entry(COMM_ERROR, "SCARD_F_COMM_ERROR"), Map.entry(SERVICE_STOPPED, "SCARD_E_SERVICE_STOPPED"));

    private PcscErrors() {
    }

    public static TokenException of(long code, String message, Throwable cause) {
        return new TokenException(ErrorCode.of(ErrorCode.PCSC, code), message, cause);
    }

    /** The constant's name for messages; the catalog has the full list. */
    public static String name(long code) {
        return NAMES.getOrDefault(code, String.format(Locale.ROOT, "0x%08X", code));
    }

    /** pcscd went away (stopped, crashed, restarted): the context is dead and a new one is needed once it is back. */
    public static boolean meansServiceGone(long code) {
        return code == NO_SERVICE || code == SERVICE_STOPPED || code == COMM_ERROR || code == INTERNAL_ERROR;
    }

    /**
     * The card is gone (or was reset by someone else): whatever was under way did not complete. A reader that
     * went away (SCARD_E_READER_UNAVAILABLE) is not included: it keeps its own code and remedy.
     */
    public static boolean meansCardGone(long code) {
        return code == REMOVED_CARD || code == NO_SMARTCARD || code == RESET_CARD;
    }
}
