package org.tokenbench.core.driver;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import org.osgi.annotation.versioning.ConsumerType;
import org.tokenbench.core.ErrorCode;
import org.tokenbench.core.Secret;

/**
 * A session feature (and, for what comes before a device, a transport's {@code checkEnvironment}): a support
 * engineer's checklist, step by step. Each step passes, warns, fails or is skipped, with a detail line and a
 * diagnostics code for its causes and remedy. After a failure the later steps are reported as not checked.
 */
@ConsumerType
public interface Checklist {

    record Step(String id, String title) {
    }

    enum Status {
        PASSED, WARNING, FAILED, SKIPPED
    }

    record Result(Step step, Status status, String detail, Optional<ErrorCode> code) {
    }

    /**
     * What the user may give: the CA certificates (DER, or a PEM bundle with intermediates) the device's certificate
     * must chain to, a PIN for the steps that need one (verified through {@link PinGuard}), and revocation lists (DER or
     * PEM CRLs) to check the chain against. Steps whose input is missing are skipped, not passed.
     */
    record Inputs(Optional<byte[]> caCertificate, Optional<Secret> pin, Optional<byte[]> revocationLists, Optional<PinGuard> pinGuard) {
        public Inputs(Optional<byte[]> caCertificate, Optional<Secret> pin) {
            this(caCertificate, pin, Optional.empty());
        }

        public Inputs(Optional<byte[]> caCertificate, Optional<Secret> pin, Optional<byte[]> revocationLists) {
            this(caCertificate, pin, revocationLists, Optional.empty());
        }

        /**
         * The same inputs with the platform's guard for the steps that verify a PIN: the devices service fills it in
         * (it records each verification in the audit log); a driver uses it when present, else {@code PinGuard.of}.
         */
        public Inputs withPinGuard(PinGuard guard) {
            return new Inputs(caCertificate, pin, revocationLists, Optional.of(guard));
        }

        public static Inputs none() {
            return new Inputs(Optional.empty(), Optional.empty());
        }
    }

    /** True when nothing failed but some step was skipped: "passed with unchecked steps", not "verified". */
    static boolean passedWithUncheckedSteps(List<Result> results) {
        return results.stream().noneMatch(r -> r.status() == Status.FAILED) && results.stream().anyMatch(r -> r.status() == Status.SKIPPED);
    }

    /** The steps in the order they run. */
    List<Step> steps();

    /** Runs every step; {@code listener} sees each result as it is known (for a live checklist). */
    List<Result> run(Inputs inputs, Interaction interaction, Consumer<Result> listener);
}
