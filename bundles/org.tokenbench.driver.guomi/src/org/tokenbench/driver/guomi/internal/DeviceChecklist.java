package org.tokenbench.driver.guomi.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.tokenbench.core.ErrorCode;
import org.tokenbench.core.Texts;
import org.tokenbench.core.TokenException;
import org.tokenbench.core.driver.Checklist;
import org.tokenbench.core.driver.Interaction;
import org.tokenbench.core.driver.PinGuard;
import org.tokenbench.core.driver.PinStatus;
import org.tokenbench.core.driver.PinType;
import org.tokenbench.skf.DeviceInfo;
import org.tokenbench.skf.SkfApplication;
import org.tokenbench.skf.SkfContainer;
import org.tokenbench.skf.SkfEnvironment;
import org.tokenbench.skf.SkfException;

/**
 * The device part of the "USB key environment" checklist (seed 001: "confirm that the USB key environment is
 * successfully verified"): device info → application → SM2 container → certificate → validity and CA → PIN not
 * locked → signature round trip, after the SKF transport's library, exports and presence steps. Each step passes or
 * fails with its reason and a diagnostics code; after a failure the later steps are reported as not checked, because
 * their answers would mislead. Nothing is written to the key except what a logon does (a PIN verification, through
 * {@link PinGuard}, when a PIN is given).
 */
public final class DeviceChecklist implements Checklist {

    /** The driver's words for users: step titles and details ({@code messages.properties} beside this class). */
    public static final Texts TEXTS = Texts.beside(DeviceChecklist.class, "messages");

    private final GuomiSession session;
    private final List<Result> results = new ArrayList<>();
    private Consumer<Result> listener = r -> { };

    DeviceChecklist(GuomiSession session) {
        this.session = session;
    }

    @Override
    public List<Step> steps() {
        return allSteps();
    }

    /**
     * All ten steps in order, titled in the JVM's language as it is now: the transport's three
     * ({@link SkfEnvironment#steps()}), then the seven this runs.
     */
    public static List<Step> allSteps() {
        return Stream.concat(SkfEnvironment.steps().stream(), Stream.of(DeviceStep.values()).map(DeviceStep::step)).toList();
    }

    /** Runs the device steps (the transport's come from {@code DeviceTransport.checkEnvironment}). */
    @Override
    public synchronized List<Result> run(Inputs inputs, Interaction interaction, Consumer<Result> resultListener) {
        results.clear();
        listener = resultListener;
        DeviceStep current = DeviceStep.DEVICE_INFO;
        try {
            DeviceInfo info = session.device().info();
            String detail = TEXTS.get("device.info", info.manufacturer(), info.label(), info.serialNumber(), info.firmwareVersion());
            if (!info.supportsSm2() || !info.supportsSm3()) {
                report(current, Status.WARNING, TEXTS.get("device.info.noSm2", detail), null);
            } else {
                report(current, Status.PASSED, detail, null);
            }

            current = DeviceStep.APPLICATION;
            SkfApplication application = session.application();
            report(current, Status.PASSED, String.join(TEXTS.get("list.separator"), session.device().applications()), null);

            current = DeviceStep.SM2_CONTAINER;
            try (SkfContainer container = eccContainer(application)) {
                report(current, Status.PASSED, container.name(), null);

                current = DeviceStep.CERTIFICATE;
                byte[] der = container.certificate(true).orElseThrow(() -> GuomiProblem.NO_CERTIFICATE.failure("container "
                        + container.name() + " holds no signing certificate"));
                Sm2Certificate certificate = Sm2Certificate.parse(der);
                report(current, Status.PASSED, TEXTS.get("certificate.parsed", certificate.subject(), certificate.signatureAlgorithm()), null);

                current = DeviceStep.CERTIFICATE_VALID;
                Instant now = Instant.now();
                certificate.checkValidAt(now);
                if (inputs.caCertificate().isPresent()) {
                    CertificateChain.Outcome chain = new CertificateChain().check(der, inputs.caCertificate().get(),
                            inputs.revocationLists(), now);
                    report(current, Status.PASSED, TEXTS.get("certificate.valid", certificate.notAfter().toString(), chain.describe()), null);
                } else {
                    report(current, Status.SKIPPED, TEXTS.get("certificate.valid.noCa", certificate.notAfter().toString()),
                            GuomiProblem.CA_NOT_GIVEN.code());
                }

                current = DeviceStep.PIN_NOT_LOCKED;
                PinStatus pin = session.status(PinType.USER);
                if (pin.isLocked()) {
                    throw SkfException.skf("SKF_GetPINInfo", SkfException.SAR_PIN_LOCKED, "the user PIN is locked (0 of " + pin.maxTries()
                            + " tries left)");
                }
                String tries = TEXTS.get(pin.isDefault() ? "pin.triesLeft.default" : "pin.triesLeft", pin.triesLeft(), pin.maxTries());
                report(current, pin.triesLeft() == 1 || pin.isDefault() ? Status.WARNING : Status.PASSED, tries, null);

                current = DeviceStep.SIGNATURE;
                if (inputs.pin().isEmpty()) {
                    report(current, Status.SKIPPED, TEXTS.get("signature.noPin"), GuomiProblem.PIN_NOT_GIVEN.code());
                    return List.copyOf(results);
                }
                PinGuard guard = inputs.pinGuard().orElseGet(() -> PinGuard.of(session));
                guard.verify(PinType.USER, inputs.pin().get(), interaction);
                try {
                    LogonRehearsal.run(session.device(), container, certificate, Sm2.DEFAULT_ID);
                } finally {
                    guard.logout();
                }
                report(current, Status.PASSED, TEXTS.get("signature.verified"), null);
            }
        } catch (TokenException e) {
            fail(current, e);
        }
        return List.copyOf(results);
    }

    private static SkfContainer eccContainer(SkfApplication application) throws TokenException {
        List<String> containers = application.containers();
        for (String name : containers) {
            SkfContainer container = application.openContainer(name);
            boolean ecc = false;
            try {
                ecc = container.type() == SkfContainer.TYPE_ECC;
            } finally {
                if (!ecc) {
                    container.close();
                }
            }
            if (ecc) {
                return container;
            }
        }
        throw GuomiProblem.NO_ECC_CONTAINER.failure(containers.isEmpty() ? "the application holds no container"
                : "none of the containers (" + String.join(", ", containers) + ") holds an SM2 key");
    }

    /** The step failed (a pulled key is said as such); the later steps are not checked. */
    private void fail(DeviceStep step, TokenException e) {
        String detail = SkfException.isRemoval(e) ? TEXTS.get("step.keyRemoved", e.getMessage()) : e.getMessage();
        report(step, Status.FAILED, detail, e.code());
        for (DeviceStep later : DeviceStep.values()) {
            if (later.ordinal() > step.ordinal()) {
                emit(SkfEnvironment.skippedAfter(later.step(), step.step()));
            }
        }
    }

    private void report(DeviceStep step, Status status, String detail, ErrorCode code) {
        emit(new Result(step.step(), status, detail, Optional.ofNullable(code)));
    }

    private void emit(Result result) {
        results.add(result);
        listener.accept(result);
    }
}
