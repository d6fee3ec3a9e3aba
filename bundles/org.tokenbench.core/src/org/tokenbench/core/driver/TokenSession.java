package org.tokenbench.core.driver;

import java.util.Optional;

/**
 * An open conversation with one device. Capability-specific operations are separate interfaces (e.g. a
 * seed programmer, a PIN verifier) looked up with {@link #feature(Class)}, so a driver implements only what
 * its device can do and callers never cast.
 */
public interface TokenSession extends AutoCloseable {

    /** The device's identity as read from it (serial number, model) for the inventory and audit log. */
    DeviceIdentity identity();

    <T> Optional<T> feature(Class<T> type);

    @Override
    void close();
}
