package org.tokenbench.qr;

/** An axis-aligned rectangle in the pixels of the image (or monitor capture) a code was found in. */
public record Region(int x, int y, int width, int height) {

    public Region {
        if (width < 0 || height < 0) {
            throw new IllegalArgumentException("negative size " + width + "x" + height);
        }
    }

    public int centerX() {
        return x + width / 2;
    }

    public int centerY() {
        return y + height / 2;
    }

    public boolean contains(int px, int py) {
        return px >= x && px < x + width && py >= y && py < y + height;
    }

    public boolean overlaps(Region other) {
        return x < other.x + other.width && other.x < x + width && y < other.y + other.height && other.y < y + height;
    }

    /** Intersection area over union area: 1 for the same rectangle, 0 for disjoint ones. */
    public double overlapRatio(Region other) {
        long ix = Math.max(0, Math.min(x + width, other.x + other.width) - Math.max(x, other.x));
        long iy = Math.max(0, Math.min(y + height, other.y + other.height) - Math.max(y, other.y));
        long intersection = ix * iy;
        long union = (long) width * height + (long) other.width * other.height - intersection;
        return union == 0 ? 0 : (double) intersection / union;
    }

    @Override
    public String toString() {
        return width + "x" + height + "+" + x + "+" + y;
    }
}
