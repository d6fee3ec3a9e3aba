package org.tokenbench.driver.safeid.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.tokenbench.core.Secret;
import org.tokenbench.core.TokenException;
import org.tokenbench.core.driver.Atr;
import org.tokenbench.core.driver.DriverDescriptor;
import org.tokenbench.core.driver.DriverRegistry;
import org.tokenbench.core.driver.FamilyDescriptor;
import org.tokenbench.core.driver.HashAlgorithm;
import org.tokenbench.core.driver.SeedProgramming;
import org.tokenbench.core.driver.TokenClock;
import org.tokenbench.core.driver.TokenSession;
import org.tokenbench.otp.OtpAccount;
import org.tokenbench.otp.OtpAuthUri;
import org.tokenbench.pcsc.Apdu;
import org.tokenbench.pcsc.PcscTransport;
import org.tokenbench.testing.OsgiServices;
import org.tokenbench.testing.ScriptedInteraction;
import org.tokenbench.testing.pcsc.SafeIdVirtualToken;
import org.tokenbench.testing.pcsc.VirtualReader;

/** The single-profile family against a virtual token behind real pcscd + vsmartcard-vpcd. */
class SafeIdProgrammingTest extends VirtualTokenTest {

    static final String URI = "otpauth://totp/ACME:ops@example.com?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"
            + "&issuer=ACME&algorithm=SHA256&period=60";
    static final String SINGLE = "single-profile";

    static SafeIdVirtualToken token(String serial, long clockOffsetSeconds) {
        return new SafeIdVirtualToken(SafeIdVirtualToken.VENDOR_KEY, serial, clockOffsetSeconds, () -> System.currentTimeMillis() / 1000);
    }

    @Test
    void theDriverIsADeclarativeServicesComponentDescribedByItsFile() throws Exception {
        DriverRegistry registry = OsgiServices.await(DriverRegistry.class);
        DriverRegistry.RegisteredDriver registered = registry.driver("org.tokenbench.driver.safeid")
                .orElseThrow(() -> new AssertionError("registered drivers: " + registry.drivers()));
        assertEquals(List.of("single-profile", "molto2"), registered.descriptor().families().stream().map(FamilyDescriptor::id).toList());
    }

    @Test
    void theDescriptorTellsTheFamiliesApartByAtrAndSaysWhatEachHolds() {
        DriverDescriptor descriptor = driver.descriptor();
        FamilyDescriptor single = descriptor.family(SINGLE).orElseThrow();
        FamilyDescriptor molto2 = descriptor.family("molto2").orElseThrow();
        assertTrue(single.mayBe(new Atr(SafeIdVirtualToken.NFC_ATR)));
        assertFalse(single.mayBe(new Atr(SafeIdVirtualToken.USB_ATR)), "a USB token is not a contactless one");
        assertTrue(molto2.mayBe(new Atr(SafeIdVirtualToken.USB_ATR), "TOKEN2 Molto2 02 00"), "a Molto2 is known by its reader's name");
        assertFalse(molto2.mayBe(new Atr(SafeIdVirtualToken.USB_ATR), "Virtual PCD 00 00"),
                "its ATR alone says nothing (Token2 publishes none): a Molto2 elsewhere is offered only when the user lists it");
        assertFalse(descriptor.mayClaim(new Atr(HexFormat.of().parseHex("3B021450")), "Virtual PCD 00 00"),
                "a contact card in an ordinary reader gets no probe");
        assertEquals(List.of(15, 30, 60, 120), single.displaySeconds());
        assertEquals(100, molto2.profiles());
        assertEquals(List.of(4, 6, 8, 10), molto2.digits());
        assertTrue(single.unsupported(new SeedProgramming.Settings(HashAlgorithm.SHA1, 8, 30, 30, 0)).orElseThrow().contains("6-digit"));
        assertTrue(molto2.unsupported(new SeedProgramming.Settings(HashAlgorithm.SHA512, 6, 30, 30, 0)).isPresent());
        assertTrue(molto2.unsupported(new SeedProgramming.Settings(HashAlgorithm.SHA256, 10, 60, 120, 99)).isEmpty());
    }

    @Test
    void openingReadsSerialAndClockOnlyAndClosingLeavesTheChannelToItsOwner() throws Exception {
        SafeIdVirtualToken token = token("TB-SAFEID-00", 0);
        host = reader.insert(token);
        channel = new PcscTransport().connect(reader.name(), java.time.Duration.ZERO, null);
        int before = host.apdusSeen();
        TokenSession session = driver.open(channel, new ScriptedInteraction(false));
        assertEquals(1, host.apdusSeen() - before, "one APDU: serial and clock");
        assertEquals("single-profile", session.identity().family());
        assertEquals("TB-SAFEID-00", session.identity().serial());
        session.close();
        assertTrue(channel.transmit(Apdu.of(0x80, 0x41, 0x00, 0x00, new byte[] {0x02, 0x11}, Apdu.NO_LE)).isSuccess(),
                "the channel still works after the session closed: it belongs to whoever opened it");
        assertEquals(SafeIdVirtualToken.INITIAL_TRIES, token.triesLeft());
    }

