package org.tokenbench.seedfiles;

import org.tokenbench.core.ErrorCode;

/**
 * An entry of a seed file that was not imported, and why; never the seed.
 *
 * @param position the entry's place in the file: the line of a CSV, the KeyPackage's number (from 1) in PSKC
 * @param serial   the serial the entry names, empty when it names none
 * @param code     the reason's code (the diagnostics catalog explains it)
 * @param reason   the reason in words
 */
public record Rejection(int position, String serial, ErrorCode code, String reason) {
}
