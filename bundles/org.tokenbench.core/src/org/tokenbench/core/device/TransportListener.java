package org.tokenbench.core.device;

import org.osgi.annotation.versioning.ProviderType;

/** How a transport reports to the devices service. Calls may come from any thread, one at a time per transport. */
@ProviderType
public interface TransportListener {

    /**
     * A slot appeared, or its device came or went (its ATR changed). Reported again unchanged, it says the device may
     * have become available (another program let go of it): the devices service tries a device it could not have.
     */
    void slotChanged(Slot slot);

    /** The slot is gone (reader unplugged, key unplugged, library removed, service stopped). */
    void slotRemoved(String transport, String slotId);

    void statusChanged(String transport, TransportStatus status);
}
