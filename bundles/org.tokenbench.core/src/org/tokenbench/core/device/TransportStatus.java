package org.tokenbench.core.device;

import java.util.Optional;

import org.tokenbench.core.ErrorCode;

/**
 * Whether a transport can reach devices now, and if not what to do, for first-run guidance ("start pcscd",
 * "configure the key vendor's SKF library").
 *
 * @param available the transport works (it may still see no device)
 * @param detail    one sentence for the user: what is there, or what is missing and what to do
 */
public record TransportStatus(boolean available, String detail, Optional<ErrorCode> code) {

    public static TransportStatus up(String detail) {
        return new TransportStatus(true, detail, Optional.empty());
    }

    public static TransportStatus down(String detail, ErrorCode code) {
        return new TransportStatus(false, detail, Optional.ofNullable(code));
    }
}
