package org.tokenbench.qr.internal;

import org.tokenbench.qr.GreyImage;
import org.tokenbench.qr.Region;

/** The image operations the decoder's extra passes need: crop with contrast stretch, and smooth enlargement. */
public final class Pixels {

    private Pixels() {
    }

    /**
     * A copy of the region with its levels stretched to the full range (ignoring the darkest and lightest 2 %
     * as noise) in the middle of the area: a code drawn grey on grey, which ZXing's binarizer treats as flat, becomes black on white.
     */
    public static GreyImage stretchedCrop(GreyImage image, Region r) {
        // Levels come from the middle half of the area, where the code is: its margin often holds a window's
        // white background or black text that would otherwise set the range and leave the code grey.
        int[] histogram = new int[256];
        byte[] px = image.pixels();
        int w = image.width();
        int x0 = r.x() + r.width() / 4;
        int y0 = r.y() + r.height() / 4;
        int cw = Math.max(1, r.width() / 2);
        int chh = Math.max(1, r.height() / 2);
        for (int y = y0; y < y0 + chh; y++) {
            int row = y * w;
            for (int x = x0; x < x0 + cw; x++) {
                histogram[px[row + x] & 0xFF]++;
            }
        }
        int total = r.width() * r.height();
        int sampled = cw * chh;
        int low = percentile(histogram, sampled / 50);
        int high = 255 - percentile(reversed(histogram), sampled / 50);
        int span = Math.max(1, high - low);
        byte[] lut = new byte[256];
        for (int v = 0; v < 256; v++) {
            lut[v] = (byte) Math.max(0, Math.min(255, (v - low) * 255 / span));
        }
        byte[] out = new byte[total];
        for (int y = 0; y < r.height(); y++) {
            int row = (r.y() + y) * w + r.x();
            for (int x = 0; x < r.width(); x++) {
                out[y * r.width() + x] = lut[px[row + x] & 0xFF];
            }
        }
        return new GreyImage(r.width(), r.height(), out);
    }

    /** Bilinear enlargement by an integer factor: modules of two blurred pixels become six smooth ones. */
    public static GreyImage enlarged(GreyImage image, int factor) {
        int w = image.width();
        int h = image.height();
        int ow = w * factor;
        int oh = h * factor;
        byte[] out = new byte[ow * oh];
        byte[] px = image.pixels();
        for (int oy = 0; oy < oh; oy++) {
            // Sample at pixel centres so the enlarged image is not shifted by half a pixel.
            float sy = Math.max(0, (oy + 0.5f) / factor - 0.5f);
            int y0 = Math.min(h - 1, (int) sy);
            int y1 = Math.min(h - 1, y0 + 1);
            float fy = sy - y0;
            for (int ox = 0; ox < ow; ox++) {
                float sx = Math.max(0, (ox + 0.5f) / factor - 0.5f);
                int x0 = Math.min(w - 1, (int) sx);
                int x1 = Math.min(w - 1, x0 + 1);
                float fx = sx - x0;
                float top = (px[y0 * w + x0] & 0xFF) * (1 - fx) + (px[y0 * w + x1] & 0xFF) * fx;
                float bottom = (px[y1 * w + x0] & 0xFF) * (1 - fx) + (px[y1 * w + x1] & 0xFF) * fx;
                out[oy * ow + ox] = (byte) Math.round(top * (1 - fy) + bottom * fy);
            }
        }
        return new GreyImage(ow, oh, out);
    }

    private static int percentile(int[] histogram, int skip) {
        int seen = 0;
        for (int v = 0; v < 256; v++) {
            seen += histogram[v];
            if (seen > skip) {
                return v;
            }
        }
        return 255;
    }

    private static int[] reversed(int[] histogram) {
        int[] r = new int[256];
        for (int v = 0; v < 256; v++) {
            r[v] = histogram[255 - v];
        }
        return r;
    }
}
