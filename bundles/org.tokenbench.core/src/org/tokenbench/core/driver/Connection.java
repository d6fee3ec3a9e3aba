package org.tokenbench.core.driver;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A transport-neutral link to one device. Transports define the concrete kinds (an APDU channel over PC/SC, a device
 * handle in a vendor's SKF library, a vendor's HID handle); a driver declares which kind it consumes with
 * {@link TokenDriver#connectionType()}. Connections are opened and closed by the devices service only.
 */
@ConsumerType
public interface Connection extends AutoCloseable {

    /** Where the device sits, for humans: a reader name, a library path plus device name. */
    String location();

    @Override
    void close();
}
