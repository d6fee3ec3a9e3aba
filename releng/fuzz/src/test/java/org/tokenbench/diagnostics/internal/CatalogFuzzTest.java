package org.tokenbench.diagnostics.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;

import com.code_intelligence.jazzer.junit.FuzzTest;

/** A contributed (vendor's) catalog file: bad lines become problems, never an exception that hides the others. */
class CatalogFuzzTest {

    @FuzzTest(maxDuration = "15s")
    void catalog(byte[] text) throws IOException {
        CatalogParser.parse(new ByteArrayInputStream(text), "fuzz.catalog");
    }
}
