package org.tokenbench.core.device;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.tokenbench.core.driver.Atr;

/**
 * A place a transport reports where a device is or may be: a PC/SC reader (with or without a card), a key listed by
 * a vendor's SKF library. One physical place is one slot however often it is reported.
 *
 * @param transport      the {@link DeviceTransport#id()} that reports it
 * @param id             stable within the transport (the reader name; library path and key name)
 * @param name           for humans
 * @param devicePresent  a card is in the reader / the key is plugged in
 * @param atr            the card's ATR where the transport has one, read without sending an APDU
 * @param properties     what else the transport knows (e.g. {@code library}, {@code family} for SKF keys)
 */
public record Slot(String transport, String id, String name, boolean devicePresent, Optional<Atr> atr, Map<String, String> properties) {

    public Slot {
        Objects.requireNonNull(transport, "transport");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(atr, "atr");
        properties = Map.copyOf(properties);
    }

    /** The devices service's id for the device in this slot: {@code transport:slot id}. */
    public String deviceId() {
        return transport + ":" + id;
    }
}
