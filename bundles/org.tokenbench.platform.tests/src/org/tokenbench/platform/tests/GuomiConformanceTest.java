package org.tokenbench.platform.tests;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import org.tokenbench.core.TokenBenchHome;
import org.tokenbench.core.TokenException;
import org.tokenbench.core.device.Device;
import org.tokenbench.core.device.DeviceSession;
import org.tokenbench.core.device.VendorLibraries;
import org.tokenbench.core.driver.PinGuard;
import org.tokenbench.core.driver.PinType;
import org.tokenbench.testing.conformance.DriverConformance;
import org.tokenbench.testing.skf.SoftSkf;

/** The Guomi driver keeps the driver contracts (the conformance suite every driver runs), on a soft SKF key. */
class GuomiConformanceTest extends DriverConformance {

    // One key for the class, behind its own copy of the soft library (its own global state, apart from other tests'):
    // the devices service knows it by library and name, so a new key per test would change serials under one id.
    private static SoftSkf key;
    private static Path library;

    @Override
    protected String driverId() {
        return "org.tokenbench.driver.guomi";
    }

    /** The key, provisioned with its tries so that the state compared is on disk before first use. */
    private static synchronized SoftSkf key() {
        if (key == null) {
            Path home = TokenBenchHome.directory().resolve("conformance-softskf");
            key = SoftSkf.create(SoftSkf.copyAsVendor(home, "libconformanceskf.so"), home,
                    Map.of("user_pin", "24681357", "user_remain", "6", "admin_remain", "6"));
        }
        return key;
    }

    @Override
    protected String plug() throws Exception {
        key().plug();
        if (library == null) {
            library = devices().transport("skf").flatMap(t -> t.feature(VendorLibraries.class)).orElseThrow().attach(key.libraryPath());
        }
        for (int i = 0; i < 300; i++) {
            Optional<Device> found = devices().devices().stream().filter(d -> d.slot().transport().equals("skf")
                    && library.toString().equals(d.slot().properties().get(VendorLibraries.LIBRARY_PROPERTY))).findFirst();
            if (found.isPresent()) {
                return found.get().id();
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the soft key never appeared: " + devices().devices());
    }

    @Override
    protected void unplug() {
        if (key != null) {
            key.unplug();
        }
    }

    @Override
    protected String deviceState() {
        return "user_remain=" + key().state("user_remain") + " admin_remain=" + key.state("admin_remain");
    }

    @Override
    protected boolean removeDuringNextExchange() {
        key.unplug();
        return true;
    }

    @Override
    protected void operate(DeviceSession session) throws TokenException {
        session.feature(PinGuard.class).orElseThrow().status(PinType.USER);
    }
}
