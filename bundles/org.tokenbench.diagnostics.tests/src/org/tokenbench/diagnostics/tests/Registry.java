package org.tokenbench.diagnostics.tests;

import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.tokenbench.diagnostics.DiagnosticsRegistry;
import org.tokenbench.testing.OsgiServices;

/** The real registry component as Felix SCR activated it. */
final class Registry {

    private Registry() {
    }

    static BundleContext context() {
        return FrameworkUtil.getBundle(Registry.class).getBundleContext();
    }

    static DiagnosticsRegistry get() throws InterruptedException {
        return OsgiServices.await(DiagnosticsRegistry.class);
    }
}
