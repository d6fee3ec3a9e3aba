package org.tokenbench.otp;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

/** otpauth:// and otpauth-migration:// lines from a QR code, a file or a pipe: only an OtpException may come out. */
class OtpAuthFuzzTest {

    @FuzzTest(maxDuration = "15s")
    void parseAll(FuzzedDataProvider data) {
        try {
            OtpAuthUri.parseAll(data.consumeRemainingAsString());
        } catch (OtpException refused) {
            // the one accepted way to say no
        }
    }
}
