package org.tokenbench.driver.safeid.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.tokenbench.core.ProgressMonitor;
import org.tokenbench.core.TokenException;
import org.tokenbench.core.driver.ClockSetting;
import org.tokenbench.core.driver.TokenSession;
import org.tokenbench.otp.OtpAccount;
import org.tokenbench.otp.OtpAuthUri;
import org.tokenbench.testing.ScriptedInteraction;
import org.tokenbench.testing.pcsc.SafeIdVirtualToken;

/**
 * Issue 13's fault campaign for the Molto2 write flows (the single-profile burn has its own in SafeIdProgrammingTest):
 * the token is pulled at every APDU of a profile write and of a clock-only sync, through real pcscd. Each pull must
 * end in the PC/SC "card removed" failure, never in a success, and leave the token as it was: no seed in the
 * profile, the clock not set.
 */
class CardPullCampaignTest extends VirtualTokenTest {

    private static final String URI = "otpauth://totp/Cloud:root?secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP&issuer=Cloud&digits=8";
    private static final String CARD_REMOVED = "pcsc:0x80100069";
    private static final int PROFILE = 3;
    private static final long DRIFT_SECONDS = 600;

    @Test
    void aMolto2PulledAtAnyApduOfAProfileWriteFailsAndHoldsNoSeed() throws Exception {
        int apdus = apdusOf(session -> {
            try (OtpAccount account = OtpAuthUri.parse(URI)) {
                burn(session, account, 30, PROFILE);
            }
        });
        assertTrue(apdus >= 4, "a profile write takes at least challenge, authenticate, configure, seed: " + apdus);
        for (int k = 1; k <= apdus; k++) {
            SafeIdVirtualToken token = SafeIdVirtualToken.molto2("TB-M2-PULL-" + k);
            try (TokenSession session = insertAndOpen(token, "molto2", new ScriptedInteraction(false)); OtpAccount account = OtpAuthUri.parse(URI)) {
                host.removeAtApdu(k);
                TokenException e = assertThrows(TokenException.class, () -> burn(session, account, 30, PROFILE), "write APDU " + k);
                assertEquals(CARD_REMOVED, e.code().toString(), "write APDU " + k + ": " + e.getMessage());
            }
            assertFalse(token.hasSeed(PROFILE), "pulled at write APDU " + k + " of " + apdus + ": no seed may be recorded");
            pullOut();
        }
        System.out.println("Molto2 profile write: pulled at each of its " + apdus + " APDUs, each failed cleanly with no seed");
    }

    @Test
    void aMolto2PulledAtAnyApduOfAClockSyncFailsAndKeepsItsClock() throws Exception {
        int apdus = apdusOf(session -> session.feature(ClockSetting.class).orElseThrow().setClock(Instant.now(), ProgressMonitor.NONE));
        assertTrue(apdus >= 3, "a clock sync takes at least challenge, authenticate, set clock: " + apdus);
        for (int k = 1; k <= apdus; k++) {
            SafeIdVirtualToken token = SafeIdVirtualToken.molto2("TB-M2-CLK-" + k);
            token.drift(DRIFT_SECONDS);
            try (TokenSession session = insertAndOpen(token, "molto2", new ScriptedInteraction(false))) {
                host.removeAtApdu(k);
                ClockSetting clock = session.feature(ClockSetting.class).orElseThrow();
                TokenException e = assertThrows(TokenException.class, () -> clock.setClock(Instant.now(), ProgressMonitor.NONE), "clock APDU " + k);
                assertEquals(CARD_REMOVED, e.code().toString(), "clock APDU " + k + ": " + e.getMessage());
            }
            assertEquals(System.currentTimeMillis() / 1000 + DRIFT_SECONDS, token.tokenTime(), 5.0,
                    "pulled at clock APDU " + k + " of " + apdus + ": the clock is as it was");
            pullOut();
        }
        System.out.println("Molto2 clock sync: pulled at each of its " + apdus + " APDUs, each failed cleanly, clock unchanged");
    }

    private interface Flow {
        void run(TokenSession session) throws Exception;
    }

    /** How many APDUs {@code flow} sends after the session is open, measured on a token nobody pulls. */
    private int apdusOf(Flow flow) throws Exception {
        SafeIdVirtualToken token = SafeIdVirtualToken.molto2("TB-M2-COUNT");
        int apdus;
        try (TokenSession session = insertAndOpen(token, "molto2", new ScriptedInteraction(false))) {
            int before = host.apdusSeen();
            flow.run(session);
            apdus = host.apdusSeen() - before;
        }
        pullOut();
        return apdus;
    }

    private void pullOut() throws Exception {
        channel.close();
        channel = null;
        reader.remove();
    }
}
