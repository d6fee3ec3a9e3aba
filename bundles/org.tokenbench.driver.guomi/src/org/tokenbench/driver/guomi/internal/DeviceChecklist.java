package org.tokenbench.driver.guomi;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import org.tokenbench.core.Secret;
import org.tokenbench.core.driver.Interaction;
import org.tokenbench.driver.guomi.internal.SkfApi;
import org.tokenbench.driver.guomi.internal.Sm2;

/**
 * The "USB key environment" checklist (seed 001: "confirm that the USB key environment is successfully
 * verified"): library → exports → key present → device info → application → SM2 container → certificate →
 * validity and CA → PIN not locked → signature round trip. Each step passes or fails with its reason and a
 * diagnostics code; after a failure the later steps are reported as not checked, because their answers would
 * mislead. Nothing is written to the key except what a logon does (a PIN verification, when a PIN is given).
 */
public final class EnvironmentCheck {

    /**
     * @param library       the vendor's SKF library
     * @param device        which key, by name; empty for the first one listed
     * @param caCertificate the CA certificate (DER or PEM) the key's certificate must chain to; empty to skip
     * @param userPin       the user PIN for the signature rehearsal; empty to skip that step
     */
    public record Options(Path library, Optional<String> device, Optional<byte[]> caCertificate, Optional<Secret> userPin) {
    }

    private final Options options;
    private final Interaction interaction;
    private final Consumer<CheckResult> listener;
    private final List<CheckResult> results = new ArrayList<>();

    private EnvironmentCheck(Options options, Interaction interaction, Consumer<CheckResult> listener) {
        this.options = options;
        this.interaction = interaction;
        this.listener = listener;
    }

    /** Runs every step; {@code listener} sees each result as it is known (for a live checklist). */
    public static List<CheckResult> run(Options options, Interaction interaction, Consumer<CheckResult> listener) {
        EnvironmentCheck check = new EnvironmentCheck(options, interaction, listener);
        check.runSteps();
        return List.copyOf(check.results);
    }

    private void runSteps() {
        CheckStep current = CheckStep.LIBRARY_LOADS;
        try {
            SkfLibrary library = SkfLibrary.load(options.library());
            report(CheckResult.passed(current, library.path().toString()));

            current = CheckStep.FUNCTIONS_EXPORTED;
            List<String> missing = library.missingFunctions();
            if (!missing.isEmpty()) {
                throw new GuomiException(GuomiProblem.FUNCTIONS_MISSING, "missing: " + String.join(", ", missing));
            }
            report(CheckResult.passed(current, SkfApi.REQUIRED.length + " functions"
                    + (library.hasFunction("SKF_WaitForDevEvent") ? ", plus unplug events" : "")));

            current = CheckStep.DEVICE_PRESENT;
            List<SkfLibrary.KeyName> keys = library.devices();
            SkfLibrary.KeyName chosen = choose(keys);
            report(CheckResult.passed(current, chosen.display() + (keys.size() > 1 ? " (of " + keys.size() + " keys)" : "")));

            try (SkfDevice device = library.connect(chosen)) {
                current = CheckStep.DEVICE_INFO;
                DeviceInfo info = device.info();
                String detail = info.manufacturer() + ", " + info.label() + ", serial " + info.serialNumber() + ", firmware "
                        + info.firmwareVersion();
                if (!info.supportsSm2() || !info.supportsSm3()) {
                    report(CheckResult.warning(current, detail + "; the key does not list SM2/SM3 among its algorithms", null));
                } else {
                    report(CheckResult.passed(current, detail));
                }
                checkApplication(device);
            }
        } catch (GuomiException e) {
            fail(current, e);
        }
    }

