package org.tokenbench.seedfiles;

import org.tokenbench.core.ErrorCode;
import org.tokenbench.core.TokenException;

/** The {@code seeds} error codes, explained by this bundle's catalog ({@code catalogs/seeds.catalog}). */
public final class SeedFileCodes {

    public static final String NAMESPACE = "seeds";

    public static final ErrorCode NOT_A_SEED_FILE = code(0x01);
    public static final ErrorCode HOSTILE_XML = code(0x02);
    public static final ErrorCode TOO_LARGE = code(0x03);
    public static final ErrorCode KEY_NEEDED = code(0x04);
    public static final ErrorCode MAC_FAILED = code(0x05);
    public static final ErrorCode UNSUPPORTED_PROTECTION = code(0x06);
    public static final ErrorCode ENTRY_UNUSABLE = code(0x07);
    public static final ErrorCode REFUSED_FAIL_HARD = code(0x08);
    public static final ErrorCode BAD_LINE = code(0x09);
    public static final ErrorCode NOT_EXPORTABLE = code(0x0A);
    public static final ErrorCode DUPLICATE_SERIAL = code(0x0B);

    private SeedFileCodes() {
    }

    private static ErrorCode code(long value) {
        return ErrorCode.of(NAMESPACE, value);
    }

    static TokenException failure(ErrorCode code, String message) {
        return new TokenException(code, message);
    }
}
