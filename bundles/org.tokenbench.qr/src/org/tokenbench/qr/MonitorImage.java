package org.tokenbench.qr;

/**
 * One monitor's capture.
 *
 * @param index  0-based, in the toolkit's order
 * @param name   the toolkit's name for the monitor or device
 * @param bounds the monitor's place on the desktop, in logical pixels
 * @param scale  device pixels per logical pixel (1.5 on a monitor scaled to 150 %)
 * @param image  the capture at device resolution, so small codes on HiDPI screens keep their detail
 */
public record MonitorImage(int index, String name, Region bounds, double scale, GreyImage image) {

    public FoundCode.Source source() {
        return FoundCode.Source.monitor(index, name, bounds, scale);
    }
}
