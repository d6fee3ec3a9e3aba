package org.tokenbench.core.driver;

/**
 * A transport-neutral link to one device. Transports define the concrete kinds (an APDU channel over
 * PC/SC, a device handle in a vendor's SKF library); a driver declares which kind it consumes.
 */
public interface Connection extends AutoCloseable {

    /** Where the device sits, for humans: a reader name, a library path plus device name. */
    String location();

    @Override
    void close();
}
