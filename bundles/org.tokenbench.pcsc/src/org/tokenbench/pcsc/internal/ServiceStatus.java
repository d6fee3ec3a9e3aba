package org.tokenbench.pcsc.internal;

import org.tokenbench.core.ErrorCode;
import org.tokenbench.core.TokenException;
import org.tokenbench.core.device.TransportStatus;
import org.tokenbench.pcsc.PcscErrors;

/** How the PC/SC transport describes pcscd's state to users. */
public final class ServiceStatus {

    public static final String START_PCSCD = "start pcscd: sudo systemctl start pcscd (or pcscd --foreground)";

    private ServiceStatus() {
    }

    public static TransportStatus up(int readers) {
        return TransportStatus.up("pcscd is running; " + readers + (readers == 1 ? " reader" : " readers") + " connected");
    }

    /** From the failure of establishing a context: a missing library says so, anything else means pcscd is not there. */
    public static TransportStatus down(TokenException failure) {
        return TransportStatus.down(describe(failure), failure.code());
    }

    public static String describe(TokenException failure) {
        if (PcscLibrary.loadedFrom() == null) {
            return failure.getMessage();
        }
        if (failure.code().equals(ErrorCode.of(ErrorCode.PCSC, PcscErrors.NO_SERVICE))) {
            return "pcscd is not running: " + START_PCSCD;
        }
        return "pcscd does not answer (" + failure.getMessage() + "): " + START_PCSCD;
    }
}
