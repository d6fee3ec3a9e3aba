package org.tokenbench.core.fleet;

import java.util.Objects;
import java.util.Optional;

import org.tokenbench.core.ErrorCode;

/**
 * One thing done.
 *
 * @param action  what was done, one of the {@code AuditEvent} constants or a driver's own dotted name
 * @param family  the device family ({@code FamilyDescriptor#id()}), empty when no device was involved
 * @param serial  the device's serial number, empty when no device was involved
 * @param outcome how it ended
 * @param code    the error code of a failure or refusal
 * @param detail  what a reader of the log needs beside that (an account label, a file name); never a secret
 */
public record AuditEvent(String action, String family, String serial, Outcome outcome, Optional<ErrorCode> code, String detail) {

    public enum Outcome {
        SUCCEEDED, FAILED, REFUSED, CANCELED
    }

    public static final String PROGRAM = "token.program";
    public static final String CONFIRM = "token.confirm";
    public static final String CLOCK_SYNC = "token.clock-sync";
    public static final String PIN_VERIFY = "key.pin-verify";
    public static final String CERTIFICATE_CHECK = "key.certificate-check";
    public static final String ENROL = "otp.enrol";
    public static final String BACKUP = "otp.backup";
    public static final String RESTORE = "otp.restore";
    public static final String IMPORT = "seeds.import";
    public static final String EXPORT = "seeds.export";
    public static final String CREDENTIAL_ADD = "credential.add";
    public static final String CREDENTIAL_DELETE = "credential.delete";
    public static final String DEVICE_RESET = "device.reset";
    public static final String INVENTORY_CHANGE = "inventory.change";

    public AuditEvent {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(family, "family");
        Objects.requireNonNull(serial, "serial");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(detail, "detail");
    }

    public static AuditEvent succeeded(String action, String family, String serial, String detail) {
        return new AuditEvent(action, family, serial, Outcome.SUCCEEDED, Optional.empty(), detail);
    }

    public static AuditEvent failed(String action, String family, String serial, ErrorCode code, String detail) {
        return new AuditEvent(action, family, serial, Outcome.FAILED, Optional.of(code), detail);
    }
}
