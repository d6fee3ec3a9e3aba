package org.tokenbench.driver.guomi.internal;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

import org.osgi.service.component.annotations.Component;
import org.tokenbench.core.TokenException;
import org.tokenbench.core.driver.Capability;
import org.tokenbench.core.driver.Connection;
import org.tokenbench.core.driver.DeviceIdentity;
import org.tokenbench.core.driver.DriverInfo;
import org.tokenbench.core.driver.Interaction;
import org.tokenbench.core.driver.Match;
import org.tokenbench.core.driver.TokenDriver;
import org.tokenbench.core.driver.TokenSession;
import org.tokenbench.driver.guomi.DeviceInfo;
import org.tokenbench.driver.guomi.GuomiException;
import org.tokenbench.driver.guomi.SkfConnection;
import org.tokenbench.driver.guomi.SkfDevice;

/** Guomi SM2 USB keys through their vendor's GM/T 0016 SKF library. */
@Component(service = TokenDriver.class)
public final class GuomiDriver implements TokenDriver {

    static final String ID = "org.tokenbench.driver.guomi";
    static final String FAMILY = "Guomi SM2 USB key (GM/T 0016 SKF)";

    @Override
    public DriverInfo info() {
        return new DriverInfo(ID, "TokenBench", FAMILY, "0.1.0");
    }

    @Override
    public Set<Capability> capabilities() {
        return EnumSet.of(Capability.VERIFY_PIN, Capability.READ_CERTIFICATE, Capability.SIGN);
    }

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
        try (SkfDevice device = skf.library().connect(skf.key())) {
            DeviceInfo info = device.info();
            return Optional.of(new Match(FAMILY, info.supportsSm2() ? 90 : 40));
        }
    }

    @Override
    public TokenSession open(Connection connection, Interaction interaction) throws TokenException {
        if (!(connection instanceof SkfConnection skf)) {
            throw new IllegalArgumentException("the Guomi driver works over SKF connections, not " + connection.getClass().getSimpleName());
        }
        SkfDevice device = skf.library().connect(skf.key());
        try {
            DeviceIdentity identity = new DeviceIdentity(ID, FAMILY, device.info().serialNumber());
            return new TokenSession() {
                @Override
                public DeviceIdentity identity() {
                    return identity;
                }

                @Override
                public <T> Optional<T> feature(Class<T> type) {
                    return type == SkfDevice.class ? Optional.of(type.cast(device)) : Optional.empty();
                }

                @Override
                public void close() {
                    device.close();
                }
            };
        } catch (GuomiException e) {
            device.close();
            throw e;
        }
    }
}
