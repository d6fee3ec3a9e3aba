package org.tokenbench.skf;

import org.tokenbench.core.driver.Connection;

/**
 * A connected key (an SKF device handle), locked against other programs where its library can: the connection type
 * Guomi drivers consume. The SKF transport opens it; the devices service closes it, which unlocks and disconnects.
 * Drivers use {@link #device()} and never close it.
 */
public final class SkfConnection implements Connection {

    private final SkfDevice device;
    private final boolean locked;

    SkfConnection(SkfDevice device, boolean locked) {
        this.device = device;
        this.locked = locked;
    }

    public SkfDevice device() {
        return device;
    }

    public SkfLibrary library() {
        return device.library();
    }

    public SkfLibrary.KeyName key() {
        return device.name();
    }

    /** Whether SKF_LockDev holds the key for this connection. */
    public boolean locked() {
        return locked;
    }

    @Override
    public String location() {
        return library().path() + ": " + key().display();
    }

    /** Unlocks (SKF_UnlockDev) and disconnects; a key already pulled out is simply forgotten. Idempotent. */
    @Override
    public void close() {
        device.disconnect(locked);
    }
}
