package org.tokenbench.core.driver;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The drivers present right now, each with its descriptor and the version of its bundle. Driver bundles come and
 * go at runtime, so callers ask each time rather than caching the list, or listen for changes. TokenBench
 * implements this; vendors do not.
 */
@ProviderType
public interface DriverRegistry {

    /** A registered driver with what the registry read about it once. */
    record RegisteredDriver(DriverInfo info, DriverDescriptor descriptor, TokenDriver driver) {
    }

    /** The registered drivers, sorted by display name. */
    List<RegisteredDriver> drivers();

    Optional<RegisteredDriver> driver(String id);

    /** Called with the current list whenever a driver appears or disappears; returns a handle to stop. */
    AutoCloseable onChange(Consumer<List<RegisteredDriver>> listener);
}
