package org.tokenbench.pcsc.internal;

import org.tokenbench.core.ErrorCode;
import org.tokenbench.core.TokenException;
import org.tokenbench.core.Texts;
import org.tokenbench.core.device.TransportStatus;
import org.tokenbench.pcsc.PcscErrors;

/** How the PC/SC transport describes pcscd's state to users, in their language ({@code messages.properties} beside it). */
public final class ServiceStatus {

    public static final Texts TEXTS = Texts.beside(ServiceStatus.class, "messages");

    private ServiceStatus() {
    }

    public static TransportStatus up(int readers) {
        return TransportStatus.up(TEXTS.get("service.up.summary"), TEXTS.get("service.up", readers));
    }

    /** From the failure of establishing a context: a missing library says so, anything else means pcscd is not there. */
    public static TransportStatus down(TokenException failure) {
        String summary = PcscLibrary.loadedFrom() == null ? TEXTS.get("library.missing.summary")
                : TEXTS.get(notRunning(failure) ? "service.down.summary" : "service.silent.summary");
        return TransportStatus.down(summary, describe(failure), failure.code());
    }

    public static String describe(TokenException failure) {
        if (PcscLibrary.loadedFrom() == null) {
            return failure.getMessage();
        }
        if (notRunning(failure)) {
            return TEXTS.get("service.down", TEXTS.get("service.start"));
        }
        return TEXTS.get("service.silent", failure.getMessage(), TEXTS.get("service.start"));
    }

    private static boolean notRunning(TokenException failure) {
        return failure.code().equals(ErrorCode.of(ErrorCode.PCSC, PcscErrors.NO_SERVICE));
    }
}
