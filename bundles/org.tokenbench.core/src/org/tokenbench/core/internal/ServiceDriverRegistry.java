package org.tokenbench.core.internal;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.tokenbench.core.driver.DriverDescriptor;
import org.tokenbench.core.driver.DriverInfo;
import org.tokenbench.core.driver.DriverRegistry;
import org.tokenbench.core.driver.TokenDriver;
import org.tokenbench.core.install.DriverInstaller;

/**
 * Tracks every {@link TokenDriver} service through Declarative Services, reading each driver's descriptor once. A
 * driver whose descriptor is missing or malformed is not offered any device (its probes could not be filtered by
 * ATR); the reason goes to stderr, where a vendor developing it looks.
 */
@Component(service = DriverRegistry.class)
public final class ServiceDriverRegistry implements DriverRegistry {

    private final Map<TokenDriver, RegisteredDriver> drivers = new ConcurrentHashMap<>();
    private final List<Consumer<List<RegisteredDriver>>> listeners = new CopyOnWriteArrayList<>();

    /** Only there to order start-up: the drivers a user added are started before anyone asks which drivers exist. */
    @Reference
    DriverInstaller userDrivers;

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addDriver(TokenDriver driver) {
        DriverDescriptor descriptor;
        try {
            descriptor = driver.descriptor();
        } catch (RuntimeException e) {
            System.err.println("TokenBench: driver " + driver.getClass().getName() + " is not used: " + e.getMessage());
            return;
        }
        drivers.put(driver, new RegisteredDriver(new DriverInfo(descriptor.id(), descriptor.vendor(), descriptor.name(),
                bundleVersion(driver)), descriptor, driver));
        fireChange();
    }

    void removeDriver(TokenDriver driver) {
        if (drivers.remove(driver) != null) {
            fireChange();
        }
    }

    @Override
    public List<RegisteredDriver> drivers() {
        return drivers.values().stream().sorted(Comparator.comparing((RegisteredDriver d) -> d.info().displayName())
                .thenComparing(d -> d.info().id())).toList();
    }

    @Override
    public Optional<RegisteredDriver> driver(String id) {
        return drivers().stream().filter(d -> d.info().id().equals(id)).findFirst();
    }

    @Override
    public AutoCloseable onChange(Consumer<List<RegisteredDriver>> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    /** The version of the bundle the driver's class comes from: what the vendor released. */
    private static String bundleVersion(TokenDriver driver) {
        Bundle bundle = FrameworkUtil.getBundle(driver.getClass());
        return bundle == null ? "unknown" : bundle.getVersion().toString();
    }

    private void fireChange() {
        List<RegisteredDriver> current = drivers();
        for (Consumer<List<RegisteredDriver>> listener : listeners) {
            try {
                listener.accept(current);
            } catch (RuntimeException e) {
                // A listener's failure (a view already disposed) must not fail a driver bundle's DS bind.
                System.err.println("TokenBench: a driver listener failed: " + e);
            }
        }
    }
}
