package org.tokenbench.core.device;

import java.util.Objects;
import java.util.Optional;

import org.tokenbench.core.ErrorCode;

/**
 * Whether a transport can reach devices now, and if not what to do, for first-run guidance ("start pcscd",
 * "configure the key vendor's SKF library"). Texts are in the user's language ({@link java.util.Locale#getDefault()}
 * when the status was made); callers never parse them.
 *
 * @param available the transport works (it may still see no device)
 * @param summary   a few words for a status bar: what is there or what is wrong ("pcscd is running", "pcscd is not
 *                  running"), without the remedy
 * @param detail    one sentence for the user: what is there, or what is missing and what to do
 * @since 0.2.0 (summary)
 */
public record TransportStatus(boolean available, String summary, String detail, Optional<ErrorCode> code) {

    public TransportStatus {
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(detail, "detail");
        Objects.requireNonNull(code, "code");
    }

    /** A status whose detail is short enough to be its own summary (transports written before 0.2.0). */
    public TransportStatus(boolean available, String detail, Optional<ErrorCode> code) {
        this(available, detail, detail, code);
    }

    public static TransportStatus up(String detail) {
        return up(detail, detail);
    }

    public static TransportStatus up(String summary, String detail) {
        return new TransportStatus(true, summary, detail, Optional.empty());
    }

    public static TransportStatus down(String detail, ErrorCode code) {
        return down(detail, detail, code);
    }

    public static TransportStatus down(String summary, String detail, ErrorCode code) {
        return new TransportStatus(false, summary, detail, Optional.ofNullable(code));
    }
}
