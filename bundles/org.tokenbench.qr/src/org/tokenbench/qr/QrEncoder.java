package org.tokenbench.qr;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Map;

import javax.imageio.ImageIO;

import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.google.zxing.qrcode.encoder.ByteMatrix;
import com.google.zxing.qrcode.encoder.Encoder;
import com.google.zxing.qrcode.encoder.QRCode;

/**
 * QR codes for enrollment ("add the same key to a phone app"): the module matrix, for a UI to draw at any size,
 * and a PNG. Error correction M, as authenticator setup pages use: it survives a phone camera's glare
 * without making the code denser than needed.
 */
public final class QrEncoder {

    /** The quiet zone the standard requires around a code, in modules. */
    public static final int QUIET_ZONE = 4;

    private QrEncoder() {
    }

    /** The modules of the code for {@code text}, without quiet zone; {@code true} is dark. */
    public static BitMatrix modules(String text) throws QrException {
        try {
            QRCode code = Encoder.encode(text, ErrorCorrectionLevel.M, Map.of(EncodeHintType.CHARACTER_SET, "UTF-8"));
            ByteMatrix matrix = code.getMatrix();
            BitMatrix bits = new BitMatrix(matrix.getWidth(), matrix.getHeight());
            for (int y = 0; y < matrix.getHeight(); y++) {
                for (int x = 0; x < matrix.getWidth(); x++) {
                    if (matrix.get(x, y) == 1) {
                        bits.set(x, y);
                    }
                }
            }
            return bits;
        } catch (WriterException e) {
            throw new QrException(QrProblem.ENCODE_FAILED, "the text does not fit in a QR code (" + e.getMessage() + ")", e);
        }
    }

    /** A black-on-white PNG with {@code pixelsPerModule} pixels per module and the standard quiet zone. */
    public static byte[] png(String text, int pixelsPerModule) throws QrException {
        if (pixelsPerModule < 1 || pixelsPerModule > 64) {
            throw new IllegalArgumentException("pixels per module must be 1..64, not " + pixelsPerModule);
        }
        BitMatrix bits = modules(text);
        int side = (bits.getWidth() + 2 * QUIET_ZONE) * pixelsPerModule;
        BufferedImage image = new BufferedImage(side, side, BufferedImage.TYPE_BYTE_GRAY);
        byte[] px = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
        java.util.Arrays.fill(px, (byte) 0xFF);
        for (int my = 0; my < bits.getHeight(); my++) {
            for (int mx = 0; mx < bits.getWidth(); mx++) {
                if (!bits.get(mx, my)) {
                    continue;
                }
                for (int dy = 0; dy < pixelsPerModule; dy++) {
                    int row = ((my + QUIET_ZONE) * pixelsPerModule + dy) * side + (mx + QUIET_ZONE) * pixelsPerModule;
                    java.util.Arrays.fill(px, row, row + pixelsPerModule, (byte) 0);
                }
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new QrException(QrProblem.ENCODE_FAILED, "the PNG cannot be written (" + e.getMessage() + ")", e);
        } finally {
            java.util.Arrays.fill(px, (byte) 0xFF);
        }
        return out.toByteArray();
    }
}
