package org.tokenbench.core.driver;

import java.util.Objects;

/**
 * @param driverId the {@link DriverInfo#id()} of the driver that opened the session
 * @param family   the family as the driver recognised it: a {@link FamilyDescriptor#id()} of its descriptor
 * @param serial   the serial number as the device reports it
 */
public record DeviceIdentity(String driverId, String family, String serial) {
    public DeviceIdentity {
        Objects.requireNonNull(driverId, "driverId");
        Objects.requireNonNull(family, "family");
        Objects.requireNonNull(serial, "serial");
    }
}
