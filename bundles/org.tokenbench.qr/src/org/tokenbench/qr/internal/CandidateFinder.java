package org.tokenbench.qr.internal;

import java.util.ArrayList;
import java.util.List;

import org.tokenbench.qr.GreyImage;
import org.tokenbench.qr.Region;

/**
 * Finds the places in a large image where a QR code may be, so the decoder looks closely there instead of
 * running over a whole 4K or two-monitor screenshot. A QR code is a dense square of light/dark transitions:
 * the image is cut into 8×8 blocks, a block whose luminance range passes a low threshold is "busy", and
 * 8-connected groups of busy blocks that are roughly square and mostly filled become candidates. The low
 * threshold keeps low-contrast codes; the shape test drops text lines, window edges and single icons.
 */
public final class CandidateFinder {

    static final int BLOCK = 8;
    /** Luminance range of a busy block; a code drawn grey on grey still spans ~30 levels, a smooth wallpaper far less. */
    static final int BUSY_RANGE = 18;
    /** The smallest code worth a look, in pixels; ~80 px codes on a 4K screen are 10 blocks wide. */
    static final int MIN_SIDE = 40;
    /** Margin around a candidate in blocks: the quiet zone and a little more. */
    static final int MARGIN_BLOCKS = 2;

    private CandidateFinder() {
    }

    /**
     * Where to look: {@code likely} areas are shaped like a code; {@code crowded} ones are busy areas of another
     * shape, such as a code merged with the window that half covers it or the text around it, worth a search
     * tile by tile.
     */
    public record Areas(List<Region> likely, List<Region> crowded) {
    }

    public static Areas areas(GreyImage image) {
        int w = image.width();
        int h = image.height();
        int bw = (w + BLOCK - 1) / BLOCK;
        int bh = (h + BLOCK - 1) / BLOCK;
        boolean[] busy = busyBlocks(image, bw, bh);
        List<Region> found = new ArrayList<>();
        List<Region> crowded = new ArrayList<>();
        int[] stack = new int[bw * bh];
        boolean[] seen = new boolean[bw * bh];
        for (int start = 0; start < busy.length; start++) {
            if (!busy[start] || seen[start]) {
                continue;
            }
            // Flood fill over 8 neighbours, tracking the bounding box and the block count.
            int top = 0;
            stack[top++] = start;
            seen[start] = true;
            int minX = bw, minY = bh, maxX = -1, maxY = -1, count = 0;
            while (top > 0) {
                int b = stack[--top];
                int bx = b % bw;
                int by = b / bw;
                count++;
                minX = Math.min(minX, bx);
                maxX = Math.max(maxX, bx);
                minY = Math.min(minY, by);
                maxY = Math.max(maxY, by);
                for (int dy = -1; dy <= 1; dy++) {
                    int ny = by + dy;
                    if (ny < 0 || ny >= bh) {
                        continue;
                    }
                    for (int dx = -1; dx <= 1; dx++) {
                        int nx = bx + dx;
                        if (nx < 0 || nx >= bw) {
                            continue;
                        }
                        int n = ny * bw + nx;
                        if (busy[n] && !seen[n]) {
                            seen[n] = true;
                            stack[top++] = n;
                        }
                    }
                }
            }
            int cw = maxX - minX + 1;
            int ch = maxY - minY + 1;
            if (Math.min(cw, ch) * BLOCK < MIN_SIDE) {
                continue;
            }
            int x0 = Math.max(0, (minX - MARGIN_BLOCKS) * BLOCK);
            int y0 = Math.max(0, (minY - MARGIN_BLOCKS) * BLOCK);
            int x1 = Math.min(w, (maxX + 1 + MARGIN_BLOCKS) * BLOCK);
            int y1 = Math.min(h, (maxY + 1 + MARGIN_BLOCKS) * BLOCK);
            (plausible(cw, ch, count) ? found : crowded).add(new Region(x0, y0, x1 - x0, y1 - y0));
        }
        return new Areas(found, crowded);
    }

    /** Roughly square (a rotated code's box too), big enough, and mostly busy: a QR code's footprint. */
    static boolean plausible(int widthBlocks, int heightBlocks, int busyBlocks) {
        int longSide = Math.max(widthBlocks, heightBlocks);
        int shortSide = Math.min(widthBlocks, heightBlocks);
        if (shortSide * BLOCK < MIN_SIDE) {
            return false;
        }
        // Up to 3:1 lets a code merged with its caption or a neighbouring button through.
        if (longSide > 3 * shortSide) {
            return false;
        }
        return busyBlocks * 10 >= widthBlocks * heightBlocks * 3;
    }

    /** One pass over the pixels keeping each block's minimum and maximum, row by row for the cache. */
    private static boolean[] busyBlocks(GreyImage image, int bw, int bh) {
        int w = image.width();
        int h = image.height();
        byte[] px = image.pixels();
        int[] min = new int[bw];
        int[] max = new int[bw];
        boolean[] busy = new boolean[bw * bh];
        for (int by = 0; by < bh; by++) {
            java.util.Arrays.fill(min, 255);
            java.util.Arrays.fill(max, 0);
            int yEnd = Math.min(h, (by + 1) * BLOCK);
            // Every second row and column: a module is at least two pixels, so no code is missed by the sampling.
            for (int y = by * BLOCK; y < yEnd; y += 2) {
                int row = y * w;
                for (int x = 0; x < w; x += 2) {
                    int v = px[row + x] & 0xFF;
                    int b = x >> 3;
                    if (v < min[b]) {
                        min[b] = v;
                    }
                    if (v > max[b]) {
                        max[b] = v;
                    }
                }
            }
            for (int bx = 0; bx < bw; bx++) {
                busy[by * bw + bx] = max[bx] - min[bx] >= BUSY_RANGE;
            }
        }
        return busy;
    }
}
