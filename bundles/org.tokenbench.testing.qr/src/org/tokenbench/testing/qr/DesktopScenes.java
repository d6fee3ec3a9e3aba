package org.tokenbench.testing.qr;

import java.awt.AlphaComposite;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

import org.tokenbench.otp.Base32;

import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.google.zxing.qrcode.encoder.ByteMatrix;
import com.google.zxing.qrcode.encoder.Encoder;

/**
 * The hard QR test set, generated, never downloaded: desktop-like 3840×2160 and two-monitor 7680×2160
 * screenshots with windows, pixel text, taskbars and QR codes that are small (down to ~80 px), rotated,
 * inverted (dark themes), low in contrast, blurred by HiDPI scaling, JPEG-compressed, or partly covered by a
 * window. Deterministic: the same seed gives the same pixels, so a failure can be reproduced and looked at.
 * Each code's payload is unique, which lets the benchmark match an external decoder's output by text.
 */
public final class DesktopScenes {

    private static final int QUIET = 4;
    private static final int SUPERSAMPLE = 4;

    private final String name;
    private final BufferedImage image;
    private final Graphics2D g;
    private final Random random;
    private final List<PlacedCode> codes = new ArrayList<>();
    private final BufferedImage[] glyphs;
    private final Map<Integer, BufferedImage[]> inkedGlyphs = new java.util.HashMap<>();

    private DesktopScenes(String name, int width, int height, long seed) {
        this.name = name;
        this.image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        this.g = image.createGraphics();
        this.random = new Random(seed);
        this.glyphs = glyphs(random);
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    }

    /** The whole set, in a fixed order. */
    public static List<Scene> hardSet() {
        List<Scene> scenes = new ArrayList<>();
        scenes.add(singleLarge());
        scenes.add(smallCodes());
        scenes.add(rotated());
        scenes.add(inverted());
        scenes.add(lowContrast());
        scenes.add(jpeg());
        scenes.add(hidpiBlur());
        scenes.add(overlapped());
        scenes.add(noCode());
        scenes.add(many());
        scenes.add(dualMonitorSeveral());
        scenes.add(dualMonitorMixed());
        scenes.add(dualMonitorScaled());
        return scenes;
    }

    static Scene singleLarge() {
        DesktopScenes s = desktop("4k-single-large", 3840, 2160, 1);
        Rectangle w = s.window(900, 300, 1600, 1200, false);
        s.code(s.totp("Console", "admin"), w.x + 800, w.y + 600, 330, 0, Color.BLACK, Color.WHITE, ErrorCorrectionLevel.M, "330px");
        return s.finish();
    }

    static Scene smallCodes() {
        DesktopScenes s = desktop("4k-small", 3840, 2160, 2);
        Rectangle a = s.window(200, 200, 900, 700, false);
        Rectangle b = s.window(1500, 400, 1000, 800, false);
        Rectangle c = s.window(2700, 1100, 900, 700, false);
        s.code(s.totp("Tiny", "a80"), a.x + 450, a.y + 350, 80, 0, Color.BLACK, Color.WHITE, ErrorCorrectionLevel.L, "80px");
        s.code(s.totp("Tiny", "b96"), b.x + 500, b.y + 380, 96, 0, Color.BLACK, Color.WHITE, ErrorCorrectionLevel.M, "96px");
        s.code(s.totp("Tiny", "c120"), c.x + 450, c.y + 330, 120, 0, Color.BLACK, Color.WHITE, ErrorCorrectionLevel.M, "120px");
        return s.finish();
    }

