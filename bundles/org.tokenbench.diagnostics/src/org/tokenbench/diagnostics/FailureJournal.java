package org.tokenbench.diagnostics;

import java.time.Instant;
import java.util.List;

import org.osgi.annotation.versioning.ProviderType;
import org.tokenbench.core.ErrorCode;
import org.tokenbench.core.TokenException;

/**
 * The last failures of device operations in this session, newest first, for the Diagnostics view's "recent
 * errors" list. Drivers' jobs record each failure they report; messages never contain secrets by contract
 * of {@link TokenException}.
 */
@ProviderType
public interface FailureJournal {

    int CAPACITY = 100;

    record Entry(Instant when, String operation, ErrorCode code, String message) {
    }

    void record(String operation, TokenException failure);

    List<Entry> recent();

    AutoCloseable onChange(Runnable listener);
}
