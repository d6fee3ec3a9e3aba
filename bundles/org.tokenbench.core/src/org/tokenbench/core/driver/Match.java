package org.tokenbench.core.driver;

/**
 * A driver's claim on a device found by {@link TokenDriver#probe}.
 *
 * @param family     the model or family recognised (e.g. "Molto2", "single-profile NFC")
 * @param confidence 0-100: an exact ATR + applet answer outranks a guess from the reader name
 */
public record Match(String family, int confidence) {
    public Match {
        if (confidence < 0 || confidence > 100) {
            throw new IllegalArgumentException("confidence is a percentage, got " + confidence);
        }
    }
}