    static Scene rotated() {
        DesktopScenes s = desktop("4k-rotated", 3840, 2160, 3);
        Rectangle a = s.window(150, 150, 1100, 1000, false);
        Rectangle b = s.window(1400, 300, 1100, 1000, false);
        Rectangle c = s.window(2600, 900, 1100, 1000, false);
        s.code(s.totp("Tilt", "r10"), a.x + 550, a.y + 500, 260, 10, Color.BLACK, Color.WHITE, ErrorCorrectionLevel.M, "260px rot10");
        s.code(s.totp("Tilt", "r30"), b.x + 550, b.y + 500, 220, 30, Color.BLACK, Color.WHITE, ErrorCorrectionLevel.M, "220px rot30");
        s.code(s.totp("Tilt", "r45"), c.x + 550, c.y + 500, 200, 45, Color.BLACK, Color.WHITE, ErrorCorrectionLevel.M, "200px rot45");
        return s.finish();
    }

    static Scene inverted() {
        DesktopScenes s = desktop("4k-inverted", 3840, 2160, 4);
        Rectangle a = s.window(300, 300, 1400, 1100, true);
        Rectangle b = s.window(2100, 500, 1300, 1000, true);
        Color dark = new Color(0x1E1E1E);
        Color light = new Color(0xE8E8E8);
        s.code(s.totp("Dark", "inv200"), a.x + 700, a.y + 550, 200, 0, light, dark, ErrorCorrectionLevel.M, "200px inverted");
        s.code(s.totp("Dark", "inv110"), b.x + 650, b.y + 500, 110, 0, light, dark, ErrorCorrectionLevel.M, "110px inverted");
        return s.finish();
    }

    static Scene lowContrast() {
        DesktopScenes s = desktop("4k-low-contrast", 3840, 2160, 5);
        Rectangle a = s.window(400, 250, 1300, 1100, false);
        Rectangle b = s.window(2000, 700, 1300, 1100, false);
        s.code(s.totp("Faint", "grey34"), a.x + 650, a.y + 550, 220, 0, new Color(0x8A8A8A), new Color(0xAC, 0xAC, 0xAC),
                ErrorCorrectionLevel.M, "220px contrast34");
        s.code(s.totp("Faint", "blue40"), b.x + 650, b.y + 550, 130, 0, new Color(0x50, 0x60, 0x80), new Color(0x70, 0x88, 0xA8),
                ErrorCorrectionLevel.M, "130px contrast~40 tinted");
        return s.finish();
    }

    static Scene jpeg() {
        DesktopScenes s = desktop("4k-jpeg", 3840, 2160, 6);
        Rectangle a = s.window(500, 300, 1200, 1000, false);
        Rectangle b = s.window(2100, 300, 1200, 1000, false);
        s.code(s.totp("Jpeg", "j150"), a.x + 600, a.y + 500, 150, 0, Color.BLACK, Color.WHITE, ErrorCorrectionLevel.M, "150px jpeg45");
        s.code(s.totp("Jpeg", "j100"), b.x + 600, b.y + 500, 100, 0, Color.BLACK, Color.WHITE, ErrorCorrectionLevel.M, "100px jpeg45");
        s.jpeg(0.45f);
        return s.finish();
    }

    /** Drawn at 2560×1440 and enlarged ×1.5 as a 150 % scaled screen is: every edge blurred over two pixels. */
    static Scene hidpiBlur() {
        DesktopScenes s = desktop("4k-hidpi-blur", 2560, 1440, 7);
        Rectangle a = s.window(200, 200, 900, 800, false);
        Rectangle b = s.window(1400, 300, 900, 800, false);
        s.code(s.totp("Scaled", "s100"), a.x + 450, a.y + 400, 100, 0, Color.BLACK, Color.WHITE, ErrorCorrectionLevel.M, "150px blur1.5x");
        s.code(s.totp("Scaled", "s60"), b.x + 450, b.y + 400, 60, 0, Color.BLACK, Color.WHITE, ErrorCorrectionLevel.L, "90px blur1.5x");
        s.rescale(3840, 2160);
        return s.finish();
    }

