package org.tokenbench.core.driver;

/**
 * A transport-neutral link to one device. Transports define the concrete kinds (an APDU channel over PC/SC, a device
 * handle in a vendor's SKF library, a vendor's HID handle); a driver declares which kind it consumes with
 * {@link TokenDriver#connectionType()}. Connections are opened and closed by the devices service only.
 */
public interface Connection extends AutoCloseable {

    /** Where the device sits, for humans: a reader name, a library path plus device name. */
    String location();

    @Override
    void close();
}
