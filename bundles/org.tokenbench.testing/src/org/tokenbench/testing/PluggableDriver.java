package org.tokenbench.testing;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.tokenbench.core.TokenException;
import org.tokenbench.core.driver.AtrPattern;
import org.tokenbench.core.driver.Connection;
import org.tokenbench.core.driver.DeviceIdentity;
import org.tokenbench.core.driver.DriverDescriptor;
import org.tokenbench.core.driver.FamilyDescriptor;
import org.tokenbench.core.driver.HashAlgorithm;
import org.tokenbench.core.driver.Interaction;
import org.tokenbench.core.driver.Match;
import org.tokenbench.core.driver.TokenClock;
import org.tokenbench.core.driver.TokenSession;
import org.tokenbench.testing.PluggableTransport.PluggableConnection;

/**
 * A vendor-style driver for the {@link PluggableTransport}'s devices, registered from a test bundle. It writes every
 * probe, open, operation and close into the device's log, and offers {@link TokenClock} and a {@link Work} feature
 * whose operations take time, so tests can see whether two of them ever overlap.
 */
public final class PluggableDriver extends TestDriver {

    public static final String ID = "org.tokenbench.testing.pluggable";
    public static final String FAMILY = "bench-token";

    /** A feature of this driver's sessions: an operation that takes {@code duration}, logged at start and end. */
    public interface Work {
        void run(String name, Duration duration) throws TokenException;
    }

    /** @param atrPatterns the family's ATR patterns ("any" for atr = any; none for an ATR-less transport) */
    public PluggableDriver(String... atrPatterns) {
        super(benchDescriptor(atrPatterns));
    }

    private static DriverDescriptor benchDescriptor(String... atrPatterns) {
        boolean any = List.of(atrPatterns).contains("any");
        List<AtrPattern> patterns = any ? List.of() : List.of(atrPatterns).stream().map(AtrPattern::parse).toList();
        return new DriverDescriptor(ID, "TokenBench tests", "Bench token (test driver)", List.of("TokenClock", "Work"),
                List.of(new FamilyDescriptor(FAMILY, "Bench token", any, patterns, List.of(), Set.of(HashAlgorithm.SHA1), List.of(6),
                        List.of(30), List.of(), 1, Set.of())));
    }

    @Override
    public Class<? extends Connection> connectionType() {
        return PluggableConnection.class;
    }

    @Override
    public Optional<Match> probe(Connection connection) {
        PluggableDevice device = ((PluggableConnection) connection).device();
        device.record("probe");
        return Optional.of(new Match(FAMILY, 80));
    }

    @Override
    public TokenSession open(Connection connection, Interaction interaction) {
        PluggableConnection pluggable = (PluggableConnection) connection;
        PluggableDevice device = pluggable.device();
        device.record("open");
        return new BenchSession(pluggable, device);
    }

    private static final class BenchSession implements TokenSession, TokenClock, Work {
        private final PluggableConnection connection;
        private final PluggableDevice device;

        BenchSession(PluggableConnection connection, PluggableDevice device) {
            this.connection = connection;
            this.device = device;
        }

        @Override
        public DeviceIdentity identity() {
            return new DeviceIdentity(ID, FAMILY, device.serial());
        }

        @Override
        public <T> Optional<T> feature(Class<T> type) {
            return type.isInstance(this) ? Optional.of(type.cast(this)) : Optional.empty();
        }

        @Override
        public Instant tokenTime() {
            return Instant.now();
        }

        @Override
        public void run(String name, Duration duration) {
            connection.device().record("start " + name);
            try {
                Thread.sleep(duration.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            connection.device().record("end " + name);
        }

        @Override
        public void close() {
            device.record("close");
        }
    }
}
