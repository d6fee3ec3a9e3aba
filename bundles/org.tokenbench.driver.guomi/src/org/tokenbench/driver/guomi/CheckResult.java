package org.tokenbench.driver.guomi;

import java.util.Optional;

import org.tokenbench.core.ErrorCode;

/**
 * One checklist step's outcome. {@code code} names the condition in the diagnostics catalogs, where its causes
 * and remedy are (the driver does not depend on the catalogs; the CLI and the workbench render them).
 */
public record CheckResult(CheckStep step, Status status, String detail, Optional<ErrorCode> code) {

    public enum Status {
        PASSED, WARNING, FAILED, SKIPPED
    }

    static CheckResult passed(CheckStep step, String detail) {
        return new CheckResult(step, Status.PASSED, detail, Optional.empty());
    }

    static CheckResult warning(CheckStep step, String detail, ErrorCode code) {
        return new CheckResult(step, Status.WARNING, detail, Optional.ofNullable(code));
    }

    static CheckResult failed(CheckStep step, GuomiException e) {
        return new CheckResult(step, Status.FAILED, e.getMessage(), Optional.of(e.code()));
    }

    static CheckResult skipped(CheckStep step, String why, ErrorCode code) {
        return new CheckResult(step, Status.SKIPPED, why, Optional.ofNullable(code));
    }
}
