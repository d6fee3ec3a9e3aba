package org.tokenbench.cli.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceRegistration;
import org.tokenbench.core.driver.TokenDriver;
import org.tokenbench.testing.ListedDriver;

class DriversCommandTest {

    @Test
    void listsARegisteredDriverWithItsDescriptorAndForgetsItWhenItLeaves() {
        ServiceRegistration<TokenDriver> registration = new ListedDriver("test.listed", "Listed \"quoted\" token", "TokenClock",
                "SeedProgramming").register(FrameworkUtil.getBundle(DriversCommandTest.class).getBundleContext());
        try {
            CliRun plain = CliRun.of("drivers");
            assertEquals(0, plain.exitCode(), plain.err());
            assertTrue(plain.out().lines().anyMatch("test.listed"::equals), plain.out());

            CliRun json = CliRun.of("drivers", "--json");
            assertEquals(0, json.exitCode(), json.err());
            assertTrue(json.out().contains("\"name\": \"Listed \\\"quoted\\\" token\""), json.out());
            assertTrue(json.out().contains("\"features\": [\"TokenClock\", \"SeedProgramming\"]"), json.out());
            assertTrue(json.out().contains("\"families\": [{\"id\": \"listed\", \"name\": \"Listed \\\"quoted\\\" token\", \"atr\": [], \"readers\": [], \"algorithms\": [], "
                    + "\"digits\": [], \"periods\": [], \"displaySeconds\": [], \"profiles\": 0, \"pins\": []}]"), json.out());
        } finally {
            registration.unregister();
        }
        assertFalse(CliRun.of("drivers").out().contains("test.listed"));
    }
}
