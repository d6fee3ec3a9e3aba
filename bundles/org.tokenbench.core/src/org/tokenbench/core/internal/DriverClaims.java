package org.tokenbench.core.internal;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

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
 * (or say {@code atr = any}, or name the reader the device is) are asked: a card nobody describes never receives a driver's probe APDUs. Of those, the
 * most confident match wins.
 */
final class DriverClaims {

    /** tokenbench:0x0008: no installed driver recognises the device. */
    static final ErrorCode NO_DRIVER = ErrorCode.of(ErrorCode.TOKENBENCH, 8);

    record Chosen(RegisteredDriver driver, FamilyDescriptor family, Match match) {
    }

    private final DriverRegistry registry;

    DriverClaims(DriverRegistry registry) {
        this.registry = registry;
    }

    /** The drivers that may be asked about the device in {@code slot} over {@code connection}. */
    List<RegisteredDriver> candidates(Connection connection, Slot slot) {
        return registry.drivers().stream()
                .filter(d -> d.driver().connectionType().isInstance(connection))
                .filter(d -> slot.atr().isEmpty() || d.descriptor().mayClaim(slot.atr().get(), slot.name()))
                .toList();
    }

    Chosen choose(Connection connection, Slot slot) throws TokenException {
        List<RegisteredDriver> candidates = candidates(connection, slot);
        Chosen best = null;
        TokenException firstFailure = null;
        for (RegisteredDriver candidate : candidates) {
            Optional<Match> match;
            try {
                match = candidate.driver().probe(connection);
            } catch (TokenException e) {
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

    private static FamilyDescriptor family(RegisteredDriver driver, Match match) {
        return driver.descriptor().family(match.family()).orElseGet(() -> {
            System.err.println("TokenBench: driver " + driver.info().id() + " claimed family '" + match.family()
                    + "', which its descriptor does not describe; using " + driver.descriptor().families().get(0).id());
            return driver.descriptor().families().get(0);
        });
    }
}
