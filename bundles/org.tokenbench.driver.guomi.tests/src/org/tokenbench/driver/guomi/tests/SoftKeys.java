package org.tokenbench.driver.guomi.tests;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.tokenbench.core.Secret;
import org.tokenbench.core.driver.Checklist;
import org.tokenbench.core.driver.TokenSession;
import org.tokenbench.driver.guomi.internal.DeviceChecklist;
import org.tokenbench.driver.guomi.internal.GuomiDriver;
import org.tokenbench.skf.SkfConnection;
import org.tokenbench.skf.SkfEnvironment;
import org.tokenbench.skf.SkfException;
import org.tokenbench.skf.SkfLibrary;
import org.tokenbench.skf.SkfProblem;
import org.tokenbench.testing.ScriptedInteraction;
import org.tokenbench.testing.skf.SoftSkf;

/** Shared set-up: a fresh soft key per test, connected the way the SKF transport connects, and a scripted user. */
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

    /** The key's first device, connected (and locked) as the transport does; the caller closes it, as the devices service does. */
    static SkfConnection connect(SoftSkf key) throws Exception {
        SkfLibrary library = SkfLibrary.load(key.libraryPath());
        List<SkfLibrary.KeyName> devices = library.devices();
        if (devices.isEmpty()) {  // as the transport says it (a fault can take the key away after the environment steps)
            throw new SkfException(SkfProblem.NO_DEVICE, "SKF_EnumDev: the key is not plugged in (" + library.path() + ")");
        }
        return library.connect(devices.get(0), Duration.ofSeconds(2));
    }

    /** The key's CA certificate; connecting once makes the soft key provision itself. */
    static byte[] caOf(SoftSkf key) throws Exception {
        try (SkfConnection connection = connect(key)) {
            connection.device().info();
        }
        return key.caCertificate();
    }

    static Secret pin(String pin) {
        return Secret.fromChars(pin.toCharArray());
    }

    /**
     * The whole "USB key environment" checklist as a command runs it: the transport's steps for the library, then,
     * when they allow it, the driver's device steps in a session; all ten results in {@link Checklist#steps()} order.
     */
    static List<Checklist.Result> check(SoftSkf key, Optional<byte[]> ca, Optional<String> pin) throws Exception {
        List<Checklist.Result> results = new ArrayList<>(SkfEnvironment.check(key.libraryPath().toString()));
        if (!SkfEnvironment.allowsDeviceSteps(results)) {
            Checklist.Step failed = results.stream().filter(r -> r.status() == Checklist.Status.FAILED).findFirst().orElseThrow().step();
            List<Checklist.Step> steps = DeviceChecklist.allSteps();
            steps.subList(results.size(), steps.size()).forEach(s -> results.add(SkfEnvironment.skippedAfter(s, failed)));
            return results;
        }
        try (SkfConnection connection = connect(key); TokenSession session = new GuomiDriver().open(connection, new ScriptedInteraction(true))) {
            Checklist checklist = session.feature(Checklist.class).orElseThrow();
            results.addAll(checklist.run(new Checklist.Inputs(ca, pin.map(SoftKeys::pin)), new ScriptedInteraction(true), r -> { }));
        }
        return results;
    }
}
