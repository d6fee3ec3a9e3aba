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

    /** Ordered, human-readable keys such as {@code label}, {@code manufacturer}, {@code firmware}. */
    Map<String, String> details() throws TokenException;
}
