package org.tokenbench.core.driver;

import java.util.Optional;
import java.util.Set;

import org.tokenbench.core.TokenException;

/**
 * One device family (SafeID-class TOTP tokens, YKOATH applets, a vendor's Guomi SKF keys, ...), registered
 * as an OSGi service by the family's driver bundle. TokenBench offers each connected reader or key to
 * every driver whose {@link #connectionType()} fits, and opens a session with the best {@link Match}.
 */
public interface TokenDriver {

    DriverInfo info();

    Set<Capability> capabilities();

    /** The kind of connection this driver talks over, e.g. an APDU channel or an SKF device handle. */
    Class<? extends Connection> connectionType();

    /**
     * Decides whether the device behind {@code connection} belongs to this family. Must not change device
     * state and must never send anything that could burn a retry counter (no authentication, no PIN).
     */
    Optional<Match> probe(Connection connection) throws TokenException;

    /** Opens a working session; {@code interaction} is how the driver asks its user for PINs and confirmations. */
    TokenSession open(Connection connection, Interaction interaction) throws TokenException;
}