    static Scene overlapped() {
        DesktopScenes s = desktop("4k-overlap", 3840, 2160, 8);
        Rectangle a = s.window(600, 300, 1400, 1200, false);
        Rectangle code = s.code(s.totp("Covered", "corner"), a.x + 700, a.y + 600, 260, 0, Color.BLACK, Color.WHITE,
                ErrorCorrectionLevel.M, "260px overlap-corner");
        // A window dragged over the code's lower right corner, away from the finder patterns: within what
        // level M error correction repairs, as it is when a user's chat window covers part of a console.
        int cover = code.width * 22 / 100;
        s.window(code.x + code.width - cover, code.y + code.height - cover, 900, 700, false);
        return s.finish();
    }

    static Scene noCode() {
        DesktopScenes s = desktop("4k-no-code", 3840, 2160, 9);
        s.window(200, 200, 1500, 1200, false);
        s.window(1900, 300, 1700, 1400, true);
        return s.finish();
    }

    static Scene many() {
        DesktopScenes s = desktop("4k-many", 3840, 2160, 10);
        Rectangle a = s.window(100, 100, 3600, 1800, false);
        int[] sizes = {90, 110, 140, 170, 200, 240};
        for (int i = 0; i < sizes.length; i++) {
            s.code(s.totp("Grid", "g" + i), a.x + 300 + i * 560, a.y + 500 + (i % 2) * 700, sizes[i], 0, Color.BLACK, Color.WHITE,
                    ErrorCorrectionLevel.M, sizes[i] + "px grid");
        }
        return s.finish();
    }

    static Scene dualMonitorSeveral() {
        DesktopScenes s = desktop("dual-several", 7680, 2160, 11);
        Rectangle left = s.window(400, 300, 1600, 1200, false);
        Rectangle right = s.window(4300, 400, 1800, 1300, false);
        Rectangle dark = s.window(6300, 200, 1200, 1000, true);
        s.code(s.totp("Left", "main"), left.x + 800, left.y + 600, 280, 0, Color.BLACK, Color.WHITE, ErrorCorrectionLevel.M, "280px monitor1");
        s.code(s.migration(), right.x + 600, right.y + 650, 300, 0, Color.BLACK, Color.WHITE, ErrorCorrectionLevel.L, "300px migration monitor2");
        s.code(s.totp("Right", "tiny"), right.x + 1400, right.y + 650, 84, 0, Color.BLACK, Color.WHITE, ErrorCorrectionLevel.L, "84px monitor2");
        s.code(s.totp("Right", "dark"), dark.x + 600, dark.y + 500, 150, 0, new Color(0xDDDDDD), new Color(0x202020),
                ErrorCorrectionLevel.M, "150px inverted monitor2");
        return s.finish();
    }

    static Scene dualMonitorMixed() {
        DesktopScenes s = desktop("dual-mixed", 7680, 2160, 12);
        Rectangle left = s.window(300, 200, 2000, 1400, false);
        Rectangle right = s.window(4200, 300, 2400, 1500, false);
        s.code("https://console.example.com/mfa/help?lang=en", left.x + 500, left.y + 700, 200, 0, Color.BLACK, Color.WHITE,
                ErrorCorrectionLevel.M, "200px web-link");
        s.code(s.hotp("Counter", "h1"), left.x + 1400, left.y + 700, 180, 20, Color.BLACK, Color.WHITE, ErrorCorrectionLevel.M, "180px hotp rot20");
        s.code(s.totp("Mixed", "faint-small"), right.x + 700, right.y + 700, 110, 0, new Color(0x707070), new Color(0x9A9A9A),
                ErrorCorrectionLevel.M, "110px contrast42");
        s.code(s.totp("Mixed", "rot-small"), right.x + 1700, right.y + 700, 140, 15, Color.BLACK, Color.WHITE, ErrorCorrectionLevel.M,
                "140px rot15");
        s.jpeg(0.6f);
        return s.finish();
    }

