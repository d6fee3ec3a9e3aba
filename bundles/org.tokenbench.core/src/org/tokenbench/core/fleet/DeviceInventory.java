package org.tokenbench.core.fleet;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;
import org.tokenbench.core.TokenException;
import org.tokenbench.core.driver.DeviceIdentity;

/**
 * Every device TokenBench has seen or programmed, with what it is for and what state it is in: an OSGi service the
 * fleet bundle provides (absent without it; callers then skip inventory checks). Devices are identified by family and
 * serial; the same serial in two families is two devices.
 */
@ProviderType
public interface DeviceInventory {

    enum State {
        NEW, PROGRAMMED, CONFIRMED, RETIRED, LOST
    }

    /**
     * @param account   the credential on it ({@code issuer:account}), empty when none is known
     * @param owner     who holds it, empty when unassigned
     * @param firmware  as the device reports it, empty when unknown
     * @param lastSkew  device clock minus PC clock when last read
     */
    record Entry(String family, String serial, String driver, String firmware, String owner, String account, State state,
            Optional<Duration> lastSkew, Instant firstSeen, Instant lastSeen) {
    }

    Optional<Entry> find(String family, String serial) throws TokenException;

    List<Entry> list() throws TokenException;

    /** Notes that the device was connected (adds it as {@link State#NEW} the first time); keeps its state otherwise. */
    Entry seen(DeviceIdentity device, String firmware, Optional<Duration> skew) throws TokenException;

    /** Moves the device to {@code state}, with the account now on it (empty keeps the recorded one). */
    Entry changeState(String family, String serial, State state, String account) throws TokenException;

    /** Assigns the device to {@code owner} (empty unassigns). */
    Entry assign(String family, String serial, String owner) throws TokenException;
}
