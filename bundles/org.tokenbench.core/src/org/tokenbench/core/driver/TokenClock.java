package org.tokenbench.core.driver;

import java.time.Instant;

import org.tokenbench.core.TokenException;

/** A session feature: the device has a clock that can be read (and compared with the PC's). */
public interface TokenClock {

    Instant tokenTime() throws TokenException;
}
