package org.tokenbench.diagnostics.tests;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;
import org.tokenbench.diagnostics.DiagnosticsRegistry;

/** The real registry component as Felix SCR activated it. */
final class Registry {

    private Registry() {
    }

    static BundleContext context() {
        return FrameworkUtil.getBundle(Registry.class).getBundleContext();
    }

    static DiagnosticsRegistry get() throws InterruptedException {
        ServiceTracker<DiagnosticsRegistry, DiagnosticsRegistry> tracker = new ServiceTracker<>(context(), DiagnosticsRegistry.class, null);
        tracker.open();
        try {
            DiagnosticsRegistry registry = tracker.waitForService(10_000);
            assertNotNull(registry, "DiagnosticsRegistry not activated");
            return registry;
        } finally {
            tracker.close();
        }
    }
}
