package org.tokenbench.core.device;

import org.osgi.annotation.versioning.ProviderType;

/** How a transport reports to the devices service. Calls may come from any thread, one at a time per transport. */
@ProviderType
public interface TransportListener {

    /** A slot appeared, or its device came or went (its ATR changed). */
    void slotChanged(Slot slot);

    /** The slot is gone (reader unplugged, key unplugged, library removed, service stopped). */
    void slotRemoved(String transport, String slotId);

    void statusChanged(String transport, TransportStatus status);
}
