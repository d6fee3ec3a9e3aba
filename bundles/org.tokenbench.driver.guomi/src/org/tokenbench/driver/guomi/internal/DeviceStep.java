package org.tokenbench.driver.guomi;

/** The "USB key environment" checklist, in the order a support engineer works through it. */
public enum CheckStep {
    LIBRARY_LOADS("Vendor SKF library found and loadable"),
    FUNCTIONS_EXPORTED("Library exports the SKF functions"),
    DEVICE_PRESENT("USB key present"),
    DEVICE_INFO("Device information readable"),
    APPLICATION("Application present"),
    SM2_CONTAINER("Container with an SM2 key"),
    CERTIFICATE("Signing certificate present and parseable"),
    CERTIFICATE_VALID("Certificate valid today and issued by the CA"),
    PIN_NOT_LOCKED("User PIN not locked"),
    SIGNATURE("Logon signature round trip");

    private final String title;

    CheckStep(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }
}
