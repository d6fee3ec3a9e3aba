package org.tokenbench.qr;

import com.code_intelligence.jazzer.junit.FuzzTest;

/** Small images from files, the clipboard or a screen: decoded, or refused with a QrException. */
class ImageFileFuzzTest {

    private static final QrDecoder DECODER = new QrDecoder();

    /** Encoded image bytes (PNG, JPEG, GIF, BMP…) through ImageIO and the bounded decoder. */
    @FuzzTest(maxDuration = "15s")
    void imageFile(byte[] bytes) {
        try {
            GreyImage image = ImageFiles.read(bytes, "fuzz");
            DECODER.decode(image, FoundCode.Source.image("fuzz"));
        } catch (QrException refused) {
            // not an image, too large, or gave up: each has a message
        }
    }
}
