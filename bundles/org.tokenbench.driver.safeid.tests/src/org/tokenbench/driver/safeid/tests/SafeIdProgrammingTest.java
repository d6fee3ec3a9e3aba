package org.tokenbench.driver.safeid.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HexFormat;

import org.junit.jupiter.api.Test;
import org.tokenbench.core.ProgressMonitor;
import org.tokenbench.core.Secret;
import org.tokenbench.core.TokenException;
import org.tokenbench.core.driver.AccessKey;
import org.tokenbench.core.driver.DriverRegistry;
import org.tokenbench.core.driver.TokenSession;
import org.tokenbench.otp.OtpAccount;
import org.tokenbench.otp.OtpAuthUri;
import org.tokenbench.otp.TokenProgrammer;
import org.tokenbench.pcsc.ApduChannel;
import org.tokenbench.pcsc.PcscReaders;
import org.tokenbench.testing.ScriptedInteraction;
import org.tokenbench.testing.OsgiServices;
import org.tokenbench.testing.pcsc.SafeIdVirtualToken;
import org.tokenbench.testing.pcsc.VirtualReader;
import org.tokenbench.testing.pcsc.VpcdCardHost;

/** The driver against a virtual token behind real pcscd + vsmartcard-vpcd (releng/test starts pcscd). */
class SafeIdProgrammingTest extends VirtualTokenTest {

    private static final String URI = "otpauth://totp/ACME:ops@example.com?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"
            + "&issuer=ACME&algorithm=SHA256&period=60";
    /** challenge, authenticate, configure, write seed: the APDUs of one burn after the session opened. */
    private static final int APDUS_PER_BURN = 4;

    private static SafeIdVirtualToken token(String serial, long clockOffsetSeconds) {
        return new SafeIdVirtualToken(SafeIdVirtualToken.VENDOR_KEY, serial, clockOffsetSeconds, () -> System.currentTimeMillis() / 1000);
    }

    private TokenSession open(SafeIdVirtualToken token, ScriptedInteraction user) throws Exception {
        reader.insert(token);
        ApduChannel channel = PcscReaders.connect(VirtualReader.NAME);
        assertTrue(driver.probe(channel).isPresent(), "the driver must recognise its token");
        return driver.open(channel, user);
    }

    @Test
    void theDriverIsADeclarativeServicesComponent() throws Exception {
        DriverRegistry registry = OsgiServices.await(DriverRegistry.class);
        assertTrue(registry.drivers().stream().anyMatch(d -> d.info().id().equals("org.tokenbench.driver.safeid")),
                "registered drivers: " + registry.drivers());
    }

    @Test
    void programsSeedAndSettingsAndConfirmsTheDisplayedCode() throws Exception {
        SafeIdVirtualToken token = token("TB-SAFEID-01", -90);
        ScriptedInteraction user = new ScriptedInteraction(false, token::displayedCode);
        try (TokenSession session = open(token, user); OtpAccount account = OtpAuthUri.parse(URI)) {
            assertEquals("TB-SAFEID-01", session.identity().serial());
            TokenProgrammer.Result result = programmer.program(session, account, 30, false, user, ProgressMonitor.NONE);
            assertEquals(0, result.confirmedOffset());
            assertEquals(-90, result.skewBefore().toSeconds(), 3);
            assertTrue(token.hasSeed());
            assertEquals(2, token.hmacAlgorithm(), "SHA-256 configured");
            assertEquals(60, token.stepSeconds());
            assertEquals(System.currentTimeMillis() / 1000, token.tokenTime(), 3.0, "token clock set to the PC's");
            assertTrue(user.told.stream().anyMatch(m -> m.contains("behind the PC")), user.told.toString());
        }
    }

    @Test
    void aWrongKeyBurnsExactlyOneTryAndTheDriverStops() throws Exception {
        SafeIdVirtualToken token = token("TB-SAFEID-02", 0);
        ScriptedInteraction user = new ScriptedInteraction(false, token::displayedCode);
        try (TokenSession session = open(token, user); OtpAccount account = OtpAuthUri.parse(URI);
             Secret wrongKey = Secret.adopt(HexFormat.of().parseHex("00112233445566778899AABBCCDDEEFF"))) {
            session.feature(AccessKey.class).orElseThrow().use(wrongKey);
            TokenException e = assertThrows(TokenException.class,
                    () -> programmer.program(session, account, 30, false, user, ProgressMonitor.NONE));
            assertEquals("safeid:0x63C9", e.code().toString(), e.getMessage());
            assertEquals(SafeIdVirtualToken.INITIAL_TRIES - 1, token.triesLeft(), "exactly one try burned, no retry");
            assertFalse(token.hasSeed());
        }
    }

    @Test
    void theLastTryIsNotSpentWithoutConfirmation() throws Exception {
        SafeIdVirtualToken token = token("TB-SAFEID-03", 0);
        token.setTriesLeft(2);
        ScriptedInteraction user = new ScriptedInteraction(false, token::displayedCode);
        try (TokenSession session = open(token, user); OtpAccount account = OtpAuthUri.parse(URI);
             Secret wrongKey = Secret.adopt(new byte[16])) {
            session.feature(AccessKey.class).orElseThrow().use(wrongKey);
            assertThrows(TokenException.class, () -> programmer.program(session, account, 30, false, user, ProgressMonitor.NONE));
            assertEquals(1, token.triesLeft());
            TokenException refused = assertThrows(TokenException.class,
                    () -> programmer.program(session, account, 30, false, user, ProgressMonitor.NONE));
            assertEquals("safeid:0x63C1", refused.code().toString(), refused.getMessage());
            assertTrue(refused.getMessage().contains("not confirmed"), refused.getMessage());
            assertEquals(1, token.triesLeft(), "nothing was sent: the last try is still there");
            assertEquals(1, user.questions.size(), user.questions.toString());
        }
    }

