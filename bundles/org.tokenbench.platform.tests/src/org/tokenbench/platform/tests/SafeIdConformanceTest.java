package org.tokenbench.platform.tests;

import org.tokenbench.core.TokenException;
import org.tokenbench.core.device.DeviceSession;
import org.tokenbench.core.driver.TokenClock;
import org.tokenbench.testing.conformance.PcscDriverConformance;
import org.tokenbench.testing.pcsc.SafeIdVirtualToken;
import org.tokenbench.testing.pcsc.VirtualCard;

/** The SafeID driver keeps the driver contracts (the conformance suite every driver runs), on an NFC token. */
class SafeIdConformanceTest extends PcscDriverConformance {

    @Override
    protected String driverId() {
        return "org.tokenbench.driver.safeid";
    }

    @Override
    protected VirtualCard newCard() {
        return SafeIdVirtualToken.factoryNew("TB-CONFORM-1");
    }

    @Override
    protected String deviceState() {
        SafeIdVirtualToken token = (SafeIdVirtualToken) card();
        return "seed=" + token.hasSeed() + " tries=" + token.triesLeft() + " step=" + token.stepSeconds() + " hmac=" + token.hmacAlgorithm();
    }

    @Override
    protected void operate(DeviceSession session) throws TokenException {
        session.feature(TokenClock.class).orElseThrow().tokenTime();
    }
}
