package org.tokenbench.qr;

import java.time.Duration;
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
import com.google.zxing.ResultPointCallback;
import com.google.zxing.WriterException;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.multi.qrcode.QRCodeMultiReader;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.google.zxing.qrcode.detector.FinderPattern;
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
 * <p>
 * Every search is bounded ({@link Limits}): ZXing's multi-code finder tries every triple of finder-pattern
 * candidates, so an image tiled with finder patterns (a few hundred bytes of PNG) made it work for minutes and
 * gigabytes. An attempt that meets more candidates than any real screen area has is abandoned, and the whole
 * search stops at a deadline; a search that found nothing and abandoned work says so ({@link QrProblem#GAVE_UP})
 * rather than "no code".
 * <p>
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

    /**
     * How much one image may cost.
     *
     * @param deadline         the whole search of one image; what was found by then is kept
     * @param finderCandidates finder-pattern candidates one ZXing attempt may meet before it is abandoned: a real
     *                         area holds a few codes (three patterns each) and a handful of look-alikes, and the
     *                         finder's work grows with the cube of this number
     */
    public record Limits(Duration deadline, int finderCandidates) {
        /** Generous for real screenshots (the hard set decodes in about 0.1 s per 4K frame), quick to refuse the rest. */
        public static Limits standard() {
            return new Limits(Duration.ofSeconds(3), 64);
        }
    }

    private final Limits limits;

    public QrDecoder() {
        this(Limits.standard());
    }

    public QrDecoder(Limits limits) {
        this.limits = limits;
    }

    /**
     * Every code in the image, each once, with the text it carries and where it is.
     *
     * @throws QrException {@link QrProblem#GAVE_UP} when nothing was found and part of the image was not searched
     */
    public List<FoundCode> decode(GreyImage image, FoundCode.Source source) throws QrException {
        Search search = new Search(limits);
        List<Decoded> decoded = find(image, search);
        if (decoded.isEmpty() && search.abandoned()) {
            throw new QrException(QrProblem.GAVE_UP, source.name() + ": gave up on this image (" + search.why()
                    + "); crop the part with the QR code and try again");
        }
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

    /** The codes found within the limits (an abandoned search returns what it found so far). */
    public List<Decoded> find(GreyImage image) {
        return find(image, new Search(limits));
    }

    private List<Decoded> find(GreyImage image, Search search) {
        List<Decoded> found = new ArrayList<>();
        CandidateFinder.Areas areas = CandidateFinder.areas(image);
        for (Region candidate : areas.likely()) {
            addNew(found, decodeArea(image, candidate, search));
        }
        for (Region crowded : areas.crowded()) {
            addNew(found, tiles(image, crowded, borderIsDark(image, crowded), 0, 0, search));
        }
        if (found.isEmpty() && (long) image.width() * image.height() <= WHOLE_IMAGE_PIXELS) {
            addNew(found, decodeArea(image, new Region(0, 0, image.width(), image.height()), search));
        }
        return found;
    }

    /**
     * The work left for one image, checked by ZXing's result-point callback (called for every new finder-pattern and
     * alignment candidate) and between attempts. The callback aborts an attempt by throwing, the only way to stop
     * ZXing mid-search.
     */
    private static final class Search implements ResultPointCallback {
        private final long deadline;
        private final int maxCandidates;
        private int candidates;
        private boolean timedOut;
        private boolean tooManyCandidates;

        Search(Limits limits) {
            this.deadline = System.nanoTime() + limits.deadline().toNanos();
            this.maxCandidates = limits.finderCandidates();
        }

        /** False once the deadline has passed: no new attempt starts. */
        boolean mayContinue() {
            timedOut |= System.nanoTime() - deadline > 0;
            return !timedOut;
        }

        void startAttempt() {
            candidates = 0;
        }

        @Override
        public void foundPossibleResultPoint(ResultPoint point) {
            if (point instanceof FinderPattern && ++candidates > maxCandidates) {
                tooManyCandidates = true;
                throw Abandoned.INSTANCE;
            }
            if (!mayContinue()) {
                throw Abandoned.INSTANCE;
            }
        }

        boolean abandoned() {
            return timedOut || tooManyCandidates;
        }

        String why() {
            return timedOut ? "the search took longer than its time limit" : "more QR finder patterns than a screen holds";
        }
    }

    /** Thrown through ZXing to stop an attempt; carries no stack (it is control flow, thrown often). */
    private static final class Abandoned extends RuntimeException {
        private static final long serialVersionUID = 1L;
        static final Abandoned INSTANCE = new Abandoned();

        private Abandoned() {
            super("search abandoned", null, false, false);
        }
    }

    private List<Decoded> decodeArea(GreyImage image, Region area, Search search) {
        LuminanceSource asIs = new PlanarYUVLuminanceSource(image.pixels(), image.width(), image.height(), area.x(), area.y(),
                area.width(), area.height(), false);
        boolean darkFirst = borderIsDark(image, area);
        List<Decoded> found = bothPolarities(asIs, area.x(), area.y(), 1, darkFirst, search);
        if (!found.isEmpty() || !search.mayContinue()) {
            return found;
        }
        GreyImage stretched = Pixels.stretchedCrop(image, area);
        found = bothPolarities(source(stretched), area.x(), area.y(), 1, darkFirst, search);
        if (!found.isEmpty() || !search.mayContinue()) {
            return found;
        }
        if (Math.max(area.width(), area.height()) <= SMALL_SIDE) {
            return bothPolarities(source(Pixels.enlarged(stretched, ENLARGE)), area.x(), area.y(), ENLARGE, darkFirst, search);
        }
        if (Math.max(area.width(), area.height()) > TILE * 3 / 2) {
            return tiles(stretched, new Region(0, 0, area.width(), area.height()), darkFirst, area.x(), area.y(), search);
        }
        return found;
    }

    /**
     * Overlapping tiles over {@code area} of {@code image}, so a code cut by one tile's edge lies whole inside its
     * neighbour; results are shifted by (offsetX, offsetY) into frame pixels.
     */
    private List<Decoded> tiles(GreyImage image, Region area, boolean darkFirst, int offsetX, int offsetY, Search search) {
        List<Decoded> found = new ArrayList<>();
        int step = TILE * 2 / 3;
        for (int y = area.y(); y < area.y() + area.height(); y += step) {
            for (int x = area.x(); x < area.x() + area.width(); x += step) {
                int w = Math.min(TILE, area.x() + area.width() - x);
                int h = Math.min(TILE, area.y() + area.height() - y);
                if (w < MIN_TILE || h < MIN_TILE) {
                    continue;
                }
                if (!search.mayContinue()) {
                    return found;
                }
                LuminanceSource tile = new PlanarYUVLuminanceSource(image.pixels(), image.width(), image.height(), x, y, w, h, false);
                addNew(found, bothPolarities(tile, offsetX + x, offsetY + y, 1, darkFirst, search));
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

    private static List<Decoded> bothPolarities(LuminanceSource source, int offsetX, int offsetY, int scale, boolean darkFirst,
            Search search) {
        LuminanceSource first = darkFirst ? source.invert() : source;
        List<Decoded> found = attempt(first, offsetX, offsetY, scale, search);
        if (!found.isEmpty() || !search.mayContinue()) {
            return found;
        }
        return attempt(darkFirst ? source : source.invert(), offsetX, offsetY, scale, search);
    }

    private static List<Decoded> attempt(LuminanceSource source, int offsetX, int offsetY, int scale, Search search) {
        Map<DecodeHintType, Object> hints = new EnumMap<>(HINTS);
        hints.put(DecodeHintType.NEED_RESULT_POINT_CALLBACK, search);
        search.startAttempt();
        Result[] results;
        try {
            results = new QRCodeMultiReader().decodeMultiple(new BinaryBitmap(new HybridBinarizer(source)), hints);
        } catch (NotFoundException | Abandoned e) {
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
