package org.tokenbench.qr;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.tokenbench.qr.internal.CandidateFinder;
import org.tokenbench.qr.internal.Pixels;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.EncodeHintType;
import com.google.zxing.LuminanceSource;
import com.google.zxing.NotFoundException;
import com.google.zxing.PlanarYUVLuminanceSource;
import com.google.zxing.Result;
import com.google.zxing.ResultMetadataType;
import com.google.zxing.ResultPoint;
import com.google.zxing.WriterException;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.multi.qrcode.QRCodeMultiReader;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.google.zxing.qrcode.encoder.Encoder;

/**
 * Finds every QR code in an image. ZXing does the decoding; this class decides where and how to look, because
 * ZXing alone over a whole desktop screenshot misses what users actually have on screen: light-on-dark codes
 * of dark themes, grey-on-grey codes, and small codes on 4K monitors. For each candidate area (see
 * {@link CandidateFinder}) it tries, cheapest first and stopping at the first success:
 * <ol>
 * <li>the pixels as they are, dark-on-light or light-on-dark first depending on the area's border;</li>
 * <li>the other polarity;</li>
 * <li>levels stretched to full contrast, both polarities;</li>
 * <li>for small areas, the stretched pixels enlarged ×3, both polarities (two-pixel modules blurred by scaling
 * have no sharp edges for ZXing's binarizer; enlarged smoothly they do).</li>
 * </ol>
 * Thread-safe: it holds no state between calls.
 */
public final class QrDecoder {

    /** An area this small or smaller also gets the enlarged passes; a 4K screen's smallest codes are ~80 px. */
    private static final int SMALL_SIDE = 360;
    private static final int ENLARGE = 3;
    /** Larger areas are also searched tile by tile, where ZXing's finder-pattern search loses small codes. */
    private static final int TILE = 720;
    private static final int MIN_TILE = 64;
    /** Images up to this many pixels are also searched whole, for codes cropped tight to their quiet zone. */
    private static final long WHOLE_IMAGE_PIXELS = 2_000_000;

    private static final Map<DecodeHintType, Object> HINTS = hints();

    /** Every code in the image, each once, with the text it carries and where it is. */
    public List<FoundCode> decode(GreyImage image, FoundCode.Source source) {
        List<Decoded> decoded = find(image);
        List<FoundCode> codes = new ArrayList<>(decoded.size());
        for (Decoded d : decoded) {
            codes.add(new FoundCode(d.payload(), d.region(), source, Classification.of(d.payload())));
        }
        return codes;
    }

    /** A payload and where it was found: the decoder's raw answer, before classification. */
    public record Decoded(String payload, Region region) {
        @Override
        public String toString() {
            return "Decoded[" + payload.length() + " chars at " + region + "]";
        }
    }

    public List<Decoded> find(GreyImage image) {
        List<Decoded> found = new ArrayList<>();
        CandidateFinder.Areas areas = CandidateFinder.areas(image);
        for (Region candidate : areas.likely()) {
            addNew(found, decodeArea(image, candidate));
        }
        for (Region crowded : areas.crowded()) {
            addNew(found, tiles(image, crowded, borderIsDark(image, crowded)));
        }
        if (found.isEmpty() && (long) image.width() * image.height() <= WHOLE_IMAGE_PIXELS) {
            addNew(found, decodeArea(image, new Region(0, 0, image.width(), image.height())));
        }
        return found;
    }

    private List<Decoded> decodeArea(GreyImage image, Region area) {
        LuminanceSource asIs = new PlanarYUVLuminanceSource(image.pixels(), image.width(), image.height(), area.x(), area.y(),
                area.width(), area.height(), false);
        boolean darkFirst = borderIsDark(image, area);
        List<Decoded> found = bothPolarities(asIs, area.x(), area.y(), 1, darkFirst);
        if (!found.isEmpty()) {
            return found;
        }
        GreyImage stretched = Pixels.stretchedCrop(image, area);
        found = bothPolarities(source(stretched), area.x(), area.y(), 1, darkFirst);
        if (!found.isEmpty()) {
            return found;
        }
        if (Math.max(area.width(), area.height()) <= SMALL_SIDE) {
            return bothPolarities(source(Pixels.enlarged(stretched, ENLARGE)), area.x(), area.y(), ENLARGE, darkFirst);
        }
        if (Math.max(area.width(), area.height()) > TILE * 3 / 2) {
            return tiles(stretched, new Region(0, 0, area.width(), area.height()), darkFirst, area.x(), area.y());
        }
        return found;
    }

    /** Overlapping tiles, so a code cut by one tile's edge lies whole inside its neighbour. */
    private List<Decoded> tiles(GreyImage image, Region area, boolean darkFirst) {
        return tiles(image, area, darkFirst, 0, 0);
    }

