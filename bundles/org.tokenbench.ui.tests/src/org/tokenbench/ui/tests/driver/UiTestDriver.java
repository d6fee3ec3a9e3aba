package org.tokenbench.ui.tests.driver;

import java.util.Optional;

import org.tokenbench.core.TokenException;
import org.tokenbench.core.driver.Connection;
import org.tokenbench.core.driver.Interaction;
import org.tokenbench.core.driver.Match;
import org.tokenbench.core.driver.TokenDriver;
import org.tokenbench.core.driver.TokenSession;

/**
 * The class of the driver jar InstallDriverDialogTest writes (with this class file, a DS component and a descriptor)
 * and installs through Help › Install Driver…; not a component of the test fragment itself. It claims no device.
 */
public final class UiTestDriver implements TokenDriver {

    @Override
    public Class<? extends Connection> connectionType() {
        return Unused.class;
    }

    @Override
    public Optional<Match> probe(Connection connection) {
        return Optional.empty();
    }

    @Override
    public TokenSession open(Connection connection, Interaction interaction) throws TokenException {
        throw new UnsupportedOperationException("the UI test's driver opens no sessions");
    }

    /** A connection type no transport offers: the devices service never asks this driver about a device. */
    private interface Unused extends Connection {
    }
}
