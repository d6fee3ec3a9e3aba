package org.tokenbench.programming.batch;

import org.tokenbench.core.ErrorCode;

/** The {@code batch} error codes, explained by this bundle's catalog ({@code catalogs/batch.catalog}). */
public final class BatchCodes {

    public static final String NAMESPACE = "batch";

    public static final ErrorCode NOT_IN_BATCH = ErrorCode.of(NAMESPACE, 0x01);
    public static final ErrorCode ALREADY_PROGRAMMED = ErrorCode.of(NAMESPACE, 0x02);
    public static final ErrorCode OTHER_SOURCE = ErrorCode.of(NAMESPACE, 0x03);
    public static final ErrorCode JOURNAL_UNREADABLE = ErrorCode.of(NAMESPACE, 0x04);
    public static final ErrorCode JOURNAL_UNWRITABLE = ErrorCode.of(NAMESPACE, 0x05);
    public static final ErrorCode BATCH_COMPLETE = ErrorCode.of(NAMESPACE, 0x06);
    /** Another engine (process, station, window) holds the batch's programming lock. */
    public static final ErrorCode JOURNAL_IN_USE = ErrorCode.of(NAMESPACE, 0x07);

    private BatchCodes() {
    }
}
