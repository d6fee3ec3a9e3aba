package org.tokenbench.qr;

import java.util.Arrays;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

/** Tiny grey images (a crop, a screen tile) straight into the bounded finder and decoder. */
class TinyImageFuzzTest {

    private static final QrDecoder DECODER = new QrDecoder();

    @FuzzTest(maxDuration = "15s")
    void tinyPixels(FuzzedDataProvider data) {
        int width = data.consumeInt(1, 96);
        int height = data.consumeInt(1, 96);
        byte[] pixels = Arrays.copyOf(data.consumeRemainingAsBytes(), width * height);
        try {
            DECODER.decode(new GreyImage(width, height, pixels), FoundCode.Source.image("fuzz"));
        } catch (QrException refused) {
            // gave up within the limits
        }
    }
}