    /** Two monitors at 150 %, shared as a JPEG: small, inverted and faint codes, all blurred and compressed. */
    static Scene dualMonitorScaled() {
        DesktopScenes s = desktop("dual-scaled-jpeg", 5120, 1440, 13);
        Rectangle left = s.window(200, 150, 1400, 1000, true);
        Rectangle right = s.window(2900, 200, 1700, 1000, false);
        s.code(s.totp("Scaled", "dark-small"), left.x + 400, left.y + 450, 96, 0, new Color(0xE0E0E0), new Color(0x181818),
                ErrorCorrectionLevel.M, "144px inverted blur1.5x jpeg70");
        s.code(s.totp("Scaled", "faint"), left.x + 1000, left.y + 450, 110, 0, new Color(0x606060), new Color(0x888888),
                ErrorCorrectionLevel.M, "165px contrast40 inverted-theme blur1.5x jpeg70");
        s.code(s.totp("Scaled", "tiny"), right.x + 400, right.y + 450, 56, 0, Color.BLACK, Color.WHITE, ErrorCorrectionLevel.L,
                "84px blur1.5x jpeg70");
        s.code(s.totp("Scaled", "tilted"), right.x + 1100, right.y + 450, 120, 12, new Color(0x303030), new Color(0xC8C8C8),
                ErrorCorrectionLevel.M, "180px rot12 grey blur1.5x jpeg70");
        s.rescale(7680, 2160);
        s.jpeg(0.7f);
        return s.finish();
    }

    // ---- drawing ----

    private static DesktopScenes desktop(String name, int width, int height, long seed) {
        DesktopScenes s = new DesktopScenes(name, width, height, seed);
        s.g.setPaint(new GradientPaint(0, 0, new Color(0x2B4F7A), width * 0.3f, height, new Color(0x6C8FB0)));
        s.g.fillRect(0, 0, width, height);
        s.g.setPaint(null);
        int monitors = Math.max(1, width / 3840);
        for (int m = 0; m < monitors; m++) {
            int x0 = m * width / monitors;
            int mw = width / monitors;
            int bar = height / 45;
            s.g.setColor(new Color(0x202428));
            s.g.fillRect(x0, height - bar, mw, bar);
            for (int i = 0; i < 12; i++) {
                s.g.setColor(Color.getHSBColor(s.random.nextFloat(), 0.5f, 0.9f));
                s.g.fillRoundRect(x0 + 20 + i * (bar + 12), height - bar + bar / 6, bar * 2 / 3, bar * 2 / 3, 8, 8);
            }
            // Desktop icons with captions: small, busy and square, the detector's usual decoys.
            for (int i = 0; i < 6; i++) {
                s.g.setColor(Color.getHSBColor(s.random.nextFloat(), 0.4f, 0.8f));
                s.g.fillRect(x0 + 40, 60 + i * 150, 64, 64);
                s.text(x0 + 30, 60 + i * 150 + 72, 90, 14, Color.WHITE);
            }
        }
        return s;
    }

    /** A window: title bar, border, and paragraphs of pixel text; returns its content area. */
    private Rectangle window(int x, int y, int width, int height, boolean darkTheme) {
        Color body = darkTheme ? new Color(0x1E1E1E) : new Color(0xF6F6F6);
        Color ink = darkTheme ? new Color(0xC8C8C8) : new Color(0x303030);
        g.setColor(new Color(0, 0, 0, 60));
        g.fillRect(x + 6, y + 6, width, height);
        g.setColor(body);
        g.fillRect(x, y, width, height);
        g.setColor(darkTheme ? new Color(0x333333) : new Color(0xDADADA));
        g.fillRect(x, y, width, 36);
        text(x + 12, y + 12, Math.min(400, width - 24), 14, ink);
        g.setColor(darkTheme ? new Color(0x444444) : new Color(0xB0B0B0));
        g.drawRect(x, y, width - 1, height - 1);
        // Paragraphs down the left third and along the bottom, leaving the middle for whatever comes next.
        for (int p = 0; p < 3; p++) {
            text(x + 24, y + 60 + p * 120, Math.max(40, width / 3 - 48), 90, ink);
        }
        text(x + 24, y + height - 110, width - 48, 80, ink);
        return new Rectangle(x, y + 36, width, height - 36);
    }

