package org.tokenbench.core.driver;

import java.time.Duration;
import java.time.Instant;

import org.osgi.annotation.versioning.ConsumerType;
import org.tokenbench.core.TokenException;

/** A session feature: the device has a clock that can be read (and compared with the PC's). */
@ConsumerType
public interface TokenClock {

    Instant tokenTime() throws TokenException;

    /** Token time minus PC time. Token clocks count whole seconds, so the two are compared at that resolution. */
    static Duration skew(Instant tokenTime, Instant pcTime) {
        return Duration.ofSeconds(tokenTime.getEpochSecond() - pcTime.getEpochSecond());
    }
}
