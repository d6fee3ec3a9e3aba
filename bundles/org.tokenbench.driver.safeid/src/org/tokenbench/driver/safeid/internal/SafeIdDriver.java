package org.tokenbench.driver.safeid.internal;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

import org.osgi.service.component.annotations.Component;
import org.tokenbench.core.ErrorCode;
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
        return EnumSet.of(Capability.PROGRAM_SEED, Capability.READ_CLOCK, Capability.SET_CLOCK);
    }

    @Override
    public Class<? extends Connection> connectionType() {
        return ApduChannel.class;
    }

    /** Reads public data (Molto2 only) or serial and clock: harmless, no key, nothing that burns a try. */
    @Override
    public Optional<Match> probe(Connection connection) throws TokenException {
        return family(connection).map(f -> new Match(f.label, f == SafeIdProtocol.Family.MOLTO2 ? 95 : 90));
    }

    @Override
    public TokenSession open(Connection connection, Interaction interaction) throws TokenException {
        SafeIdProtocol.Family family = family(connection).orElseThrow(() -> new TokenException(
                ErrorCode.of(SafeIdProtocol.NAMESPACE, 0x6D00), "the card is not a SafeID-class token"));
        return SafeIdSession.open(family, (ApduChannel) connection, interaction, ledger);
    }

    private static Optional<SafeIdProtocol.Family> family(Connection connection) throws TokenException {
        if (!(connection instanceof ApduChannel channel)) {
            return Optional.empty();
        }
        try {
            SafeIdProtocol.parsePublicData(channel.transmit(SafeIdProtocol.publicData(0)));
            return Optional.of(SafeIdProtocol.Family.MOLTO2);
        } catch (TokenException notMolto2) {
            // single-profile tokens have no public-data command
        }
        Response response = channel.transmit(SafeIdProtocol.readInfo());
        try {
            SafeIdProtocol.parseInfo(response);
            return Optional.of(SafeIdProtocol.Family.SINGLE_PROFILE);
        } catch (TokenException notOurs) {
            return Optional.empty();
        }
    }
}
