package org.tokenbench.ui.internal.views;

import java.util.Optional;
import java.util.function.Consumer;

import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceReference;
import org.osgi.util.tracker.ServiceTracker;

/**
 * An OSGi service held for a view's lifetime; views call {@link #close()} from dispose(). Services come from
 * Declarative Services, which may activate them after the view opened: {@code arrived} is told when that happens.
 */
public final class ServiceHandle<S> implements AutoCloseable {

    private final ServiceTracker<S, S> tracker;

    public ServiceHandle(Class<S> type) {
        this(type, service -> {
        });
    }

    /** @param arrived called (on an OSGi thread, or at once when present) with each service that appears */
    public ServiceHandle(Class<S> type, Consumer<S> arrived) {
        BundleContext context = FrameworkUtil.getBundle(ServiceHandle.class).getBundleContext();
        tracker = new ServiceTracker<>(context, type, null) {
            @Override
            public S addingService(ServiceReference<S> reference) {
                S service = super.addingService(reference);
                if (service != null) {
                    arrived.accept(service);
                }
                return service;
            }
        };
        tracker.open();
    }

    public Optional<S> get() {
        return Optional.ofNullable(tracker.getService());
    }

    @Override
    public void close() {
        tracker.close();
    }
}
