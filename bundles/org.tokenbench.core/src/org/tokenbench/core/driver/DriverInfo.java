package org.tokenbench.core.driver;

import java.util.Objects;

/**
 * What the Drivers view and {@code tokenbench drivers} show about a driver: id, vendor and name from its
 * {@link DriverDescriptor}, the version from the bundle that registered it.
 *
 * @param id          stable id, the driver bundle's name by convention (e.g. {@code org.tokenbench.driver.safeid})
 * @param vendor      who ships the driver
 * @param displayName the device family in the user's words (e.g. "SafeID / Token2 programmable TOTP token")
 * @param version     the version of the bundle that registered the driver
 */
public record DriverInfo(String id, String vendor, String displayName, String version) {
    public DriverInfo {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(vendor, "vendor");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(version, "version");
    }
}
