package org.tokenbench.driver.guomi.internal;

import org.tokenbench.core.driver.Checklist;

/** The device part of the "USB key environment" checklist, after the SKF transport's library and presence steps. */
enum DeviceStep {
    DEVICE_INFO("device-info", "Device information readable"),
    APPLICATION("application", "Application present"),
    SM2_CONTAINER("sm2-container", "Container with an SM2 key"),
    CERTIFICATE("certificate", "Signing certificate present and parseable"),
    CERTIFICATE_VALID("certificate-valid", "Certificate valid today and issued by the CA"),
    PIN_NOT_LOCKED("pin-not-locked", "User PIN not locked"),
    SIGNATURE("signature", "Logon signature round trip");

    private final Checklist.Step step;

    DeviceStep(String id, String title) {
        this.step = new Checklist.Step(id, title);
    }

    Checklist.Step step() {
        return step;
    }
}
