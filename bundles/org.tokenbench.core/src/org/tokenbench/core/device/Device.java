package org.tokenbench.core.device;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

import org.tokenbench.core.ErrorCode;
import org.tokenbench.core.driver.DeviceIdentity;
import org.tokenbench.core.driver.DriverInfo;
import org.tokenbench.core.driver.FamilyDescriptor;

/**
 * What the devices service knows about one slot and the device in it, as a snapshot.
 *
 * @param id      {@code transport:slot id}, stable while the slot exists (e.g. {@code pcsc:Virtual PCD 00 00})
 * @param slot    as the transport reported it
 * @param state   see {@link State}
 * @param claim   the driver that claimed the device and what it read, once {@link State#CLAIMED}
 * @param problem why the device is {@link State#UNCLAIMED}, {@link State#UNAVAILABLE} or {@link State#FAILED}
 * @param busy    an operation holds the device now (other operations wait for it)
 */
public record Device(String id, Slot slot, State state, Optional<Claim> claim, Optional<Problem> problem, boolean busy) {

    public enum State {
        /** A reader with no card. */
        EMPTY,
        /** Present; the drivers are being asked. */
        IDENTIFYING,
        CLAIMED,
        /** Present, and no installed driver recognises it. */
        UNCLAIMED,
        /** Another program holds it (PC/SC sharing violation); identification waits until it lets go. */
        UNAVAILABLE,
        /** Identification failed (removed half-way, unresponsive). */
        FAILED
    }

    /**
     * @param driver     the claiming driver
     * @param family     the family it recognised, from its descriptor
     * @param identity   serial and family as read from the device
     * @param clockSkew  device clock minus PC clock at identification, for devices with a clock
     */
    public record Claim(DriverInfo driver, FamilyDescriptor family, DeviceIdentity identity, Optional<Duration> clockSkew) {
    }

    public record Problem(String message, ErrorCode code) {
    }

    public Device {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(slot, "slot");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(claim, "claim");
        Objects.requireNonNull(problem, "problem");
    }

    /** The device's serial once claimed. */
    public Optional<String> serial() {
        return claim.map(c -> c.identity().serial());
    }
}
