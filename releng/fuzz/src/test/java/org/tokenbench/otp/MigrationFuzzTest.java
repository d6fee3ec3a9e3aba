package org.tokenbench.otp;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import com.code_intelligence.jazzer.junit.FuzzTest;

/** Google Authenticator's otpauth-migration:// export: only an OtpException may come out. */
class MigrationFuzzTest {

    @FuzzTest(maxDuration = "15s")
    void migration(byte[] payload) {
        // The payload is Base64 protobuf inside the URI: fuzz the protobuf bytes, not the Base64 alphabet.
        String uri = "otpauth-migration://offline?data="
                + URLEncoder.encode(Base64.getEncoder().encodeToString(payload), StandardCharsets.UTF_8);
        try {
            MigrationExport.parse(uri);
        } catch (OtpException refused) {
            // refused with a reason
        }
    }
}
