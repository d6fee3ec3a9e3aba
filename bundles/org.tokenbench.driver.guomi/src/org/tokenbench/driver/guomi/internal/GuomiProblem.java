package org.tokenbench.driver.guomi;

import org.tokenbench.core.ErrorCode;

/** Conditions the Guomi driver finds itself (namespace "guomi"); SKF return codes keep their own "skf" codes. */
public enum GuomiProblem {
    LIBRARY_NOT_FOUND(1),
    LIBRARY_NOT_LOADABLE(2),
    FUNCTIONS_MISSING(3),
    NO_DEVICE(4),
    MALFORMED_ANSWER(5),
    NO_APPLICATION(6),
    NO_ECC_CONTAINER(7),
    NO_CERTIFICATE(8),
    CERTIFICATE_EXPIRED(9),
    CERTIFICATE_NOT_YET_VALID(10),
    CERTIFICATE_NOT_CHAINED(11),
    CERTIFICATE_KEY_MISMATCH(12),
    LAST_TRY_NOT_CONFIRMED(13),
    SIGNATURE_INVALID(14),
    NOT_SM2(15),
    CA_UNREADABLE(16),
    PIN_NOT_GIVEN(17);

    /** The Guomi console's "certificate parsing error", which a certificate that does not parse causes. */
    public static final ErrorCode CERTIFICATE_PARSING_ERROR = ErrorCode.of("guomi.console", 0x21210001L);

    private final int code;

    GuomiProblem(int code) {
        this.code = code;
    }

    public ErrorCode code() {
        return ErrorCode.of(GuomiException.NAMESPACE, code);
    }
}
