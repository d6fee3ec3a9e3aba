package org.tokenbench.qr;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

/** Whatever a QR code carries is classified, never thrown at the caller. */
class ClassificationFuzzTest {

    @FuzzTest(maxDuration = "15s")
    void classify(FuzzedDataProvider data) {
        if (Classification.of(data.consumeRemainingAsString()) == null) {
            throw new AssertionError("no classification");
        }
    }
}
