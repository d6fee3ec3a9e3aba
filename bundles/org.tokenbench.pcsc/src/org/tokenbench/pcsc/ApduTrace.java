package org.tokenbench.pcsc;

import org.osgi.annotation.versioning.ProviderType;

/** Receives every exchange on a channel, for the APDU trace view and "--trace". Secret bodies arrive redacted. */
@FunctionalInterface
@ProviderType
public interface ApduTrace {

    ApduTrace NONE = line -> { };

    /** One line per command or response, e.g. {@code > 80CE0000 10 [16 secret bytes]} / {@code < 9000}. */
    void line(String line);
}
