package org.tokenbench.testing;

import java.util.Optional;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.tokenbench.core.TokenException;
import org.tokenbench.core.driver.Connection;
import org.tokenbench.core.driver.DriverDescriptor;
import org.tokenbench.core.driver.Interaction;
import org.tokenbench.core.driver.Match;
import org.tokenbench.core.driver.TokenDriver;
import org.tokenbench.core.driver.TokenSession;

/**
 * The base of a test's own driver: its descriptor (given in code, or read from its bundle's
 * {@link DriverDescriptor#DEFAULT_RESOURCE} as a driver bundle's would be), registration as an OSGi service, and a
 * driver that claims no device until a subclass says otherwise. Override {@link #connectionType()},
 * {@link #probe(Connection)} and {@link #open(Connection, Interaction)} for a driver that claims devices, e.g. the
 * {@link PluggableTransport}'s:
 *
 * <pre>{@code
 * class VendorKeyDriver extends TestDriver {
 *     VendorKeyDriver() { super(new DriverDescriptor("com.example.vendorkey", ...)); }
 *     public Class<? extends Connection> connectionType() { return PluggableTransport.PluggableConnection.class; }
 *     public Optional<Match> probe(Connection connection) { return Optional.of(new Match("vendor-key", 90)); }
 *     public TokenSession open(Connection connection, Interaction interaction) { return new VendorKeySession(...); }
 * }
 * ServiceRegistration<TokenDriver> registration = new VendorKeyDriver().register(context);
 * }</pre>
 *
 * @since 0.2.0
 */
public abstract class TestDriver implements TokenDriver {

    /** Null: the descriptor file of the subclass's bundle, read by {@link TokenDriver#descriptor()}. */
    private final DriverDescriptor descriptor;

    /** A driver described in code. */
    protected TestDriver(DriverDescriptor descriptor) {
        if (descriptor == null) {
            throw new IllegalArgumentException("a test driver described in code needs a descriptor");
        }
        this.descriptor = descriptor;
    }

    /**
     * A driver described by its bundle's {@link DriverDescriptor#DEFAULT_RESOURCE}, as a vendor's driver bundle is (a
     * DS component needs this public no-argument constructor in the subclass too).
     */
    protected TestDriver() {
        this.descriptor = null;
    }

    /** Registers the driver as an OSGi service, the way a driver bundle's DS component would. */
    public ServiceRegistration<TokenDriver> register(BundleContext context) {
        return context.registerService(TokenDriver.class, this, null);
    }

    @Override
    public DriverDescriptor descriptor() {
        return descriptor == null ? TokenDriver.super.descriptor() : descriptor;
    }

    /** By default a connection type no transport offers: the devices service never asks this driver about a device. */
    @Override
    public Class<? extends Connection> connectionType() {
        return NoConnection.class;
    }

    /** By default: not this driver's device. */
    @Override
    public Optional<Match> probe(Connection connection) throws TokenException {
        return Optional.empty();
    }

    /** By default refused: a driver that claims no device opens no sessions. */
    @Override
    public TokenSession open(Connection connection, Interaction interaction) throws TokenException {
        throw new UnsupportedOperationException(getClass().getName() + " claims no device and opens no sessions");
    }

    /** What no transport offers. */
    private interface NoConnection extends Connection {
    }
}