    @Test
    void aTokenPulledAtAnyApduOfTheBurnFailsAndHoldsNoSeed() throws Exception {
        for (int k = 1; k <= APDUS_PER_BURN; k++) {
            SafeIdVirtualToken token = token("TB-PULL-" + k, 0);
            ScriptedInteraction user = new ScriptedInteraction(false, token::displayedCode);
            VpcdCardHost host = reader.insert(token);
            try (TokenSession session = driver.open(PcscReaders.connect(VirtualReader.NAME), user);
                 OtpAccount account = OtpAuthUri.parse(URI)) {
                // The programmer reads the token clock first (APDU 1), then burns: burn APDU k is APDU k + 1.
                host.removeAtApdu(k + 1);
                TokenException e = assertThrows(TokenException.class,
                        () -> programmer.program(session, account, 30, false, user, ProgressMonitor.NONE), "burn APDU " + k);
                assertEquals("pcsc:0x80100069", e.code().toString(), "burn APDU " + k + ": " + e.getMessage());
            }
            assertFalse(token.hasSeed(), "pulled at burn APDU " + k + ": no seed may be recorded");
            reader.remove();
        }
    }

    @Test
    void aLargeClockDifferenceStopsProgrammingUnlessForced() throws Exception {
        SafeIdVirtualToken token = token("TB-SAFEID-04", 900);
        ScriptedInteraction user = new ScriptedInteraction(false, token::displayedCode);
        try (TokenSession session = open(token, user); OtpAccount account = OtpAuthUri.parse(URI)) {
            TokenException e = assertThrows(TokenException.class,
                    () -> programmer.program(session, account, 30, false, user, ProgressMonitor.NONE));
            assertEquals("tokenbench:0x0003", e.code().toString());
            assertTrue(e.getMessage().contains("900 s ahead of the PC"), e.getMessage());
            assertFalse(token.hasSeed());
            assertEquals(SafeIdVirtualToken.INITIAL_TRIES, token.triesLeft(), "refused before authenticating");

            programmer.program(session, account, 30, true, user, ProgressMonitor.NONE);
            assertTrue(token.hasSeed());
        }
    }

    @Test
    void settingsTheTokenCannotHoldAreRefusedBeforeAnythingIsSent() throws Exception {
        SafeIdVirtualToken token = token("TB-SAFEID-05", 0);
        ScriptedInteraction user = new ScriptedInteraction(false, token::displayedCode);
        try (TokenSession session = open(token, user);
             OtpAccount account = OtpAuthUri.parse(URI.replace("&period=60", "&digits=8"))) {
            TokenException e = assertThrows(TokenException.class,
                    () -> programmer.program(session, account, 30, false, user, ProgressMonitor.NONE));
            assertEquals("tokenbench:0x0005", e.code().toString());
            assertTrue(e.getMessage().contains("6-digit"), e.getMessage());
            assertEquals(SafeIdVirtualToken.INITIAL_TRIES, token.triesLeft());
        }
    }

    @Test
    void measureOneBurnAgainstTheApduRoundTripFloor() throws Exception {
        SafeIdVirtualToken token = token("TB-SAFEID-06", 0);
        ScriptedInteraction user = new ScriptedInteraction(false, token::displayedCode);
        reader.insert(token);
        try (ApduChannel channel = PcscReaders.connect(VirtualReader.NAME)) {
            int rounds = 200;
            long start = System.nanoTime();
            for (int i = 0; i < rounds; i++) {
                channel.transmit(org.tokenbench.pcsc.Apdu.of(0x80, 0x41, 0x00, 0x00, new byte[] {0x02, 0x11}, org.tokenbench.pcsc.Apdu.NO_LE));
            }
            double floorMillis = (System.nanoTime() - start) / 1e6 / rounds;
            try (TokenSession session = driver.open(channel, user); OtpAccount account = OtpAuthUri.parse(URI)) {
                programmer.program(session, account, 30, false, user, ProgressMonitor.NONE); // warm-up: class loading, JIT
                int before = channel.exchanges();
                long burnStart = System.nanoTime();
                programmer.program(session, account, 30, false, user, ProgressMonitor.NONE);
                double burnMillis = (System.nanoTime() - burnStart) / 1e6;
                int apdus = channel.exchanges() - before;
                // Reported, not asserted: timing belongs in measurements, not pass/fail conditions.
                System.out.printf("MEASURE safeid burn: %d APDUs, %.2f ms; APDU round-trip floor %.3f ms; burn/floor %.1f%n",
                        apdus, burnMillis, floorMillis, burnMillis / (apdus * floorMillis));
                assertEquals(1 + APDUS_PER_BURN, apdus, "clock read + challenge, authenticate, configure, seed");

                // 100 complete programmings (clock check, burn, confirmation) in sequence; the physical swap of
                // tokens is not in it: pcscd needs about a second to notice one, whatever TokenBench does.
                int runs = 100;
                long runsStart = System.nanoTime();
                for (int i = 0; i < runs; i++) {
                    programmer.program(session, account, 30, false, user, ProgressMonitor.NONE);
                }
                System.out.printf("MEASURE safeid 100 programmings in sequence: %.1f ms total, %.2f ms each%n",
                        (System.nanoTime() - runsStart) / 1e6, (System.nanoTime() - runsStart) / 1e6 / runs);
            }
        }
    }
}
