package org.tokenbench.ui.internal.views;

import java.util.Optional;

import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

/** An OSGi service held for a view's lifetime; views call {@link #close()} from dispose(). */
final class ServiceHandle<S> implements AutoCloseable {

    private final ServiceTracker<S, S> tracker;

    ServiceHandle(Class<S> type) {
        tracker = new ServiceTracker<>(FrameworkUtil.getBundle(ServiceHandle.class).getBundleContext(), type, null);
        tracker.open();
    }

    Optional<S> get() {
        return Optional.ofNullable(tracker.getService());
    }

    @Override
    public void close() {
        tracker.close();
    }
}
