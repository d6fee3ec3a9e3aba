package org.tokenbench.skf;

import org.tokenbench.core.ErrorCode;
import org.tokenbench.core.TokenException;

/**
 * An SKF call failed (namespace "skf": the SAR code, with the function that returned it), or the transport found a
 * condition of its own ({@link SkfProblem}). Messages never contain a PIN.
 */
public final class SkfException extends TokenException {

    private static final long serialVersionUID = 1L;

    public static final long SAR_DEVICE_REMOVED = 0x0A000023L;
    public static final long SAR_PIN_INCORRECT = 0x0A000024L;
    public static final long SAR_PIN_LOCKED = 0x0A000025L;

    public SkfException(SkfProblem problem, String message) {
        super(problem.code(), message);
    }

    public SkfException(ErrorCode code, String message, Throwable cause) {
        super(code, message, cause);
    }

    /** An SKF function returned {@code sar}. */
    public static SkfException skf(String function, long sar, String message) {
        return new SkfException(sarCode(sar), function + ": " + message, null);
    }

    public static ErrorCode sarCode(long sar) {
        return ErrorCode.of(ErrorCode.SKF, sar & 0xFFFFFFFFL);
    }

    public boolean isSkf(long sar) {
        return is(this, sar);
    }

    /** The key was pulled out (or its library says so): every later call on it is pointless. */
    public boolean isRemoval() {
        return isRemoval(this);
    }

    /** Whether {@code e}, from any layer, says the key was pulled out. */
    public static boolean isRemoval(TokenException e) {
        return is(e, SAR_DEVICE_REMOVED);
    }

    private static boolean is(TokenException e, long sar) {
        return e.code().namespace().equals(ErrorCode.SKF) && e.code().value() == sar;
    }
}
