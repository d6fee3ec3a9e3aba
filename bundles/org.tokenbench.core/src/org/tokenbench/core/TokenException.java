package org.tokenbench.core;

import java.util.Objects;

/**
 * Every failure a driver or engine reports to its user. It carries an {@link ErrorCode} so that the
 * diagnostics registry can explain it; the message is a short, plain statement of what failed and must
 * never contain secret material (seeds, PINs, keys, cryptograms).
 */
public class TokenException extends Exception {

    private static final long serialVersionUID = 1L;

    private final ErrorCode code;

    public TokenException(ErrorCode code, String message) {
        super(message);
        this.code = Objects.requireNonNull(code, "code");
    }

    public TokenException(ErrorCode code, String message, Throwable cause) {
        super(message, cause);
        this.code = Objects.requireNonNull(code, "code");
    }

    public ErrorCode code() {
        return code;
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + code + "]: " + getMessage();
    }
}