    @Test
    void programsSeedSettingsAndClockAndTheTokenShowsTheExpectedCode() throws Exception {
        SafeIdVirtualToken token = token("TB-SAFEID-01", -90);
        ScriptedInteraction user = new ScriptedInteraction(false);
        try (TokenSession session = insertAndOpen(token, SINGLE, user); OtpAccount account = OtpAuthUri.parse(URI)) {
            long tokenClock = session.feature(TokenClock.class).orElseThrow().tokenTime().getEpochSecond();
            assertEquals(System.currentTimeMillis() / 1000 - 90, tokenClock, 3.0);
            burn(session, account, 60, 0);
            assertTrue(token.hasSeed());
            assertEquals(2, token.hmacAlgorithm(), "SHA-256 configured");
            assertEquals(60, token.stepSeconds());
            assertEquals(System.currentTimeMillis() / 1000, token.tokenTime(), 3.0, "token clock set to the PC's");
            assertEquals(expectedCode(URI, token.tokenTime()), token.displayedCode(), "the seed on the token is the account's");
            assertEquals(SafeIdVirtualToken.INITIAL_TRIES, token.triesLeft());
            assertTrue(user.told.stream().anyMatch(m -> m.startsWith("Token TB-SAFEID-01: using the vendor's published default access key")),
                    "a burn with the published key says so: " + user.told);
        }
    }

    @Test
    void aKeyGivenByTheUserIsUsedWithoutTheDefaultKeyWarning() throws Exception {
        SafeIdVirtualToken token = token("TB-SAFEID-08", 0);
        ScriptedInteraction user = new ScriptedInteraction(false);
        try (TokenSession session = insertAndOpen(token, SINGLE, user); OtpAccount account = OtpAuthUri.parse(URI);
             Secret key = Secret.adopt(SafeIdVirtualToken.VENDOR_KEY.clone())) {
            session.feature(org.tokenbench.core.driver.AccessKey.class).orElseThrow().use(key);
            burn(session, account, 60, 0);
            assertTrue(token.hasSeed());
            assertTrue(user.told.stream().noneMatch(m -> m.contains("published default access key")), user.told.toString());
        }
    }

    @Test
    void settingsTheFamilyCannotHoldAreRefusedBeforeAnythingIsSent() throws Exception {
        SafeIdVirtualToken token = token("TB-SAFEID-05", 0);
        try (TokenSession session = insertAndOpen(token, SINGLE, new ScriptedInteraction(false));
             OtpAccount account = OtpAuthUri.parse(URI.replace("&period=60", "&digits=8"))) {
            int before = host.apdusSeen();
            TokenException e = assertThrows(TokenException.class, () -> burn(session, account, 30, 0));
            assertEquals("safeid:0x6A80", e.code().toString());
            assertTrue(e.getMessage().contains("6-digit"), e.getMessage());
            assertEquals(before, host.apdusSeen(), "nothing sent");
            assertTrue(session.feature(SeedProgramming.class).orElseThrow().unsupported(settings(account, 45, 0)).isPresent());
        }
    }

    @Test
    void aTokenPulledAtAnyApduOfTheBurnFailsAndHoldsNoSeed() throws Exception {
        // challenge, authenticate, configure, write seed
        int apdusPerBurn = 4;
        for (int k = 1; k <= apdusPerBurn; k++) {
            SafeIdVirtualToken token = token("TB-PULL-" + k, 0);
            try (TokenSession session = insertAndOpen(token, SINGLE, new ScriptedInteraction(false));
                 OtpAccount account = OtpAuthUri.parse(URI)) {
                host.removeAtApdu(k);
                TokenException e = assertThrows(TokenException.class, () -> burn(session, account, 30, 0), "burn APDU " + k);
                assertEquals("pcsc:0x80100069", e.code().toString(), "burn APDU " + k + ": " + e.getMessage());
            }
            assertFalse(token.hasSeed(), "pulled at burn APDU " + k + ": no seed may be recorded");
            channel.close();
            channel = null;
            reader.remove();
        }
    }

    @Test
    void aKeyOfTheWrongLengthIsRefusedBeforeUse() throws Exception {
        try (TokenSession session = insertAndOpen(token("TB-SAFEID-07", 0), SINGLE, new ScriptedInteraction(false));
             Secret shortKey = Secret.adopt(new byte[8])) {
            assertThrows(IllegalArgumentException.class,
                    () -> session.feature(org.tokenbench.core.driver.AccessKey.class).orElseThrow().use(shortKey));
        }
    }
}
