package org.tokenbench.testing.qr;

import java.awt.image.BufferedImage;
import java.util.List;

/** A generated desktop screenshot and the codes on it. */
public record Scene(String name, BufferedImage image, List<PlacedCode> codes) {

    public Scene {
        codes = List.copyOf(codes);
    }

    @Override
    public String toString() {
        return name + " (" + image.getWidth() + "x" + image.getHeight() + ", " + codes.size() + " codes)";
    }
}