    /** Lines of pixel glyphs with word gaps, like UI text at 100 % scale. */
    private void text(int x, int y, int width, int height, Color ink) {
        for (int line = y; line + 11 <= y + height; line += 16) {
            int cx = x;
            while (cx < x + width - 8) {
                int word = 2 + random.nextInt(8);
                for (int i = 0; i < word && cx < x + width - 8; i++) {
                    g.drawImage(inked(ink)[random.nextInt(glyphs.length)], cx, line, null);
                    cx += 7;
                }
                cx += 7;
            }
        }
    }

    /** The glyph set in one ink colour, made once per colour. */
    private BufferedImage[] inked(Color ink) {
        return inkedGlyphs.computeIfAbsent(ink.getRGB(), rgb -> {
            BufferedImage[] set = new BufferedImage[glyphs.length];
            for (int i = 0; i < glyphs.length; i++) {
                BufferedImage glyph = glyphs[i];
                set[i] = new BufferedImage(glyph.getWidth(), glyph.getHeight(), BufferedImage.TYPE_INT_ARGB);
                for (int y = 0; y < glyph.getHeight(); y++) {
                    for (int x = 0; x < glyph.getWidth(); x++) {
                        set[i].setRGB(x, y, (glyph.getRGB(x, y) & 0xFF000000) | (rgb & 0xFFFFFF));
                    }
                }
            }
            return set;
        });
    }

    private static BufferedImage[] glyphs(Random random) {
        BufferedImage[] set = new BufferedImage[48];
        for (int i = 0; i < set.length; i++) {
            BufferedImage glyph = new BufferedImage(5, 9, BufferedImage.TYPE_INT_ARGB);
            for (int y = 0; y < 9; y++) {
                for (int x = 0; x < 5; x++) {
                    boolean stroke = (x == 0 || x == 4 || y == 2 || y == 5 || y == 8) && random.nextInt(3) != 0;
                    if (stroke) {
                        glyph.setRGB(x, y, 0xFF000000);
                    }
                }
            }
            set[i] = glyph;
        }
        return set;
    }

    /**
     * Draws a code of {@code side} pixels (without its quiet zone, which is drawn in {@code light}) centred at
     * (cx, cy), rotated by {@code degrees}, and records it. Rendered from a 4× supersampled symbol with
     * bilinear filtering, as a browser draws a scaled QR image.
     */
    private Rectangle code(String payload, int cx, int cy, int side, double degrees, Color dark, Color light,
            ErrorCorrectionLevel level, String traits) {
        ByteMatrix matrix;
        try {
            matrix = Encoder.encode(payload, level, Map.of(EncodeHintType.CHARACTER_SET, "UTF-8")).getMatrix();
        } catch (WriterException e) {
            throw new IllegalArgumentException(e);
        }
        int n = matrix.getWidth();
        int total = (n + 2 * QUIET) * SUPERSAMPLE;
        BufferedImage symbol = new BufferedImage(total, total, BufferedImage.TYPE_INT_RGB);
        Graphics2D sg = symbol.createGraphics();
        sg.setColor(light);
        sg.fillRect(0, 0, total, total);
        sg.setColor(dark);
        for (int y = 0; y < n; y++) {
            for (int x = 0; x < n; x++) {
                if (matrix.get(x, y) == 1) {
                    sg.fillRect((x + QUIET) * SUPERSAMPLE, (y + QUIET) * SUPERSAMPLE, SUPERSAMPLE, SUPERSAMPLE);
                }
            }
        }
        sg.dispose();
        double scale = side / (double) (n * SUPERSAMPLE);
        AffineTransform at = new AffineTransform();
        at.translate(cx, cy);
        at.rotate(Math.toRadians(degrees));
        at.scale(scale, scale);
        at.translate(-total / 2.0, -total / 2.0);
        g.setComposite(AlphaComposite.SrcOver);
        g.drawImage(symbol, at, null);
        double r = Math.toRadians(degrees);
        int half = (int) Math.ceil(side / 2.0 * (Math.abs(Math.cos(r)) + Math.abs(Math.sin(r))));
        Rectangle bounds = new Rectangle(cx - half, cy - half, 2 * half, 2 * half);
        codes.add(new PlacedCode(payload, bounds, traits));
        return bounds;
    }

