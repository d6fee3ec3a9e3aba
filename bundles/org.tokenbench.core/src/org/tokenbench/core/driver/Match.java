package org.tokenbench.core.driver;

import java.util.Objects;

/**
 * A driver's claim on a device found by {@link TokenDriver#probe}.
 *
 * @param family     the {@link FamilyDescriptor#id()} recognised (e.g. "molto2", "single-profile")
 * @param confidence 0-100: an exact ATR + applet answer outranks a guess from the reader name
 */
public record Match(String family, int confidence) {
    public Match {
        Objects.requireNonNull(family, "family");
        if (confidence < 0 || confidence > 100) {
            throw new IllegalArgumentException("confidence is a percentage, got " + confidence);
        }
    }
}
