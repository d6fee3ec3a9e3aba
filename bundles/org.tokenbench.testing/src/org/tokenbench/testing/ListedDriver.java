package org.tokenbench.testing;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.tokenbench.core.driver.Capability;
import org.tokenbench.core.driver.Connection;
import org.tokenbench.core.driver.DriverInfo;
import org.tokenbench.core.driver.Interaction;
import org.tokenbench.core.driver.Match;
import org.tokenbench.core.driver.TokenDriver;
import org.tokenbench.core.driver.TokenSession;

/**
 * A driver that only describes itself, for tests of what lists drivers (registry, views, CLI). It claims no
 * device and opens no session, so it can never stand in for a real driver's behaviour.
 */
public final class ListedDriver implements TokenDriver {

    private final DriverInfo info;
    private final Set<Capability> capabilities;

    public ListedDriver(String id, String displayName, Capability... capabilities) {
        this.info = new DriverInfo(id, "TokenBench tests", displayName, "1.0");
        this.capabilities = capabilities.length == 0 ? EnumSet.noneOf(Capability.class) : EnumSet.of(capabilities[0], capabilities);
    }

    /** Registers the driver as an OSGi service the way a driver bundle's DS component would. */
    public ServiceRegistration<TokenDriver> register(BundleContext context) {
        return context.registerService(TokenDriver.class, this, null);
    }

    @Override
    public DriverInfo info() {
        return info;
    }

    @Override
    public Set<Capability> capabilities() {
        return capabilities;
    }

    @Override
    public Class<? extends Connection> connectionType() {
        return Connection.class;
    }

    @Override
    public Optional<Match> probe(Connection connection) {
        return Optional.empty();
    }

    @Override
    public TokenSession open(Connection connection, Interaction interaction) {
        throw new UnsupportedOperationException("a listing-only test driver opens no sessions");
    }
}
