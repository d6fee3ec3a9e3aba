package org.tokenbench.core.internal;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;

import org.tokenbench.core.ErrorCode;
import org.tokenbench.core.TokenException;
import org.tokenbench.core.device.Slot;
import org.tokenbench.core.driver.Connection;
import org.tokenbench.core.driver.DriverRegistry;
import org.tokenbench.core.driver.DriverRegistry.RegisteredDriver;
import org.tokenbench.core.driver.FamilyDescriptor;
import org.tokenbench.core.driver.Match;

/**
 * Which driver a device belongs to. Only drivers whose connection type fits and whose descriptor's ATR patterns match
 * (or say {@code atr = any}, or name the reader the device is, or the user listed in {@link KnownDevices}) are asked: a card nobody describes never receives a driver's probe APDUs. Of those, the
 * most confident match wins.
 */
final class DriverClaims {

    /** tokenbench:0x0008: no installed driver recognises the device. */
    static final ErrorCode NO_DRIVER = ErrorCode.of(ErrorCode.TOKENBENCH, 8);

    /** tokenbench:0x000E: a driver failed unexpectedly. */
    static final ErrorCode DRIVER_FAILED = ErrorCode.of(ErrorCode.TOKENBENCH, 0x0E);
    /** tokenbench:0x0040: a driver's probe did not answer in time. */
    static final ErrorCode PROBE_TIMEOUT = ErrorCode.of(ErrorCode.TOKENBENCH, 0x40);
    /** How long one probe may take: a few APDUs or SKF calls answer in well under a second ({@code -Dtokenbench.probeTimeoutSeconds}). */
    static Duration probeLimit() {
        return Duration.ofSeconds(Math.max(1, Long.getLong("tokenbench.probeTimeoutSeconds", 10)));
    }

    /** Daemon threads, so a probe that never returns does not keep the product from exiting. */
    private static final ExecutorService PROBES = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "tokenbench-probe");
        thread.setDaemon(true);
        return thread;
    });

    record Chosen(RegisteredDriver driver, FamilyDescriptor family, Match match) {
    }

    private final DriverRegistry registry;
    private final KnownDevices known = new KnownDevices();

    DriverClaims(DriverRegistry registry) {
        this.registry = registry;
    }

    /** The drivers that may be asked about the device in {@code slot} over {@code connection}. */
    List<RegisteredDriver> candidates(Connection connection, Slot slot) {
        return registry.drivers().stream()
                .filter(d -> d.driver().connectionType().isInstance(connection))
                .filter(d -> slot.atr().isEmpty() || d.descriptor().mayClaim(slot.atr().get(), slot.name())
                        || known.mayClaim(d.descriptor(), slot.atr().get(), slot.name()))
                .toList();
    }

    /**
     * The connection identification probes over. A probe that timed out may still be running and would go on using
     * it, in the middle of the next driver's probe or the session: that connection is closed (the late probe's calls
     * fail on it, as on a removed device) and a fresh one serves the other drivers and the session.
     */
    static final class ProbeConnection implements AutoCloseable {
        interface Opener {
            Connection open() throws TokenException;
        }

        private final Opener opener;
        private Connection current;

        ProbeConnection(Connection first, Opener opener) {
            this.current = first;
            this.opener = opener;
        }

        Connection current() {
            return current;
        }

        /** Closes the connection before the late probe is even interrupted, so it cannot slip in one more call. */
        void abandon() {
            current.close();
        }

        void reopen() throws TokenException {
            current = opener.open();
        }

        /** Closes whichever connection identification ended with. */
        @Override
        public void close() {
            current.close();
        }
    }

    Chosen choose(ProbeConnection connections, Slot slot) throws TokenException {
        List<RegisteredDriver> candidates = candidates(connections.current(), slot);
        Chosen best = null;
        TokenException firstFailure = null;
        for (RegisteredDriver candidate : candidates) {
            Optional<Match> match;
            try {
                match = probe(candidate, connections);
            } catch (TokenException e) {
                if (e.code().equals(PROBE_TIMEOUT)) {
                    connections.reopen();
                }
                // "Not mine" for this driver; if nobody claims the device this is the best explanation there is.
                firstFailure = firstFailure == null ? e : firstFailure;
                continue;
            }
            if (match.isPresent() && (best == null || match.get().confidence() > best.match().confidence())) {
                best = new Chosen(candidate, family(candidate, match.get()), match.get());
            }
        }
        if (best != null) {
            return best;
        }
        if (firstFailure != null) {
            throw firstFailure;
        }
        String asked = candidates.isEmpty() ? "no installed driver describes a device like it"
                + slot.atr().map(atr -> " (ATR " + atr + ")").orElse("")
                : "drivers asked: " + candidates.stream().map(d -> d.info().id()).sorted(Comparator.naturalOrder()).toList();
        throw new TokenException(NO_DRIVER, "no installed driver recognises the device in '" + slot.name() + "' (" + asked + ")");
    }

    /**
     * One driver's probe, on a thread of its own and within {@link #probeLimit()}: a driver that throws or hangs is
     * reported with its bundle's name and skipped, and the other drivers are still asked.
     */
    private static Optional<Match> probe(RegisteredDriver candidate, ProbeConnection connections) throws TokenException {
        Duration limit = probeLimit();
        Connection connection = connections.current();
        Future<Optional<Match>> probing = PROBES.submit(() -> candidate.driver().probe(connection));
        try {
            return Objects.requireNonNull(probing.get(limit.toMillis(), TimeUnit.MILLISECONDS), "probe returned null");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof TokenException failure) {
                throw failure;
            }
            throw new TokenException(DRIVER_FAILED, "the driver " + describe(candidate) + " failed in its probe: " + e.getCause(), e.getCause());
        } catch (NullPointerException e) {
            throw new TokenException(DRIVER_FAILED, "the driver " + describe(candidate) + " answered its probe with null", e);
        } catch (TimeoutException e) {
            connections.abandon();
            probing.cancel(true);
            throw new TokenException(PROBE_TIMEOUT, "the driver " + describe(candidate) + " did not answer its probe within "
                    + limit.toSeconds() + " s and was skipped");
        } catch (InterruptedException e) {
            connections.abandon();
            probing.cancel(true);
            Thread.currentThread().interrupt();
            throw new TokenException(PROBE_TIMEOUT, "identification stopped while the driver " + describe(candidate) + " was probing");
        }
    }

    /** The driver's id and the bundle (name and version) it comes from, so a user can tell which vendor to ask. */
    static String describe(RegisteredDriver driver) {
        Bundle bundle = FrameworkUtil.getBundle(driver.driver().getClass());
        return driver.info().id() + (bundle == null ? "" : " (bundle " + bundle.getSymbolicName() + " " + bundle.getVersion() + ")");
    }

    private static FamilyDescriptor family(RegisteredDriver driver, Match match) {
        return driver.descriptor().family(match.family()).orElseGet(() -> {
            System.err.println("TokenBench: driver " + driver.info().id() + " claimed family '" + match.family()
                    + "', which its descriptor does not describe; using " + driver.descriptor().families().get(0).id());
            return driver.descriptor().families().get(0);
        });
    }
}
