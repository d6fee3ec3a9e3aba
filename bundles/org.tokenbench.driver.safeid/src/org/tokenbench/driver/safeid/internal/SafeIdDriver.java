package org.tokenbench.driver.safeid.internal;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

import org.osgi.service.component.annotations.Component;
import org.tokenbench.core.TokenException;
import org.tokenbench.core.driver.Capability;
import org.tokenbench.core.driver.Connection;
import org.tokenbench.core.driver.DriverInfo;
import org.tokenbench.core.driver.Interaction;
import org.tokenbench.core.driver.Match;
import org.tokenbench.core.driver.TokenDriver;
import org.tokenbench.core.driver.TokenSession;
import org.tokenbench.pcsc.ApduChannel;
import org.tokenbench.pcsc.Response;

/** Programmable TOTP tokens of the SafeID / Token2 single-profile NFC family. */
@Component(service = TokenDriver.class)
public final class SafeIdDriver implements TokenDriver {

    static final String ID = "org.tokenbench.driver.safeid";

    private final TriesLedger ledger = new TriesLedger();

    @Override
    public DriverInfo info() {
        return new DriverInfo(ID, "TokenBench", "SafeID / Token2 programmable TOTP token (NFC)", "0.1.0");
    }

    @Override
    public Set<Capability> capabilities() {
        return EnumSet.of(Capability.PROGRAM_SEED, Capability.READ_CLOCK);
    }

    @Override
    public Class<? extends Connection> connectionType() {
        return ApduChannel.class;
    }

    /** Asks for serial and clock: harmless, needs no key, and only this family answers it this way. */
    @Override
    public Optional<Match> probe(Connection connection) throws TokenException {
        if (!(connection instanceof ApduChannel channel)) {
            return Optional.empty();
        }
        Response response = channel.transmit(SafeIdProtocol.readInfo());
        try {
            SafeIdProtocol.parseInfo(response);
            return Optional.of(new Match(SafeIdSession.FAMILY, 90));
        } catch (TokenException notOurs) {
            return Optional.empty();
        }
    }

    @Override
    public TokenSession open(Connection connection, Interaction interaction) throws TokenException {
        return new SafeIdSession((ApduChannel) connection, interaction, ledger);
    }
}
