package org.tokenbench.core.driver;

import java.util.Map;

import org.osgi.annotation.versioning.ConsumerType;
import org.tokenbench.core.TokenException;

/**
 * A session feature: what the device tells about itself beyond its identity (label, manufacturer, firmware,
 * free space), for listings and a device's overview page. Reading it must cost nothing (no PIN, no try).
 */
@ConsumerType
public interface DeviceDetails {

    /** Ordered, stable keys such as {@code label}, {@code manufacturer}, {@code firmware}, English values. */
    Map<String, String> details() throws TokenException;

    /**
     * The same details for a person, in the JVM's language: the same order, each key's label ("Free space", "剩余空间")
     * and the values in words. {@link #details()} stays the machine-readable form (stable keys for {@code --json}).
     * Without its own, a driver shows its details as they are.
     */
    default Map<String, String> displayed() throws TokenException {
        return details();
    }
}
