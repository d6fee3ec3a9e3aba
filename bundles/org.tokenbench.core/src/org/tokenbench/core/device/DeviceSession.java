package org.tokenbench.core.device;

import org.osgi.annotation.versioning.ProviderType;
import org.tokenbench.core.driver.DriverInfo;
import org.tokenbench.core.driver.FamilyDescriptor;
import org.tokenbench.core.driver.TokenSession;

/**
 * A session the devices service opened: exclusive access to one device until {@link #close()}. Its
 * {@link #feature(Class)} offers the driver's features, except {@link org.tokenbench.core.driver.PinVerifier},
 * which only comes wrapped as {@link org.tokenbench.core.driver.PinGuard}: the PIN rules hold for every caller.
 * Closing ends the driver's session, closes the connection and lets the next operation on the device run.
 * TokenBench implements this.
 */
@ProviderType
public interface DeviceSession extends TokenSession {

    /** The device as it was when the session opened. */
    Device device();

    DriverInfo driver();

    /** The claimed family with its supported settings: what views and commands may offer. */
    FamilyDescriptor family();
}
