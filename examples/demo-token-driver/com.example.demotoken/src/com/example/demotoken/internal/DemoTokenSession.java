package com.example.demotoken.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.tokenbench.core.ErrorCode;
import org.tokenbench.core.TokenException;
import org.tokenbench.core.driver.DeviceDetails;
import org.tokenbench.core.driver.DeviceIdentity;
import org.tokenbench.core.driver.TokenClock;
import org.tokenbench.core.driver.TokenSession;
import org.tokenbench.pcsc.Apdu;
import org.tokenbench.pcsc.ApduChannel;
import org.tokenbench.pcsc.Response;

/** One session on a demo token: GET DATA (80 CA 00 nn) for its serial, clock and firmware. */
final class DemoTokenSession implements TokenSession, TokenClock, DeviceDetails {

    static final String NAMESPACE = "demotoken";
    static final int SERIAL = 0x01;
    static final int CLOCK = 0x02;
    static final int FIRMWARE = 0x03;

    private final ApduChannel channel;
    private final String serial;

    DemoTokenSession(ApduChannel channel, String serial) {
        this.channel = channel;
        this.serial = serial;
    }

    static Apdu getData(int item) {
        return Apdu.of(0x80, 0xCA, 0x00, item, new byte[0], 0);
    }

    /** The item's bytes, or the token's status word as a demotoken: code its catalog explains. */
    static byte[] read(ApduChannel channel, int item) throws TokenException {
        Response response = channel.transmit(getData(item));
        if (!response.isSuccess()) {
            throw new TokenException(ErrorCode.of(NAMESPACE, response.sw()), "the demo token refused GET DATA " + item);
        }
        return response.data();
    }

    @Override
    public DeviceIdentity identity() {
        return new DeviceIdentity("com.example.demotoken", DemoTokenDriver.FAMILY, serial);
    }

    @Override
    public <T> Optional<T> feature(Class<T> type) {
        return type == TokenClock.class || type == DeviceDetails.class ? Optional.of(type.cast(this)) : Optional.empty();
    }

    @Override
    public Instant tokenTime() throws TokenException {
        return Instant.ofEpochSecond(Integer.toUnsignedLong(ByteBuffer.wrap(read(channel, CLOCK)).getInt()));
    }

    @Override
    public Map<String, String> details() throws TokenException {
        Map<String, String> details = new LinkedHashMap<>();
        details.put("serial", serial);
        details.put("firmware", new String(read(channel, FIRMWARE), StandardCharsets.US_ASCII));
        return details;
    }

    @Override
    public void close() {
        // Nothing to end on the token; the devices service closes the channel.
    }
}
