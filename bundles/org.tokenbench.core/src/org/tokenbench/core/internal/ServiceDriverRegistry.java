package org.tokenbench.core.internal;

import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.tokenbench.core.driver.DriverRegistry;
import org.tokenbench.core.driver.TokenDriver;

/** Tracks every {@link TokenDriver} service through Declarative Services. */
@Component(service = DriverRegistry.class)
public final class ServiceDriverRegistry implements DriverRegistry {

    private final List<TokenDriver> drivers = new CopyOnWriteArrayList<>();
    private final List<Consumer<List<TokenDriver>>> listeners = new CopyOnWriteArrayList<>();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addDriver(TokenDriver driver) {
        drivers.add(driver);
        fireChange();
    }

    void removeDriver(TokenDriver driver) {
        drivers.remove(driver);
        fireChange();
    }

    @Override
    public List<TokenDriver> drivers() {
        return drivers.stream()
                .sorted(Comparator.comparing((TokenDriver d) -> d.info().displayName()))
                .toList();
    }

    @Override
    public AutoCloseable onChange(Consumer<List<TokenDriver>> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    private void fireChange() {
        List<TokenDriver> current = drivers();
        for (Consumer<List<TokenDriver>> listener : listeners) {
            listener.accept(current);
        }
    }
}
