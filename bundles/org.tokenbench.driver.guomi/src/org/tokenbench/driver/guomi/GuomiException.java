package org.tokenbench.driver.guomi;

import org.tokenbench.core.ErrorCode;
import org.tokenbench.core.TokenException;

/**
 * A Guomi key or its vendor library failed: an SKF return code (namespace "skf", with the function that
 * returned it), or a condition the driver found (namespace "guomi"). Messages never contain a PIN.
 */
public final class GuomiException extends TokenException {

    private static final long serialVersionUID = 1L;

    public static final String NAMESPACE = "guomi";
    public static final long SAR_DEVICE_REMOVED = 0x0A000023L;
    public static final long SAR_PIN_INCORRECT = 0x0A000024L;
    public static final long SAR_PIN_LOCKED = 0x0A000025L;

    public GuomiException(GuomiProblem problem, String message) {
        super(problem.code(), message);
    }

    public GuomiException(ErrorCode code, String message, Throwable cause) {
        super(code, message, cause);
    }

    /** An SKF function returned {@code sar}. */
    public static GuomiException skf(String function, int sar, String message) {
        return new GuomiException(ErrorCode.of(ErrorCode.SKF, sar & 0xFFFFFFFFL), function + ": " + message, null);
    }

    public boolean isSkf(long sar) {
        return code().namespace().equals(ErrorCode.SKF) && code().value() == sar;
    }

    /** The key was pulled out (or its library says so): every later call on it is pointless. */
    public boolean isRemoval() {
        return isSkf(SAR_DEVICE_REMOVED);
    }
}
