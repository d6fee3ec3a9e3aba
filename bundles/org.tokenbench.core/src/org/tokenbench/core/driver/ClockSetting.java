package org.tokenbench.core.driver;

import java.time.Instant;

import org.osgi.annotation.versioning.ConsumerType;
import org.tokenbench.core.ProgressMonitor;
import org.tokenbench.core.TokenException;

/**
 * A session feature: the device's clock can be set on its own (authenticated), leaving its seeds intact.
 * Families whose firmware forgets the seed when the clock is set do not offer it: reprogram them instead.
 */
@ConsumerType
public interface ClockSetting {

    void setClock(Instant clock, ProgressMonitor monitor) throws TokenException;
}
