package org.tokenbench.skf;

import org.tokenbench.core.ErrorCode;

/**
 * Conditions the SKF transport finds itself. They keep the "guomi" namespace and values the Guomi checklist has
 * always shown (GM/T 0016 is the Guomi standard), explained by this bundle's catalog; SAR codes keep "skf".
 */
public enum SkfProblem {
    LIBRARY_NOT_FOUND(0x01),
    LIBRARY_NOT_LOADABLE(0x02),
    FUNCTIONS_MISSING(0x03),
    NO_DEVICE(0x04),
    MALFORMED_ANSWER(0x05),
    /** SKF_LockDev did not get the key within the wait: another program holds it. */
    DEVICE_HELD(0x12),
    /** The library file can be changed by someone other than root or the user: a warning, the code runs in our process. */
    LIBRARY_WRITABLE_BY_OTHERS(0x13);

    public static final String NAMESPACE = "guomi";

    private final int value;

    SkfProblem(int value) {
        this.value = value;
    }

    public ErrorCode code() {
        return ErrorCode.of(NAMESPACE, value);
    }
}
