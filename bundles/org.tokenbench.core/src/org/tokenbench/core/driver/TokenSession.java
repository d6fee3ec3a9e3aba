package org.tokenbench.core.driver;

import java.util.Optional;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * An open conversation with one device, created by {@link TokenDriver#open}. What the device can do is offered as
 * feature interfaces looked up with {@link #feature(Class)} ({@link SeedProgramming}, {@link TokenClock},
 * {@link ClockSetting}, {@link AccessKey}, {@link PinVerifier}, {@link Certificates}, {@link Signing},
 * {@link Checklist}, {@link CredentialStore}, or a vendor's own), so a driver implements only what its device can
 * do and callers never cast.
 *
 * <p>{@link #close()} releases what the session holds (keys it was given, handles it opened) but not the
 * {@link Connection}: that belongs to the devices service (see {@link TokenDriver}).
 */
@ConsumerType
public interface TokenSession extends AutoCloseable {

    /** The device's identity as read from it (serial number, family) for the inventory and audit log. */
    DeviceIdentity identity();

    <T> Optional<T> feature(Class<T> type);

    @Override
    void close();
}