    /** Re-encodes the whole frame as JPEG at the given quality, with the block artefacts that brings. */
    private void jpeg(float quality) {
        try {
            ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(quality);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
                writer.setOutput(out);
                writer.write(null, new IIOImage(current(), null, null), param);
            }
            writer.dispose();
            BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(bytes.toByteArray()));
            Graphics2D target = current().createGraphics();
            target.drawImage(decoded, 0, 0, null);
            target.dispose();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private BufferedImage rescaled;

    /** Enlarges the frame (bilinear), as a compositor scales a low-resolution app on a HiDPI screen. */
    private void rescale(int width, int height) {
        BufferedImage target = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D tg = target.createGraphics();
        tg.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        tg.drawImage(image, 0, 0, width, height, null);
        tg.dispose();
        double sx = width / (double) image.getWidth();
        double sy = height / (double) image.getHeight();
        List<PlacedCode> scaled = new ArrayList<>();
        for (PlacedCode c : codes) {
            Rectangle b = c.bounds();
            scaled.add(new PlacedCode(c.payload(), new Rectangle((int) (b.x * sx), (int) (b.y * sy), (int) Math.ceil(b.width * sx),
                    (int) Math.ceil(b.height * sy)), c.traits()));
        }
        codes.clear();
        codes.addAll(scaled);
        rescaled = target;
    }

    private BufferedImage current() {
        return rescaled != null ? rescaled : image;
    }

    private Scene finish() {
        g.dispose();
        return new Scene(name, current(), codes);
    }

    // ---- payloads ----

    private String totp(String issuer, String account) {
        return "otpauth://totp/" + issuer + ":" + account + "%40example.com?secret=" + new String(Base32.encode(randomBytes(20))) + "&issuer=" + issuer
                + "&algorithm=SHA1&digits=6&period=30";
    }

    private String hotp(String issuer, String account) {
        return "otpauth://hotp/" + issuer + ":" + account + "?secret=" + new String(Base32.encode(randomBytes(20))) + "&issuer=" + issuer + "&counter=0";
    }

    /** A Google Authenticator export with two accounts (MigrationPayload protobuf, base64, URL-encoded). */
    private String migration() {
        ByteArrayOutputStream payload = new ByteArrayOutputStream();
        for (String account : List.of("exported-one", "exported-two")) {
            ByteArrayOutputStream otp = new ByteArrayOutputStream();
            field(otp, 1, randomBytes(20));
            field(otp, 2, account.getBytes(StandardCharsets.UTF_8));
            field(otp, 3, "Export".getBytes(StandardCharsets.UTF_8));
            varintField(otp, 4, 1); // SHA1
            varintField(otp, 5, 1); // six digits
            varintField(otp, 6, 2); // TOTP
            field(payload, 1, otp.toByteArray());
        }
        varintField(payload, 2, 1);
        String data = Base64.getEncoder().encodeToString(payload.toByteArray());
        return "otpauth-migration://offline?data=" + URLEncoder.encode(data, StandardCharsets.UTF_8);
    }

    private static void field(ByteArrayOutputStream out, int number, byte[] bytes) {
        varint(out, (number << 3) | 2);
        varint(out, bytes.length);
        out.writeBytes(bytes);
    }

    private static void varintField(ByteArrayOutputStream out, int number, int value) {
        varint(out, number << 3);
        varint(out, value);
    }

    private static void varint(ByteArrayOutputStream out, int value) {
        while ((value & ~0x7F) != 0) {
            out.write((value & 0x7F) | 0x80);
            value >>>= 7;
        }
        out.write(value);
    }

    private byte[] randomBytes(int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }

    @Override
    public String toString() {
        return name;
    }
}
