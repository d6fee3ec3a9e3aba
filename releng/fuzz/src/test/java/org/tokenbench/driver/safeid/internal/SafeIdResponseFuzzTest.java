package org.tokenbench.driver.safeid.internal;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.tokenbench.core.TokenException;
import org.tokenbench.pcsc.Response;

/** What a SafeID or Molto2 card (or a relay pretending to be one) answers: parsed, or a TokenException. */
class SafeIdResponseFuzzTest {

    @FuzzTest(maxDuration = "15s")
    void responses(byte[] raw) {
        if (raw.length < 2) {
            return;  // the PC/SC layer never hands on fewer than the two status bytes
        }
        Response response = Response.parse(raw);
        SafeIdProtocol.triesLeftAfterRefusal(response.sw());
        try {
            SafeIdProtocol.parseInfo(response);
        } catch (TokenException refused) {
            // refused with a code
        }
        try {
            SafeIdProtocol.parsePublicData(response);
        } catch (TokenException refused) {
            // refused with a code
        }
        try {
            SafeIdProtocol.check(response, "fuzzing");
        } catch (TokenException refused) {
            // refused with a code
        }
    }
}
