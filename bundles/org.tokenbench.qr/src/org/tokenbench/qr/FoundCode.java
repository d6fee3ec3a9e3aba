package org.tokenbench.qr;

/**
 * One QR code found in an image or on a monitor.
 *
 * @param payload        the decoded text; for an otpauth code it holds the key, so {@link #toString()} never shows it
 * @param region         where, in the pixels of the image or monitor capture it was found in
 * @param source         which file or monitor
 * @param classification what the payload is, judged by the OTP engine
 */
public record FoundCode(String payload, Region region, Source source, Classification classification) {

    /** Where a code was found: a file, bytes from the clipboard or a drop, or one monitor of the desktop. */
    public record Source(String name, int monitor, Region monitorBounds, double scale) {

        /** An image that is not a screen: a file, pasted or dropped bytes. */
        public static Source image(String name) {
            return new Source(name, -1, null, 1.0);
        }

        public static Source monitor(int index, String name, Region bounds, double scale) {
            return new Source(name, index, bounds, scale);
        }

        public boolean isMonitor() {
            return monitor >= 0;
        }
    }

    /**
     * The region in desktop coordinates (the toolkit's logical pixels): on a monitor scaled to 150 % a capture
     * has 1.5 device pixels per logical one, and its origin is the monitor's place on the desktop.
     */
    public Region desktopRegion() {
        if (!source.isMonitor()) {
            return region;
        }
        double s = source.scale();
        return new Region(source.monitorBounds().x() + (int) Math.round(region.x() / s),
                source.monitorBounds().y() + (int) Math.round(region.y() / s),
                (int) Math.round(region.width() / s), (int) Math.round(region.height() / s));
    }

    /** "monitor 2 (DP-1)" or the file name. */
    public String where() {
        return source.isMonitor() ? "monitor " + (source.monitor() + 1) + " (" + source.name() + ")" : source.name();
    }

    @Override
    public String toString() {
        return "FoundCode[" + classification.kind() + " at " + region + " in " + where() + "]";
    }
}
