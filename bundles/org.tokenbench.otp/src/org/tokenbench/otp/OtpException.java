package org.tokenbench.otp;

import org.tokenbench.core.ErrorCode;
import org.tokenbench.core.TokenException;

/**
 * OTP input that cannot be used, with the exact reason in words a user understands ("character '1' at
 * position 7 is not Base32"). Messages never quote a secret.
 */
public final class OtpException extends TokenException {

    private static final long serialVersionUID = 1L;

    /** The error-code namespace of OTP input problems. */
    public static final String NAMESPACE = "otp";

    private final OtpProblem problem;

    public OtpException(OtpProblem problem, String message) {
        super(ErrorCode.of(NAMESPACE, problem.code()), message);
        this.problem = problem;
    }

    public OtpProblem problem() {
        return problem;
    }
}
