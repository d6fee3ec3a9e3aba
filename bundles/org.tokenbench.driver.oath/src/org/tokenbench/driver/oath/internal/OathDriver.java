package org.tokenbench.driver.oath.internal;

import java.util.Optional;

import org.osgi.service.component.annotations.Component;
import org.tokenbench.core.TokenException;
import org.tokenbench.core.driver.Atr;
import org.tokenbench.core.driver.Connection;
import org.tokenbench.core.driver.DriverDescriptor;
import org.tokenbench.core.driver.Interaction;
import org.tokenbench.core.driver.Match;
import org.tokenbench.core.driver.TokenDriver;
import org.tokenbench.core.driver.TokenSession;
import org.tokenbench.pcsc.ApduChannel;
import org.tokenbench.pcsc.Response;

/**
 * YKOATH applets: YubiKey OATH and the compatible applets of other vendors. The probe is one SELECT of the OATH AID,
 * which authenticates nothing and changes nothing (it only ends an earlier VALIDATE, as any client's SELECT does).
 */
@Component(service = TokenDriver.class)
public final class OathDriver implements TokenDriver {

    static final String ID = "org.tokenbench.driver.oath";
    private static final String YUBIKEY = "yubikey";
    private static final String COMPATIBLE = "compatible";

    private final DriverDescriptor descriptor = DriverDescriptor.load(OathDriver.class, DriverDescriptor.DEFAULT_RESOURCE);

    @Override
    public DriverDescriptor descriptor() {
        return descriptor;
    }

    @Override
    public Class<? extends Connection> connectionType() {
        return ApduChannel.class;
    }

    @Override
    public Optional<Match> probe(Connection connection) throws TokenException {
        if (!(connection instanceof ApduChannel channel)) {
            return Optional.empty();
        }
        Response response = channel.transmit(OathProtocol.select());
        if (response.sw() != OathProtocol.SW_OK) {
            return Optional.empty();
        }
        try {
            OathProtocol.parseSelect(response);
        } catch (TokenException notYkoath) {
            return Optional.empty();
        }
        return Optional.of(new Match(family(channel), 95));
    }

    @Override
    public TokenSession open(Connection connection, Interaction interaction) throws TokenException {
        ApduChannel channel = (ApduChannel) connection;
        return new OathSession(channel, family(channel), interaction);
    }

    /** A YubiKey by its ATR; any other card that answers the OATH SELECT is a compatible applet. */
    private String family(ApduChannel channel) throws TokenException {
        return descriptor.family(YUBIKEY).orElseThrow().mayBe(new Atr(channel.atr()), channel.location()) ? YUBIKEY : COMPATIBLE;
    }
}
