package org.tokenbench.driver.guomi.tests;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.tokenbench.core.Secret;
import org.tokenbench.driver.guomi.CheckResult;
import org.tokenbench.driver.guomi.EnvironmentCheck;
import org.tokenbench.driver.guomi.SkfDevice;
import org.tokenbench.driver.guomi.SkfLibrary;
import org.tokenbench.testing.ScriptedInteraction;
import org.tokenbench.testing.skf.SoftSkf;

/** Shared set-up: a fresh soft key per test, and a scripted user. */
final class SoftKeys {

    static final String USER_PIN = "24681357";

    private SoftKeys() {
    }

    /** A key provisioned with a non-default user PIN and the given overrides. */
    static SoftSkf fresh(Path dir, Map<String, String> overrides) {
        Map<String, String> provisioning = new java.util.HashMap<>(Map.of("user_pin", USER_PIN));
        provisioning.putAll(overrides);
        return SoftSkf.create(SoftSkf.library(), dir, provisioning);
    }

    /** The key's CA certificate; connecting once makes the soft key provision itself. */
    static byte[] caOf(SoftSkf key) throws Exception {
        SkfLibrary library = SkfLibrary.load(key.libraryPath());
        try (SkfDevice device = library.connect(library.devices().get(0))) {
            device.info();
        }
        return key.caCertificate();
    }

    static Secret pin(String pin) {
        return Secret.fromChars(pin.toCharArray());
    }

    static List<CheckResult> check(SoftSkf key, Optional<byte[]> ca, Optional<String> pin) {
        EnvironmentCheck.Options options = new EnvironmentCheck.Options(key.libraryPath(), Optional.empty(), ca, pin.map(SoftKeys::pin));
        return EnvironmentCheck.run(options, new ScriptedInteraction(true), r -> { });
    }
}
