package org.tokenbench.testing.qr;

import java.awt.Rectangle;

/**
 * Ground truth for one code drawn into a generated screenshot.
 *
 * @param payload the text the code carries
 * @param bounds  the symbol's axis-aligned box in the final image (quiet zone excluded)
 * @param traits  what makes it hard ("96px rot30 inverted jpeg50"), for failure messages and the benchmark table
 */
public record PlacedCode(String payload, Rectangle bounds, String traits) {

    @Override
    public String toString() {
        return traits + " at " + bounds.x + "," + bounds.y + " " + bounds.width + "x" + bounds.height;
    }
}
