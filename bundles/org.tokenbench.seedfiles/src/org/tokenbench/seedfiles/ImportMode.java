package org.tokenbench.seedfiles;

/**
 * What an import does with an entry whose integrity check (the PSKC MAC) fails; like privacyIDEA's import modes.
 * Entries that are unusable for other reasons (no secret, a PIN instead of an OTP key) are always rejected one by one.
 */
public enum ImportMode {
    /** The entry is rejected and reported, the others are imported: the default. */
    FAIL_SOFT,
    /** One failed MAC refuses the whole file: nothing is imported, since the file may have been tampered with. */
    FAIL_HARD
}
