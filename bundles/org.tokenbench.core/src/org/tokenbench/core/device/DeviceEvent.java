package org.tokenbench.core.device;

import java.util.Optional;

/**
 * A change the devices service reports: a device added, changed (inserted, identified, busy or free) or removed, or a
 * transport's status changed.
 */
public record DeviceEvent(Kind kind, Optional<Device> device, String deviceId, Optional<TransportStatus> transportStatus) {

    public enum Kind {
        ADDED, CHANGED, REMOVED, TRANSPORT_STATUS
    }
}
