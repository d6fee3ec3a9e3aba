package org.tokenbench.testing;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.tokenbench.core.driver.Connection;
import org.tokenbench.core.driver.DriverDescriptor;
import org.tokenbench.core.driver.FamilyDescriptor;
import org.tokenbench.core.driver.Interaction;
import org.tokenbench.core.driver.Match;
import org.tokenbench.core.driver.TokenDriver;
import org.tokenbench.core.driver.TokenSession;

/**
 * A driver that only describes itself, for tests of what lists drivers (registry, views, CLI). It claims no
 * device and opens no session, so it can never stand in for a real driver's behaviour.
 */
public final class ListedDriver implements TokenDriver {

    private final DriverDescriptor descriptor;

    public ListedDriver(String id, String displayName, String... features) {
        this.descriptor = new DriverDescriptor(id, "TokenBench tests", displayName, List.of(features),
                List.of(new FamilyDescriptor("listed", displayName, false, List.of(), List.of(), Set.of(), List.of(), List.of(), List.of(), 0, Set.of())));
    }

    /** Registers the driver as an OSGi service the way a driver bundle's DS component would. */
    public ServiceRegistration<TokenDriver> register(BundleContext context) {
        return context.registerService(TokenDriver.class, this, null);
    }

    @Override
    public DriverDescriptor descriptor() {
        return descriptor;
    }

    /** A connection type no transport offers: the devices service never asks this driver about a device. */
    @Override
    public Class<? extends Connection> connectionType() {
        return Unused.class;
    }

    @Override
    public Optional<Match> probe(Connection connection) {
        return Optional.empty();
    }

    @Override
    public TokenSession open(Connection connection, Interaction interaction) {
        throw new UnsupportedOperationException("a listing-only test driver opens no sessions");
    }

    private interface Unused extends Connection {
    }
}
