package org.tokenbench.driver.safeid.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;
import org.tokenbench.core.ProgressMonitor;
import org.tokenbench.core.TokenException;
import org.tokenbench.core.driver.ClockSetting;
import org.tokenbench.core.driver.TokenSession;
import org.tokenbench.otp.OtpAccount;
import org.tokenbench.otp.OtpAuthUri;
import org.tokenbench.otp.TokenProgrammer;
import org.tokenbench.pcsc.PcscReaders;
import org.tokenbench.testing.ScriptedInteraction;
import org.tokenbench.testing.pcsc.SafeIdVirtualToken;
import org.tokenbench.testing.pcsc.VirtualReader;

/** Molto2 multi-profile tokens through pcscd: profiles, digits, overwrite protection, clock-only sync. */
class Molto2Test extends VirtualTokenTest {

    private static final String URI = "otpauth://totp/Cloud:root?secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP&issuer=Cloud&digits=8";

    private TokenSession open(SafeIdVirtualToken token, ScriptedInteraction user) throws Exception {
        reader.insert(token);
        var channel = PcscReaders.connect(VirtualReader.NAME);
        assertEquals("Molto2 multi-profile", driver.probe(channel).orElseThrow().family());
        return driver.open(channel, user);
    }

    @Test
    void theFactoryCustomerKeyGivesThePublishedSm4Key() {
        assertArrayEquals(HexFormat.of().parseHex("099250FDB017F442DA429ECBBEE17F79"), SafeIdVirtualToken.molto2Key("TOKEN2MOLTO1-KEY"));
    }

    @Test
    void programsAnEightDigitProfileWithTheFactoryKey() throws Exception {
        SafeIdVirtualToken token = SafeIdVirtualToken.molto2("TB-MOLTO2-1");
        ScriptedInteraction user = new ScriptedInteraction(false, () -> token.displayedCode(3));
        try (TokenSession session = open(token, user); OtpAccount account = OtpAuthUri.parse(URI)) {
            TokenProgrammer.Result result = programmer.program(session, account, 30, 3, false, user, ProgressMonitor.NONE);
            assertEquals(0, result.confirmedOffset());
            assertTrue(token.hasSeed(3));
            assertFalse(token.hasSeed(0), "other profiles untouched");
            assertEquals(8, token.displayedCode(3).length());
        }
    }

    @Test
    void aProfileInUseIsOverwrittenOnlyWhenTheUserSaysSo() throws Exception {
        SafeIdVirtualToken token = SafeIdVirtualToken.molto2("TB-MOLTO2-2");
        ScriptedInteraction declines = new ScriptedInteraction(false, () -> token.displayedCode(5));
        try (TokenSession session = open(token, declines); OtpAccount first = OtpAuthUri.parse(URI);
             OtpAccount second = OtpAuthUri.parse(URI.replace("JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP", "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"))) {
            programmer.program(session, first, 30, 5, false, declines, ProgressMonitor.NONE);
            String before = token.displayedCode(5);
            TokenException e = assertThrows(TokenException.class,
                    () -> programmer.program(session, second, 30, 5, false, declines, ProgressMonitor.NONE));
            assertEquals("safeid:0x6985", e.code().toString(), e.getMessage());
            assertEquals(before, token.displayedCode(5), "the seed in use is still there");
            assertEquals(SafeIdVirtualToken.INITIAL_TRIES, token.triesLeft(), "refused before authenticating");
        }
    }

    @Test
    void clockSyncSetsTheClockAndKeepsTheSeeds() throws Exception {
        SafeIdVirtualToken token = SafeIdVirtualToken.molto2("TB-MOLTO2-3");
        ScriptedInteraction user = new ScriptedInteraction(false, () -> token.displayedCode(0));
        try (TokenSession session = open(token, user); OtpAccount account = OtpAuthUri.parse(URI)) {
            programmer.program(session, account, 30, 0, false, user, ProgressMonitor.NONE);
            token.drift(240);
            session.feature(ClockSetting.class).orElseThrow().setClock(Instant.now(), ProgressMonitor.NONE);
            assertEquals(System.currentTimeMillis() / 1000, token.tokenTime(), 2.0);
            assertTrue(token.hasSeed(0), "a clock-only sync keeps the seed");
        }
    }

    @Test
    void singleProfileTokensDoNotOfferAClockOnlySync() throws Exception {
        SafeIdVirtualToken token = SafeIdVirtualToken.factoryNew("TB-SINGLE-CLK");
        reader.insert(token);
        try (TokenSession session = driver.open(PcscReaders.connect(VirtualReader.NAME), new ScriptedInteraction(false, () -> null))) {
            assertTrue(session.feature(ClockSetting.class).isEmpty());
        }
    }
}
