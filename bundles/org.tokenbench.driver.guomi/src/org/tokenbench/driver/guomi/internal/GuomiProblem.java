package org.tokenbench.driver.guomi.internal;

import org.tokenbench.core.ErrorCode;
import org.tokenbench.core.TokenException;

/**
 * Conditions the Guomi driver finds on a key (namespace "guomi", explained by catalogs/guomi.catalog); the library
 * and presence conditions are the SKF transport's ({@link org.tokenbench.skf.SkfProblem}), SAR codes keep "skf".
 */
enum GuomiProblem {
    NO_APPLICATION(0x06),
    NO_ECC_CONTAINER(0x07),
    NO_CERTIFICATE(0x08),
    CERTIFICATE_EXPIRED(0x09),
    CERTIFICATE_NOT_YET_VALID(0x0A),
    CERTIFICATE_NOT_CHAINED(0x0B),
    CERTIFICATE_KEY_MISMATCH(0x0C),
    SIGNATURE_INVALID(0x0E),
    NOT_SM2(0x0F),
    CA_UNREADABLE(0x10),
    PIN_NOT_GIVEN(0x11),
    SIGNED_WITH_EMPTY_SM2_ID(0x20),
    ISSUER_NOT_A_CA(0x21),
    ISSUER_NOT_VALID(0x22),
    KEY_MAY_NOT_SIGN(0x23),
    CERTIFICATE_REVOKED(0x24),
    CRL_UNREADABLE(0x25),
    CA_NOT_GIVEN(0x26);

    static final String NAMESPACE = "guomi";
    /** The Guomi console's "certificate parsing error", which a certificate that does not parse causes. */
    static final ErrorCode CERTIFICATE_PARSING_ERROR = ErrorCode.of("guomi.console", 0x21210001L);

    private final int value;

    GuomiProblem(int value) {
        this.value = value;
    }

    ErrorCode code() {
        return ErrorCode.of(NAMESPACE, value);
    }

    TokenException failure(String message) {
        return new TokenException(code(), message);
    }
}
