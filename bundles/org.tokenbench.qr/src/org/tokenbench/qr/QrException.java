package org.tokenbench.qr;

import org.tokenbench.core.ErrorCode;
import org.tokenbench.core.TokenException;

/** An image or screen that cannot be searched; the message says which and why, never what a code contained. */
public final class QrException extends TokenException {

    private static final long serialVersionUID = 1L;

    public static final String NAMESPACE = "qr";

    private final QrProblem problem;

    public QrException(QrProblem problem, String message) {
        this(problem, message, null);
    }

    public QrException(QrProblem problem, String message, Throwable cause) {
        super(ErrorCode.of(NAMESPACE, problem.code()), message, cause);
        this.problem = problem;
    }

    public QrProblem problem() {
        return problem;
    }
}
