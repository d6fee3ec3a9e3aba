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
import org.tokenbench.testing.ScriptedInteraction;
import org.tokenbench.testing.pcsc.SafeIdVirtualToken;

/** Molto2 multi-profile tokens through pcscd: profiles, digits, overwrite protection, clock-only sync. */
class Molto2Test extends VirtualTokenTest {

    private static final String URI = "otpauth://totp/Cloud:root?secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP&issuer=Cloud&digits=8";
    private static final String OTHER_URI = URI.replace("JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP", "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");

    @Test
    void theFactoryCustomerKeyGivesThePublishedSm4Key() {
        assertArrayEquals(HexFormat.of().parseHex("099250FDB017F442DA429ECBBEE17F79"), SafeIdVirtualToken.molto2Key("TOKEN2MOLTO1-KEY"));
    }

    @Test
    void programsAnEightDigitProfileWithTheFactoryKey() throws Exception {
        SafeIdVirtualToken token = SafeIdVirtualToken.molto2("TB-MOLTO2-1");
        try (TokenSession session = insertAndOpen(token, "molto2", new ScriptedInteraction(false)); OtpAccount account = OtpAuthUri.parse(URI)) {
            assertEquals("molto2", session.identity().family());
            burn(session, account, 30, 3);
            assertTrue(token.hasSeed(3));
            assertFalse(token.hasSeed(0), "other profiles untouched");
            assertEquals(expectedCode(URI, token.tokenTime()), token.displayedCode(3));
            assertEquals(8, token.displayedCode(3).length());
        }
    }

    @Test
    void theLastProfileIsNinetyNineAndTheHundredthIsRefusedByTheDescriptor() throws Exception {
        SafeIdVirtualToken token = SafeIdVirtualToken.molto2("TB-MOLTO2-4");
        try (TokenSession session = insertAndOpen(token, "molto2", new ScriptedInteraction(false)); OtpAccount account = OtpAuthUri.parse(URI)) {
            burn(session, account, 120, 99);
            assertTrue(token.hasSeed(99));
            TokenException e = assertThrows(TokenException.class, () -> burn(session, account, 30, 100));
            assertTrue(e.getMessage().contains("0 to 99"), e.getMessage());
        }
    }

    @Test
    void aProfileInUseIsOverwrittenOnlyWhenTheUserSaysSo() throws Exception {
        SafeIdVirtualToken token = SafeIdVirtualToken.molto2("TB-MOLTO2-2");
        ScriptedInteraction declines = new ScriptedInteraction(false);
        try (TokenSession session = insertAndOpen(token, "molto2", declines); OtpAccount first = OtpAuthUri.parse(URI);
             OtpAccount second = OtpAuthUri.parse(OTHER_URI)) {
            burn(session, first, 30, 5);
            String before = token.displayedCode(5);
            TokenException e = assertThrows(TokenException.class, () -> burn(session, second, 30, 5));
            assertEquals("safeid:0x6985", e.code().toString(), e.getMessage());
            assertEquals(before, token.displayedCode(5), "the seed in use is still there");
            assertEquals(SafeIdVirtualToken.INITIAL_TRIES, token.triesLeft(), "refused before authenticating");
            assertEquals(1, declines.questions.size());
        }
        ScriptedInteraction agrees = new ScriptedInteraction(true);
        try (TokenSession session = driver.open(channel, agrees); OtpAccount second = OtpAuthUri.parse(OTHER_URI)) {
            burn(session, second, 30, 5);
            assertEquals(expectedCode(OTHER_URI, token.tokenTime()), token.displayedCode(5), "overwritten after the yes");
        }
    }

    @Test
    void clockSyncSetsTheClockAndKeepsTheSeeds() throws Exception {
        SafeIdVirtualToken token = SafeIdVirtualToken.molto2("TB-MOLTO2-3");
        try (TokenSession session = insertAndOpen(token, "molto2", new ScriptedInteraction(false)); OtpAccount account = OtpAuthUri.parse(URI)) {
            burn(session, account, 30, 0);
            token.drift(240);
            session.feature(ClockSetting.class).orElseThrow().setClock(Instant.now(), ProgressMonitor.NONE);
            assertEquals(System.currentTimeMillis() / 1000, token.tokenTime(), 2.0);
            assertTrue(token.hasSeed(0), "a clock-only sync keeps the seed");
            assertEquals(expectedCode(URI, token.tokenTime()), token.displayedCode(0));
        }
    }

    @Test
    void singleProfileTokensDoNotOfferAClockOnlySync() throws Exception {
        SafeIdVirtualToken token = SafeIdVirtualToken.factoryNew("TB-SINGLE-CLK");
        try (TokenSession session = insertAndOpen(token, "single-profile", new ScriptedInteraction(false))) {
            assertTrue(session.feature(ClockSetting.class).isEmpty());
        }
    }
}
