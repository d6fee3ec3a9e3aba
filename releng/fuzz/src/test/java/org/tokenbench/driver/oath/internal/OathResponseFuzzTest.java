package org.tokenbench.driver.oath.internal;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.tokenbench.core.TokenException;
import org.tokenbench.pcsc.Response;

/** YKOATH answers (SELECT, LIST, CALCULATE's truncated codes, raw TLV): parsed, or a TokenException. */
class OathResponseFuzzTest {

    @FuzzTest(maxDuration = "15s")
    void responses(byte[] raw) {
        try {
            OathProtocol.parse(raw);
        } catch (TokenException refused) {
            // malformed TLV
        }
        try {
            OathProtocol.code(raw);
        } catch (TokenException refused) {
            // not a truncated code
        }
        if (raw.length < 2) {
            return;
        }
        Response response = Response.parse(raw);
        try {
            OathProtocol.parseSelect(response);
        } catch (TokenException refused) {
            // malformed
        }
        try {
            OathProtocol.parseList(response);
        } catch (TokenException refused) {
            // malformed
        }
    }
}
