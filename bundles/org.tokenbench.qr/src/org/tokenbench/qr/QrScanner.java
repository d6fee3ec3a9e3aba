package org.tokenbench.qr;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The entry point: QR codes from files, pasted or dropped bytes, and every monitor. */
public final class QrScanner {

    private final QrDecoder decoder = new QrDecoder();

    public List<FoundCode> decodeFile(Path file) throws QrException {
        return decoder.decode(ImageFiles.read(file), FoundCode.Source.image(file.toString()));
    }

    /** Image bytes from the clipboard, a drop or standard input; {@code name} labels the results. */
    public List<FoundCode> decodeBytes(byte[] image, String name) throws QrException {
        return decoder.decode(ImageFiles.read(image, name), FoundCode.Source.image(name));
    }

    public List<FoundCode> decodeImage(GreyImage image, String name) throws QrException {
        return decoder.decode(image, FoundCode.Source.image(name));
    }

    /** Captures every monitor and searches each; the codes say which monitor they were on. */
    public List<FoundCode> scanScreens(ScreenCapture screens) throws QrException {
        List<FoundCode> found = new ArrayList<>();
        for (MonitorImage monitor : screens.captureAll()) {
            found.addAll(decoder.decode(monitor.image(), monitor.source()));
        }
        return found;
    }
}
