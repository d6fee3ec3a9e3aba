package org.tokenbench.pcsc;

import java.util.Map;

import org.tokenbench.core.ErrorCode;
import org.tokenbench.core.TokenException;

/**
 * Turns what javax.smartcardio throws into PC/SC error codes. The JDK reports PC/SC failures as
 * CardException messages naming the constant ("SCARD_E_NO_SMARTCARD"), and a removed card in three
 * different ways (see {@link #isCardRemoved}).
 */
public final class PcscErrors {

    public static final long NO_SMARTCARD = 0x8010000CL;
    public static final long READER_UNAVAILABLE = 0x80100017L;
    public static final long NO_SERVICE = 0x8010001DL;
    public static final long NO_READERS_AVAILABLE = 0x8010002EL;
    public static final long UNKNOWN_READER = 0x80100009L;
    public static final long REMOVED_CARD = 0x80100069L;
    public static final long UNRESPONSIVE_CARD = 0x80100066L;
    public static final long SHARING_VIOLATION = 0x8010000BL;
    public static final long INTERNAL_ERROR = 0x80100001L;

    private static final Map<String, Long> BY_NAME = Map.ofEntries(
            Map.entry("SCARD_E_NO_SMARTCARD", NO_SMARTCARD),
            Map.entry("SCARD_E_READER_UNAVAILABLE", READER_UNAVAILABLE),
            Map.entry("SCARD_E_NO_SERVICE", NO_SERVICE),
            Map.entry("SCARD_E_SERVICE_STOPPED", 0x8010001EL),
            Map.entry("SCARD_E_NO_READERS_AVAILABLE", NO_READERS_AVAILABLE),
            Map.entry("SCARD_E_UNKNOWN_READER", UNKNOWN_READER),
            Map.entry("SCARD_W_REMOVED_CARD", REMOVED_CARD),
            Map.entry("SCARD_W_RESET_CARD", 0x80100068L),
            Map.entry("SCARD_W_UNRESPONSIVE_CARD", UNRESPONSIVE_CARD),
            Map.entry("SCARD_W_UNPOWERED_CARD", 0x80100067L),
            Map.entry("SCARD_E_SHARING_VIOLATION", SHARING_VIOLATION),
            Map.entry("SCARD_E_TIMEOUT", 0x8010000AL),
            Map.entry("SCARD_E_NOT_TRANSACTED", 0x80100016L),
            Map.entry("SCARD_F_COMM_ERROR", 0x80100013L),
            Map.entry("SCARD_E_PROTO_MISMATCH", 0x8010000FL));

    private PcscErrors() {
    }

    public static TokenException of(long code, String message, Throwable cause) {
        return new TokenException(ErrorCode.of(ErrorCode.PCSC, code), message, cause);
    }

    /** The PC/SC code named in a JDK exception message, or SCARD_F_INTERNAL_ERROR when none is. */
    public static long codeOf(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            String message = String.valueOf(t.getMessage());
            for (Map.Entry<String, Long> entry : BY_NAME.entrySet()) {
                if (message.contains(entry.getKey())) {
                    return entry.getValue();
                }
            }
        }
        return INTERNAL_ERROR;
    }

    /**
     * After a card leaves, the JDK's first transmit returns no bytes and throws IllegalArgumentException ("apdu
     * must be at least 2 bytes long"), the next a CardException (SCARD_W_REMOVED_CARD), later ones
     * IllegalStateException ("Card has been removed"): all three mean the same.
     */
    public static boolean isCardRemoved(Throwable failure) {
        if (failure instanceof IllegalArgumentException && String.valueOf(failure.getMessage()).contains("at least 2 bytes")) {
            return true;
        }
        if (failure instanceof IllegalStateException && String.valueOf(failure.getMessage()).contains("removed")) {
            return true;
        }
        long code = codeOf(failure);
        return code == REMOVED_CARD || code == NO_SMARTCARD || code == 0x80100068L;
    }
}