    private void checkApplication(SkfDevice device) throws GuomiException {
        CheckStep current = CheckStep.APPLICATION;
        try {
            List<String> applications = device.applications();
            if (applications.isEmpty()) {
                throw new GuomiException(GuomiProblem.NO_APPLICATION, "the key lists no application");
            }
            try (SkfApplication application = device.openApplication(applications.get(0))) {
                report(CheckResult.passed(current, String.join(", ", applications)));
                current = CheckStep.SM2_CONTAINER;
                try (SkfContainer container = eccContainer(application)) {
                    report(CheckResult.passed(current, container.name()));
                    current = CheckStep.CERTIFICATE;
                    byte[] der = container.certificate(true).orElseThrow(() -> new GuomiException(GuomiProblem.NO_CERTIFICATE,
                            "container " + container.name() + " holds no signing certificate"));
                    Sm2Certificate certificate = Sm2Certificate.parse(der);
                    report(CheckResult.passed(current, certificate.subject() + ", " + certificate.signatureAlgorithm()));

                    current = CheckStep.CERTIFICATE_VALID;
                    certificate.checkValidAt(Instant.now());
                    if (options.caCertificate().isPresent()) {
                        certificate.checkIssuedBy(Sm2Certificate.readCa(options.caCertificate().get()));
                        report(CheckResult.passed(current, "valid until " + certificate.notAfter() + ", issued by " + certificate.issuer()));
                    } else {
                        report(CheckResult.warning(current, "valid until " + certificate.notAfter()
                                + "; the issuer was not checked because no CA certificate was given", null));
                    }

                    current = CheckStep.PIN_NOT_LOCKED;
                    PinInfo pin = application.pinInfo(PinType.USER);
                    if (pin.isLocked()) {
                        throw GuomiException.skf("SKF_GetPINInfo", (int) GuomiException.SAR_PIN_LOCKED, "the user PIN is locked (0 of "
                                + pin.maxRetries() + " tries left)");
                    }
                    String tries = pin.remainingRetries() + " of " + pin.maxRetries() + " tries left" + (pin.isDefault() ? ", still the default PIN" : "");
                    report(pin.remainingRetries() == 1 || pin.isDefault() ? CheckResult.warning(current, tries, null) : CheckResult.passed(current, tries));

                    current = CheckStep.SIGNATURE;
                    if (options.userPin().isEmpty()) {
                        report(CheckResult.skipped(current, "no PIN given", GuomiProblem.PIN_NOT_GIVEN.code()));
                        return;
                    }
                    PinSafety.verify(application, PinType.USER, options.userPin().get(), interaction);
                    try {
                        LogonRehearsal.run(device, container, certificate, Sm2.DEFAULT_ID);
                    } finally {
                        application.logout();
                    }
                    report(CheckResult.passed(current, "SM3withSM2 signature over a random challenge verified against the certificate"));
                }
            }
        } catch (GuomiException e) {
            fail(current, e);
        }
    }

    private SkfContainer eccContainer(SkfApplication application) throws GuomiException {
        List<String> containers = application.containers();
        for (String name : containers) {
            SkfContainer container = application.openContainer(name);
            if (container.type() == SkfContainer.TYPE_ECC) {
                return container;
            }
            container.close();
        }
        throw new GuomiException(GuomiProblem.NO_ECC_CONTAINER, containers.isEmpty() ? "the application holds no container"
                : "none of the containers (" + String.join(", ", containers) + ") holds an SM2 key");
    }

    private SkfLibrary.KeyName choose(List<SkfLibrary.KeyName> keys) throws GuomiException {
        if (keys.isEmpty()) {
            throw new GuomiException(GuomiProblem.NO_DEVICE, "the library lists no key");
        }
        if (options.device().isEmpty()) {
            return keys.get(0);
        }
        return keys.stream().filter(k -> k.display().equals(options.device().get())).findFirst()
                .orElseThrow(() -> new GuomiException(GuomiProblem.NO_DEVICE, "no key named " + options.device().get() + " (found: "
                        + keys.stream().map(SkfLibrary.KeyName::display).toList() + ")"));
    }

    /** The step failed (a pulled key is said as such); the later steps are not checked. */
    private void fail(CheckStep step, GuomiException e) {
        report(CheckResult.failed(step, e.isRemoval()
                ? new GuomiException(e.code(), "the key was removed during this step (" + e.getMessage() + ")", e) : e));
        skipAfter(step);
    }

    private void skipAfter(CheckStep failed) {
        for (CheckStep step : CheckStep.values()) {
            if (step.ordinal() > failed.ordinal() && results.stream().noneMatch(r -> r.step() == step)) {
                report(CheckResult.skipped(step, "not checked: \"" + failed.title() + "\" failed", null));
            }
        }
    }

    private void report(CheckResult result) {
        results.add(result);
        listener.accept(result);
    }
}
