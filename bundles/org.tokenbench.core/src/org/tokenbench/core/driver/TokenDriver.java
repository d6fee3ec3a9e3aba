package org.tokenbench.core.driver;

import java.util.Optional;

import org.osgi.annotation.versioning.ConsumerType;
import org.tokenbench.core.TokenException;

/**
 * One device family (SafeID-class TOTP tokens, YKOATH applets, a vendor's Guomi SKF keys, ...), registered as an
 * OSGi service by the family's driver bundle. Vendors implement this; TokenBench calls it.
 *
 * <p>The devices service ({@link org.tokenbench.core.device.DeviceService}) offers each device a transport reports
 * to the drivers whose {@link #connectionType()} fits and whose descriptor's ATR patterns match (a driver whose
 * descriptor says {@code atr = any} is always asked), calls {@link #probe} on those, and opens sessions with the
 * most confident {@link Match}.
 *
 * <p><b>Ownership.</b> The devices service owns every {@link Connection}: it opens it, holds the device's lock while
 * a probe or a session uses it, and closes it after {@link TokenSession#close()} returned. A driver never closes a
 * connection it was given and never keeps it after its session is closed. Probes and sessions run one at a time per
 * device; a driver needs no locking of its own.
 */
@ConsumerType
public interface TokenDriver {

    /**
     * What the driver handles, as data: families, ATR patterns, supported settings, PIN types. Read once by the
     * registry. By default it is the file {@link DriverDescriptor#DEFAULT_RESOURCE} in the driver's bundle.
     */
    default DriverDescriptor descriptor() {
        return DriverDescriptor.load(getClass(), DriverDescriptor.DEFAULT_RESOURCE);
    }

    /** The kind of connection this driver talks over, e.g. an APDU channel or an SKF device handle. */
    Class<? extends Connection> connectionType();

    /**
     * Decides whether the device behind {@code connection} belongs to this driver, and to which of its families
     * ({@link Match#family()} is a {@link FamilyDescriptor#id()}). Must not change device state and must never send
     * anything that could spend a retry counter (no authentication, no PIN).
     */
    Optional<Match> probe(Connection connection) throws TokenException;

    /**
     * Opens a working session. Like a probe, opening must not authenticate or change the device: keys and PINs are
     * used by the session's features when the user asks for an operation. {@code interaction} is how the session asks
     * its user for keys, PINs and confirmations.
     */
    TokenSession open(Connection connection, Interaction interaction) throws TokenException;
}
