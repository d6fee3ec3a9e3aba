package org.tokenbench.testing;

import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

/** Waits for a service that Declarative Services activates asynchronously. */
public final class OsgiServices {

    private OsgiServices() {
    }

    /** The service, or an AssertionError naming it when it did not appear within 10 s. */
    public static <S> S await(Class<S> type) throws InterruptedException {
        BundleContext context = FrameworkUtil.getBundle(OsgiServices.class).getBundleContext();
        ServiceTracker<S, S> tracker = new ServiceTracker<>(context, type, null);
        tracker.open();
        try {
            S service = tracker.waitForService(10_000);
            if (service == null) {
                throw new AssertionError(type.getSimpleName() + " did not appear within 10 s: is org.apache.felix.scr started?");
            }
            return service;
        } finally {
            tracker.close();
        }
    }
}
