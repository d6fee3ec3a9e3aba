package com.example.demotoken.internal;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import org.osgi.service.component.annotations.Component;
import org.tokenbench.core.TokenException;
import org.tokenbench.core.driver.Connection;
import org.tokenbench.core.driver.DriverDescriptor;
import org.tokenbench.core.driver.Interaction;
import org.tokenbench.core.driver.Match;
import org.tokenbench.core.driver.TokenDriver;
import org.tokenbench.core.driver.TokenSession;
import org.tokenbench.pcsc.ApduChannel;
import org.tokenbench.pcsc.Response;

/**
 * Example Corp's demo TOTP token. TokenBench asks it only about cards whose ATR its descriptor names; the probe reads
 * the serial (nothing that changes the token or spends a try); sessions offer the token's clock and details. The
 * devices service owns the channel: this driver never closes it.
 */
@Component(service = TokenDriver.class)
public final class DemoTokenDriver implements TokenDriver {

    static final String FAMILY = "demo";

    private final DriverDescriptor descriptor = DriverDescriptor.load(DemoTokenDriver.class, DriverDescriptor.DEFAULT_RESOURCE);

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
        Response serial = ((ApduChannel) connection).transmit(DemoTokenSession.getData(DemoTokenSession.SERIAL));
        return serial.isSuccess() && serial.data().length > 0 ? Optional.of(new Match(FAMILY, 90)) : Optional.empty();
    }

    @Override
    public TokenSession open(Connection connection, Interaction interaction) throws TokenException {
        ApduChannel channel = (ApduChannel) connection;
        byte[] serial = DemoTokenSession.read(channel, DemoTokenSession.SERIAL);
        return new DemoTokenSession(channel, new String(serial, StandardCharsets.US_ASCII));
    }
}
