package org.tokenbench.qr;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Iterator;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Reads PNG, JPEG, GIF and BMP images (files, or bytes from the clipboard or a drop) into luminance. What is
 * not an image gets a message that says what it is instead, when that is recognisable (a PDF, an SVG, a
 * text file holding a URI), because "unsupported format" alone leaves the user guessing.
 */
public final class ImageFiles {

    /**
     * An 8K screen (7680 x 4320 = 33.2 million pixels) and some: every real screenshot fits, and the decoded image
     * (4 bytes a pixel, plus 1 of luminance) stays under 200 MB.
     */
    public static final long MAX_PIXELS = 36_000_000L;
    /** Far above a PNG or JPEG of {@link #MAX_PIXELS}; only an uncompressed BMP of an 8K screen comes near it. */
    public static final int MAX_BYTES = 64 << 20;

    private ImageFiles() {
    }

    /** Reads a regular file of at most {@link #MAX_BYTES}; devices, FIFOs and directories are refused before reading. */
    public static GreyImage read(Path file) throws QrException {
        byte[] bytes;
        try {
            if (!Files.isRegularFile(file) && Files.exists(file)) {
                throw new QrException(QrProblem.FILE_UNREADABLE, file + ": not a regular file (a device, pipe or folder)");
            }
            try (InputStream in = Files.newInputStream(file)) {
                bytes = readAtMost(in, file.toString());
            }
        } catch (NoSuchFileException e) {
            throw new QrException(QrProblem.FILE_UNREADABLE, file + ": no such file");
        } catch (AccessDeniedException e) {
            throw new QrException(QrProblem.FILE_UNREADABLE, file + ": permission denied");
        } catch (IOException e) {
            throw new QrException(QrProblem.FILE_UNREADABLE, file + ": cannot be read (" + e.getMessage() + ")");
        }
        return read(bytes, file.toString());
    }

    /**
     * Reads a stream (standard input, a pipe) to its end, refusing it as soon as it passes {@link #MAX_BYTES}, so
     * {@code /dev/zero} or an endless pipe ends with an error instead of filling the heap.
     */
    public static byte[] readAtMost(InputStream in, String name) throws IOException, QrException {
        byte[] bytes = in.readNBytes(MAX_BYTES + 1);
        if (bytes.length > MAX_BYTES) {
            throw new QrException(QrProblem.IMAGE_TOO_LARGE, name + ": more than " + (MAX_BYTES >> 20)
                    + " MB, larger than any screenshot; crop the part with the QR code and save it as PNG");
        }
        return bytes;
    }

    /** An image from bytes; {@code name} says where they came from in messages ("clipboard", a file name). */
    public static GreyImage read(byte[] bytes, String name) throws QrException {
        if (bytes.length == 0) {
            throw new QrException(QrProblem.UNSUPPORTED_FORMAT, name + ": empty, not an image");
        }
        try (InputStream in = new ByteArrayInputStream(bytes); ImageInputStream stream = ImageIO.createImageInputStream(in)) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(stream);
            if (!readers.hasNext()) {
                throw new QrException(QrProblem.UNSUPPORTED_FORMAT, name + ": " + notAnImage(bytes));
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(stream, true, true);
                long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
                if (pixels > MAX_PIXELS) {
                    throw new QrException(QrProblem.IMAGE_TOO_LARGE, name + ": " + reader.getWidth(0) + "x" + reader.getHeight(0)
                            + " pixels is more than an 8K screen holds; crop the part with the QR code");
                }
                BufferedImage image = reader.read(0);
                return GreyImage.of(image);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            // ImageIO's PNG reader wraps an OutOfMemoryError in an IIOException: that is not damaged data, and the
            // caller (the CLI's exit 70, the workbench's job) must see it for what it is.
            for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
                if (cause instanceof OutOfMemoryError outOfMemory) {
                    throw outOfMemory;
                }
            }
            // Truncated or corrupt data surfaces as IIOException or, from some decoders, as runtime exceptions.
            throw new QrException(QrProblem.UNSUPPORTED_FORMAT, name + ": the image data is damaged or truncated ("
                    + e.getClass().getSimpleName() + ")", e);
        }
    }

    private static String notAnImage(byte[] bytes) {
        String head = new String(bytes, 0, Math.min(bytes.length, 64), java.nio.charset.StandardCharsets.ISO_8859_1).strip();
        if (head.startsWith("%PDF")) {
            return "a PDF document; open it and take a screenshot of the page with the QR code, or save that page as PNG";
        }
        if (head.startsWith("<svg") || head.startsWith("<?xml")) {
            return "an SVG or XML file; export it as PNG first";
        }
        if (head.regionMatches(true, 0, "otpauth", 0, 7)) {
            return "a text file holding an otpauth URI, not an image; use it directly (otp explain --uri-file, token program --uri-file)";
        }
        if (bytes.length > 12 && head.startsWith("RIFF") && new String(bytes, 8, 4, java.nio.charset.StandardCharsets.ISO_8859_1).equals("WEBP")) {
            return "a WebP image, which this Java runtime cannot read; save it as PNG";
        }
        return "not a PNG, JPEG, GIF or BMP image";
    }
}
