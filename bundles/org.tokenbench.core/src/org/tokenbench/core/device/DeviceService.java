package org.tokenbench.core.device;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import org.osgi.annotation.versioning.ProviderType;
import org.tokenbench.core.TokenException;

/**
 * The one devices service: it watches every {@link DeviceTransport}, offers each device that appears to the drivers
 * (descriptor ATR match first, then {@code probe}), records which driver claimed it, and opens sessions on request.
 * It owns every connection, and gives exclusive access per device: two operations on one device never interleave in
 * this process (one lock per device, which the workbench's Jobs also use as their scheduling rule) nor, where the
 * transport can, across processes (PC/SC exclusive access). Views and commands reach devices only through it.
 * TokenBench implements this; vendors do not.
 */
@ProviderType
public interface DeviceService {

    /** Every slot the transports report, with the device in it: readers first, by name. */
    List<Device> devices();

    Optional<Device> device(String deviceId);

    /**
     * The device the user means: a device id ({@code pcsc:NAME}), a slot id or name (a reader name, a key name), or
     * a claimed device's serial. Fails with the devices present when none or several fit.
     */
    Device find(String what) throws TokenException;

    /** The transports present, with their status. */
    List<DeviceTransport> transports();

    Optional<DeviceTransport> transport(String id);

    /** Asks every transport for its slots now and identifies what is new (a one-shot command does this first). */
    void refresh() throws TokenException;

    /**
     * Tries again, now, every device that could not be identified (it failed, or another program held it) and waits for
     * the results: the user's Refresh. Loops that poll use {@link #refresh()}, which never retries a device by itself.
     *
     * @since 0.2.0
     */
    void identifyAgain();

    /**
     * Opens a session on the device: waits (up to {@code options.patience()}) until no other operation holds it, connects,
     * asks the drivers whose descriptor fits (the device may have been swapped since it was identified), and opens
     * the best one's session. The caller closes it.
     */
    DeviceSession open(String deviceId, OpenOptions options) throws TokenException;

    /**
     * Called on any change; returns a handle to stop. Events come from whichever thread made the change (a transport's
     * watch, an identification, the caller of {@code open} or {@code close}): a UI hands them to its display thread.
     */
    AutoCloseable onChange(Consumer<DeviceEvent> listener);
}
