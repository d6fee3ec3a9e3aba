package org.tokenbench.core.driver;

import java.util.List;
import java.util.function.Consumer;

/**
 * The drivers present right now. Driver bundles come and go at runtime, so callers ask each time rather
 * than caching the list, or listen for changes.
 */
public interface DriverRegistry {

    /** The registered drivers, sorted by display name. */
    List<TokenDriver> drivers();

    /** Called with the current list whenever a driver appears or disappears; returns a handle to stop. */
    AutoCloseable onChange(Consumer<List<TokenDriver>> listener);
}
