package com.example.demotoken.tests;

import org.tokenbench.core.TokenException;
import org.tokenbench.core.device.DeviceSession;
import org.tokenbench.core.driver.TokenClock;
import org.tokenbench.testing.conformance.PcscDriverConformance;
import org.tokenbench.testing.pcsc.VirtualCard;

/** The demo token driver keeps TokenBench's driver contracts: the SDK's conformance suite on the virtual demo token. */
class DemoTokenConformanceTest extends PcscDriverConformance {

    @Override
    protected String driverId() {
        return "com.example.demotoken";
    }

    @Override
    protected VirtualCard newCard() {
        return new DemoTokenCard("DEMO-0001");
    }

    @Override
    protected String deviceState() {
        // The demo token holds nothing a command could change: its state is its serial.
        return "serial=DEMO-0001";
    }

    @Override
    protected void operate(DeviceSession session) throws TokenException {
        session.feature(TokenClock.class).orElseThrow().tokenTime();
    }
}
