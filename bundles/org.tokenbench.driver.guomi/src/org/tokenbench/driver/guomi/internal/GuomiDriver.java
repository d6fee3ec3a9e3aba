package org.tokenbench.driver.guomi.internal;

import java.util.Optional;

import org.osgi.service.component.annotations.Component;
import org.tokenbench.core.TokenException;
import org.tokenbench.core.driver.Connection;
import org.tokenbench.core.driver.Interaction;
import org.tokenbench.core.driver.Match;
import org.tokenbench.core.driver.TokenDriver;
import org.tokenbench.core.driver.TokenSession;
import org.tokenbench.skf.SkfConnection;

/** Guomi SM2 USB keys through their vendor's GM/T 0016 SKF library, reached over the SKF transport. */
@Component(service = TokenDriver.class)
public final class GuomiDriver implements TokenDriver {

    static final String ID = "org.tokenbench.driver.guomi";
    /** The one family of the descriptor. */
    static final String FAMILY = "sm2-key";

    @Override
    public Class<? extends Connection> connectionType() {
        return SkfConnection.class;
    }

    /** Reads the device information only: no PIN, nothing that changes the key. */
    @Override
    public Optional<Match> probe(Connection connection) throws TokenException {
        if (!(connection instanceof SkfConnection skf)) {
            return Optional.empty();
        }
        return Optional.of(new Match(FAMILY, skf.device().info().supportsSm2() ? 90 : 40));
    }

    @Override
    public TokenSession open(Connection connection, Interaction interaction) throws TokenException {
        if (!(connection instanceof SkfConnection skf)) {
            throw new IllegalArgumentException("the Guomi driver works over SKF connections, not " + connection.getClass().getSimpleName());
        }
        return new GuomiSession(skf, ID, FAMILY);
    }
}
