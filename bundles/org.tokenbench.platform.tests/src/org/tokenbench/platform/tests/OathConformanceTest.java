package org.tokenbench.platform.tests;

import org.tokenbench.core.TokenException;
import org.tokenbench.core.device.DeviceSession;
import org.tokenbench.core.driver.CredentialStore;
import org.tokenbench.testing.conformance.PcscDriverConformance;
import org.tokenbench.testing.pcsc.OathVirtualCard;
import org.tokenbench.testing.pcsc.VirtualCard;

/** The YKOATH driver keeps the driver contracts (the conformance suite every driver runs), on a YubiKey 5-like card. */
class OathConformanceTest extends PcscDriverConformance {

    @Override
    protected String driverId() {
        return "org.tokenbench.driver.oath";
    }

    @Override
    protected VirtualCard newCard() {
        return OathVirtualCard.yubiKey5();
    }

    @Override
    protected String deviceState() {
        OathVirtualCard oath = (OathVirtualCard) card();
        return "credentials=" + oath.names() + " password=" + oath.hasPassword();
    }

    @Override
    protected void operate(DeviceSession session) throws TokenException {
        session.feature(CredentialStore.class).orElseThrow().list();
    }
}
