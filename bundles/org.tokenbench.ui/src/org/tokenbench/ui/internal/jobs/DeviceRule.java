package org.tokenbench.ui.internal.jobs;

import java.util.Objects;

import org.eclipse.core.runtime.jobs.ISchedulingRule;

/**
 * One device, one scheduling rule: Jobs on the same device id queue up behind each other (a Connect pressed during a
 * burn runs after it), Jobs on different devices run side by side. The devices service's own per-device lock still
 * guards against the CLI and identification; this rule keeps the workbench's Jobs from even trying meanwhile.
 */
public record DeviceRule(String deviceId) implements ISchedulingRule {

    public DeviceRule {
        Objects.requireNonNull(deviceId, "deviceId");
    }

    @Override
    public boolean contains(ISchedulingRule rule) {
        return equals(rule);
    }

    @Override
    public boolean isConflicting(ISchedulingRule rule) {
        return rule instanceof DeviceRule other && other.deviceId.equals(deviceId);
    }
}
