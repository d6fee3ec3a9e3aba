package org.tokenbench.qr.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Rectangle;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.tokenbench.qr.FoundCode;
import org.tokenbench.qr.GreyImage;
import org.tokenbench.qr.PayloadKind;
import org.tokenbench.qr.QrScanner;
import org.tokenbench.qr.Region;
import org.tokenbench.testing.qr.DesktopScenes;
import org.tokenbench.testing.qr.PlacedCode;
import org.tokenbench.testing.qr.Scene;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.NotFoundException;
import com.google.zxing.PlanarYUVLuminanceSource;
import com.google.zxing.Result;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.multi.qrcode.QRCodeMultiReader;

/** The generated hard set: every code found, where it was drawn, and nothing else. */
class HardSetTest {

    private static final List<Scene> SCENES = DesktopScenes.hardSet();

    static Stream<Scene> scenes() {
        return SCENES.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenes")
    void everyCodeIsFoundWhereItWasDrawnAndNothingElse(Scene scene) throws Exception {
        List<FoundCode> found = new QrScanner().decodeImage(GreyImage.of(scene.image()), scene.name());
        for (PlacedCode truth : scene.codes()) {
            List<FoundCode> matches = found.stream().filter(f -> f.payload().equals(truth.payload())).toList();
            assertEquals(1, matches.size(), scene.name() + ": the " + truth + " code was found " + matches.size() + " times");
            Region where = matches.get(0).region();
            Rectangle b = truth.bounds();
            Region expected = new Region(b.x, b.y, b.width, b.height);
            assertTrue(expected.contains(where.centerX(), where.centerY()) && where.overlapRatio(expected) > 0.4,
                    scene.name() + ": the " + truth + " code was reported at " + where);
        }
        Set<String> drawn = new HashSet<>();
        scene.codes().forEach(c -> drawn.add(c.payload()));
        for (FoundCode code : found) {
            assertTrue(drawn.contains(code.payload()), scene.name() + ": found a code that was never drawn: " + code);
        }
    }

    /**
     * The set must be hard, or the test above proves little: plain ZXing over the whole frame (multi-reader,
     * hybrid binarizer, try-harder) must miss the inverted and low-contrast codes.
     */
    @Test
    void plainZxingMissesTheInvertedAndLowContrastCodes() {
        List<String> missed = new ArrayList<>();
        int total = 0;
        for (Scene scene : SCENES) {
            Set<String> plain = plainZxing(GreyImage.of(scene.image()));
            for (PlacedCode code : scene.codes()) {
                total++;
                if (!plain.contains(code.payload())) {
                    missed.add(scene.name() + ": " + code.traits());
                }
            }
        }
        assertTrue(total >= 30, "the set has only " + total + " codes");
        assertTrue(missed.size() >= 8, "plain ZXing missed only " + missed);
        assertTrue(missed.stream().filter(m -> m.contains("inverted")).count() >= 4, "missed: " + missed);
        assertTrue(missed.stream().filter(m -> m.contains("contrast")).count() >= 3, "missed: " + missed);
    }

    @Test
    void payloadsAreClassifiedWithTheOtpEngine() throws Exception {
        Map<String, Scene> byName = new java.util.HashMap<>();
        SCENES.forEach(s -> byName.put(s.name(), s));
        List<FoundCode> mixed = new QrScanner().decodeImage(GreyImage.of(byName.get("dual-mixed").image()), "dual-mixed");
        FoundCode link = only(mixed, PayloadKind.NOT_OTP);
        assertTrue(link.classification().problem().orElseThrow().contains("web link"), link.classification().summary());
        assertEquals(List.of("Counter (h1)"), only(mixed, PayloadKind.HOTP).classification().accounts());
        assertEquals(2, mixed.stream().filter(c -> c.classification().kind() == PayloadKind.TOTP).count());

        List<FoundCode> several = new QrScanner().decodeImage(GreyImage.of(byName.get("dual-several").image()), "dual-several");
        assertEquals(List.of("Export (exported-one)", "Export (exported-two)"), only(several, PayloadKind.MIGRATION).classification().accounts());
    }

    private static FoundCode only(List<FoundCode> codes, PayloadKind kind) {
        List<FoundCode> matching = codes.stream().filter(c -> c.classification().kind() == kind).toList();
        assertEquals(1, matching.size(), kind + " in " + codes);
        return matching.get(0);
    }

    private static Set<String> plainZxing(GreyImage image) {
        Set<String> texts = new HashSet<>();
        try {
            Result[] results = new QRCodeMultiReader().decodeMultiple(new BinaryBitmap(new HybridBinarizer(new PlanarYUVLuminanceSource(
                    image.pixels(), image.width(), image.height(), 0, 0, image.width(), image.height(), false))),
                    Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE));
            for (Result r : results) {
                texts.add(r.getText());
            }
        } catch (NotFoundException e) {
            // none found
        }
        return texts;
    }
}
