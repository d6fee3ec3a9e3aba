package org.tokenbench.driver.guomi.internal;

import org.tokenbench.core.driver.Checklist;

/**
 * The device part of the "USB key environment" checklist, after the SKF transport's library and presence steps.
 * Titles are {@code step.<id>} in {@code messages.properties} beside this class, in the JVM's language at each call.
 */
enum DeviceStep {
    DEVICE_INFO("device-info"),
    APPLICATION("application"),
    SM2_CONTAINER("sm2-container"),
    CERTIFICATE("certificate"),
    CERTIFICATE_VALID("certificate-valid"),
    PIN_NOT_LOCKED("pin-not-locked"),
    SIGNATURE("signature");

    private final String id;

    DeviceStep(String id) {
        this.id = id;
    }

    /** The step, titled in the JVM's language as it is now. */
    Checklist.Step step() {
        return new Checklist.Step(id, DeviceChecklist.TEXTS.get("step." + id));
    }
}
