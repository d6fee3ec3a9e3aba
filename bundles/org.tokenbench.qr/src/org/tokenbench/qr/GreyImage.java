package org.tokenbench.qr;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferInt;
import java.util.Objects;

/**
 * An image as 8-bit luminance, row by row (0 black, 255 white): what QR decoding needs, a third of the memory
 * of RGB, and free of any UI toolkit so screen captures from SWT or AWT and image files all arrive the same way.
 * Transparent pixels count as white, because a QR code saved as a transparent PNG is drawn on a light page.
 */
public final class GreyImage {

    private final int width;
    private final int height;
    private final byte[] pixels;

    public GreyImage(int width, int height, byte[] pixels) {
        if (width <= 0 || height <= 0 || (long) width * height != Objects.requireNonNull(pixels).length) {
            throw new IllegalArgumentException("a " + width + "x" + height + " image needs " + (long) width * height
                    + " luminance bytes, not " + pixels.length);
        }
        this.width = width;
        this.height = height;
        this.pixels = pixels;
    }

    /** From packed 0xAARRGGBB pixels (SWT's and AWT's common form). */
    public static GreyImage fromArgb(int[] argb, int width, int height) {
        byte[] grey = new byte[width * height];
        for (int i = 0; i < grey.length; i++) {
            grey[i] = (byte) luminance(argb[i]);
        }
        return new GreyImage(width, height, grey);
    }

    /** From any AWT image; the common raster layouts are read directly, the rest through getRGB. */
    public static GreyImage of(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        byte[] grey = new byte[w * h];
        switch (image.getType()) {
            case BufferedImage.TYPE_BYTE_GRAY -> {
                byte[] data = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
                if (data.length == grey.length && image.getRaster().getSampleModelTranslateX() == 0) {
                    System.arraycopy(data, 0, grey, 0, grey.length);
                    return new GreyImage(w, h, grey);
                }
                readThroughRgb(image, grey);
            }
            case BufferedImage.TYPE_3BYTE_BGR -> {
                byte[] data = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
                if (data.length != grey.length * 3) {
                    readThroughRgb(image, grey);
                    break;
                }
                for (int i = 0, j = 0; i < grey.length; i++, j += 3) {
                    grey[i] = (byte) weigh(data[j + 2] & 0xFF, data[j + 1] & 0xFF, data[j] & 0xFF);
                }
            }
            case BufferedImage.TYPE_INT_RGB, BufferedImage.TYPE_INT_ARGB -> {
                int[] data = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
                if (data.length != grey.length) {
                    readThroughRgb(image, grey);
                    break;
                }
                boolean alpha = image.getType() == BufferedImage.TYPE_INT_ARGB;
                for (int i = 0; i < grey.length; i++) {
                    grey[i] = (byte) luminance(alpha ? data[i] : data[i] | 0xFF000000);
                }
            }
            default -> readThroughRgb(image, grey);
        }
        return new GreyImage(w, h, grey);
    }

    private static void readThroughRgb(BufferedImage image, byte[] grey) {
        int w = image.getWidth();
        int[] row = new int[w];
        for (int y = 0; y < image.getHeight(); y++) {
            image.getRGB(0, y, w, 1, row, 0, w);
            for (int x = 0; x < w; x++) {
                grey[y * w + x] = (byte) luminance(row[x]);
            }
        }
    }

    /** ITU-R BT.601 weights in fixed point; transparency blends towards white. */
    static int luminance(int argb) {
        int alpha = argb >>> 24;
        int y = weigh((argb >> 16) & 0xFF, (argb >> 8) & 0xFF, argb & 0xFF);
        return alpha == 0xFF ? y : (y * alpha + 255 * (255 - alpha)) / 255;
    }

    private static int weigh(int r, int g, int b) {
        return (r * 77 + g * 150 + b * 29) >> 8;
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    /** The luminance bytes themselves, shared, not copied: callers must not change them. */
    public byte[] pixels() {
        return pixels;
    }

    public int at(int x, int y) {
        return pixels[y * width + x] & 0xFF;
    }

    @Override
    public String toString() {
        return "GreyImage[" + width + "x" + height + "]";
    }
}
