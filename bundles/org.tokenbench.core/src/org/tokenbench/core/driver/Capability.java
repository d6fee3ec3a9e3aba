package org.tokenbench.core.driver;

/** What a device family can do; the workbench enables actions from this set. */
public enum Capability {
    /** Write an OTP seed and its settings (write-only: seeds are never read back). */
    PROGRAM_SEED,
    READ_CLOCK,
    SET_CLOCK,
    /** The device computes OTP codes on request (e.g. YKOATH CALCULATE). */
    CALCULATE,
    LIST_CREDENTIALS,
    VERIFY_PIN,
    READ_CERTIFICATE,
    SIGN
}
