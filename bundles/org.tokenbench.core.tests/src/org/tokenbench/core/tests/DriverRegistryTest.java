package org.tokenbench.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceRegistration;
import org.tokenbench.core.driver.DriverRegistry;
import org.tokenbench.core.driver.DriverRegistry.RegisteredDriver;
import org.tokenbench.core.driver.TokenDriver;
import org.tokenbench.testing.ListedDriver;
import org.tokenbench.testing.OsgiServices;

/** The registry is a real DS component run by Felix SCR; drivers are real OSGi services. */
class DriverRegistryTest {

    @Test
    void driverServicesAppearAndDisappear() throws Exception {
        BundleContext context = FrameworkUtil.getBundle(DriverRegistryTest.class).getBundleContext();
        DriverRegistry registry = OsgiServices.await(DriverRegistry.class);
        int before = registry.drivers().size();
        List<Integer> seenSizes = new ArrayList<>();

        try (AutoCloseable listening = registry.onChange(list -> seenSizes.add(list.size()))) {
            ServiceRegistration<TokenDriver> zeta = new ListedDriver("test.zeta", "Zeta key").register(context);
            ServiceRegistration<TokenDriver> alpha = new ListedDriver("test.alpha", "Alpha token").register(context);

            List<String> names = registry.drivers().stream().map(d -> d.info().displayName()).toList();
            assertTrue(names.indexOf("Alpha token") >= 0 && names.indexOf("Alpha token") < names.indexOf("Zeta key"),
                    "drivers are listed by display name: " + names);

            zeta.unregister();
            alpha.unregister();
        }
        assertEquals(before, registry.drivers().size());
        assertEquals(List.of(before + 1, before + 2, before + 1, before), seenSizes);
    }
}