    /** Tiles over {@code area} of {@code image}; results are shifted by (offsetX, offsetY) into frame pixels. */
    private List<Decoded> tiles(GreyImage image, Region area, boolean darkFirst, int offsetX, int offsetY) {
        List<Decoded> found = new ArrayList<>();
        int step = TILE * 2 / 3;
        for (int y = area.y(); y < area.y() + area.height(); y += step) {
            for (int x = area.x(); x < area.x() + area.width(); x += step) {
                int w = Math.min(TILE, area.x() + area.width() - x);
                int h = Math.min(TILE, area.y() + area.height() - y);
                if (w < MIN_TILE || h < MIN_TILE) {
                    continue;
                }
                LuminanceSource tile = new PlanarYUVLuminanceSource(image.pixels(), image.width(), image.height(), x, y, w, h, false);
                addNew(found, bothPolarities(tile, offsetX + x, offsetY + y, 1, darkFirst));
                if (x + w >= area.x() + area.width()) {
                    break;
                }
            }
            if (y + Math.min(TILE, area.y() + area.height() - y) >= area.y() + area.height()) {
                break;
            }
        }
        return found;
    }

    private static LuminanceSource source(GreyImage image) {
        return new PlanarYUVLuminanceSource(image.pixels(), image.width(), image.height(), 0, 0, image.width(), image.height(), false);
    }

    private static List<Decoded> bothPolarities(LuminanceSource source, int offsetX, int offsetY, int scale, boolean darkFirst) {
        LuminanceSource first = darkFirst ? source.invert() : source;
        List<Decoded> found = attempt(first, offsetX, offsetY, scale);
        return found.isEmpty() ? attempt(darkFirst ? source : source.invert(), offsetX, offsetY, scale) : found;
    }

    private static List<Decoded> attempt(LuminanceSource source, int offsetX, int offsetY, int scale) {
        Result[] results;
        try {
            results = new QRCodeMultiReader().decodeMultiple(new BinaryBitmap(new HybridBinarizer(source)), HINTS);
        } catch (NotFoundException e) {
            return List.of();
        }
        List<Decoded> found = new ArrayList<>(results.length);
        for (Result result : results) {
            found.add(new Decoded(result.getText(), bounds(result.getResultPoints(), moduleCount(result), offsetX, offsetY, scale)));
        }
        return found;
    }

    /**
     * The code's box from its finder-pattern centres: those sit 3.5 modules inside the corners, and the centres
     * of two neighbouring patterns are (modules - 7) modules apart.
     */
    private static Region bounds(ResultPoint[] points, int modules, int offsetX, int offsetY, int scale) {
        float minX = Float.MAX_VALUE, minY = Float.MAX_VALUE, maxX = -Float.MAX_VALUE, maxY = -Float.MAX_VALUE;
        for (ResultPoint p : points) {
            if (p == null) {
                continue;
            }
            minX = Math.min(minX, p.getX());
            maxX = Math.max(maxX, p.getX());
            minY = Math.min(minY, p.getY());
            maxY = Math.max(maxY, p.getY());
        }
        float pad = Math.max(maxX - minX, maxY - minY) * 3.5f / (modules - 7);
        int x = Math.round((minX - pad) / scale) + offsetX;
        int y = Math.round((minY - pad) / scale) + offsetY;
        int w = Math.round((maxX - minX + 2 * pad) / scale);
        int h = Math.round((maxY - minY + 2 * pad) / scale);
        return new Region(Math.max(0, x), Math.max(0, y), w, h);
    }

    /**
     * The code's size in modules, found by encoding its text again at the error-correction level it was read
     * with (ZXing does not report the version it decoded); the smallest code, 21, when that fails.
     */
    private static int moduleCount(Result result) {
        Map<ResultMetadataType, Object> metadata = result.getResultMetadata();
        Object level = metadata == null ? null : metadata.get(ResultMetadataType.ERROR_CORRECTION_LEVEL);
        try {
            ErrorCorrectionLevel ec = level instanceof String name ? ErrorCorrectionLevel.valueOf(name) : ErrorCorrectionLevel.L;
            return Encoder.encode(result.getText(), ec, Map.of(EncodeHintType.CHARACTER_SET, "UTF-8")).getVersion()
                    .getDimensionForVersion();
        } catch (WriterException | IllegalArgumentException e) {
            return 21;
        }
    }

    /** Light-on-dark codes sit on a dark quiet zone: look at the area's outer ring of pixels. */
    private static boolean borderIsDark(GreyImage image, Region area) {
        long sum = 0;
        int n = 0;
        int right = area.x() + area.width() - 1;
        int bottom = area.y() + area.height() - 1;
        for (int x = area.x(); x <= right; x += 2) {
            sum += image.at(x, area.y()) + image.at(x, bottom);
            n += 2;
        }
        for (int y = area.y(); y <= bottom; y += 2) {
            sum += image.at(area.x(), y) + image.at(right, y);
            n += 2;
        }
        return n > 0 && sum / n < 100;
    }

    /** Adds the codes not already known: the same text at an overlapping place is the same code found twice. */
    private static void addNew(List<Decoded> found, List<Decoded> more) {
        for (Decoded candidate : more) {
            boolean known = found.stream()
                    .anyMatch(d -> d.payload().equals(candidate.payload()) && d.region().overlaps(candidate.region()));
            if (!known) {
                found.add(candidate);
            }
        }
    }

    private static Map<DecodeHintType, Object> hints() {
        Map<DecodeHintType, Object> hints = new EnumMap<>(DecodeHintType.class);
        hints.put(DecodeHintType.TRY_HARDER, Boolean.TRUE);
        hints.put(DecodeHintType.POSSIBLE_FORMATS, List.of(BarcodeFormat.QR_CODE));
        return Map.copyOf(hints);
    }
}
