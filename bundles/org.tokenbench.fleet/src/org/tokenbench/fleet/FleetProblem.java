package org.tokenbench.fleet;

import org.tokenbench.core.ErrorCode;

/** The fleet store's error codes (namespace {@code fleet}); the bundle's {@code catalogs/fleet.catalog} explains them. */
public final class FleetProblem {

    public static final String NAMESPACE = "fleet";

    public static final ErrorCode UNREACHABLE = code(0x01);
    public static final ErrorCode REFUSED = code(0x02);
    public static final ErrorCode SCHEMA_TOO_NEW = code(0x03);
    public static final ErrorCode MIGRATION_FAILED = code(0x04);
    public static final ErrorCode BAD_SETTINGS = code(0x05);
    public static final ErrorCode UNKNOWN_DEVICE = code(0x10);
    public static final ErrorCode UNKNOWN_STATE = code(0x11);
    public static final ErrorCode VAULT_NOT_ENABLED = code(0x20);
    public static final ErrorCode VAULT_ALREADY_ENABLED = code(0x21);
    public static final ErrorCode VAULT_NOT_OPENED = code(0x22);
    public static final ErrorCode NO_STORED_SEED = code(0x23);
    public static final ErrorCode WEAK_PASSPHRASE = code(0x24);
    public static final ErrorCode AUDIT_CHANGED = code(0x30);

    private FleetProblem() {
    }

    private static ErrorCode code(long value) {
        return ErrorCode.of(NAMESPACE, value);
    }
}
