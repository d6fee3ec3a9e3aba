package org.tokenbench.driver.oath.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.tokenbench.core.Secret;
import org.tokenbench.core.TokenException;
import org.tokenbench.core.driver.AccessKey;
import org.tokenbench.core.driver.Atr;
import org.tokenbench.core.driver.CredentialStore;
import org.tokenbench.core.driver.DriverRegistry;
import org.tokenbench.core.driver.FamilyDescriptor;
import org.tokenbench.core.driver.Interaction;
import org.tokenbench.pcsc.PcscTransport;
import org.tokenbench.testing.OsgiServices;
import org.tokenbench.testing.ScriptedInteraction;
import org.tokenbench.testing.pcsc.OathVirtualCard;
import org.tokenbench.testing.pcsc.SafeIdVirtualToken;

/** The YKOATH driver against the virtual applet behind real pcscd + vsmartcard-vpcd. */
class OathDriverTest extends OathCardTest {

    static final String TOTP = "otpauth://totp/Example:alice@example.com?secret=JBSWY3DPEHPK3PXP&issuer=Example";
    static final String TOTP_SHA256_60_8 = "otpauth://totp/ACME:ops@example.com?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"
            + "&issuer=ACME&algorithm=SHA256&period=60&digits=8";
    static final String TOTP_SHA512 = "otpauth://totp/Bank:carol?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"
            + "&issuer=Bank&algorithm=SHA512&digits=7";
    static final String HOTP = "otpauth://hotp/VPN:dave?secret=JBSWY3DPEHPK3PXP&issuer=VPN&counter=5";
    static final ScriptedInteraction YES = new ScriptedInteraction(true);

    @Test
    void theDriverIsADeclarativeServicesComponentWhoseDescriptorKnowsYubiKeysButNotSafeIdTokens() throws Exception {
        DriverRegistry registry = OsgiServices.await(DriverRegistry.class);
        DriverRegistry.RegisteredDriver registered = registry.driver("org.tokenbench.driver.oath")
                .orElseThrow(() -> new AssertionError("registered drivers: " + registry.drivers()));
        assertEquals(List.of("yubikey", "compatible"), registered.descriptor().families().stream().map(FamilyDescriptor::id).toList());
        FamilyDescriptor yubikey = registered.descriptor().family("yubikey").orElseThrow();
        assertTrue(yubikey.mayBe(new Atr(OathVirtualCard.YUBIKEY5_ATR), "Virtual PCD 00 00"));
        assertTrue(yubikey.mayBe(new Atr(new byte[] {0x3B, 0x00}), "Yubico YubiKey OTP+FIDO+CCID 00 00"), "known by its reader too");
        assertFalse(registered.descriptor().mayClaim(new Atr(SafeIdVirtualToken.NFC_ATR), "Virtual PCD 00 00"));
        assertFalse(registered.descriptor().mayClaim(new Atr(SafeIdVirtualToken.USB_ATR), "Virtual PCD 00 00"));
    }

    @Test
    void theProbeIsOneSelectAndTellsAYubiKeyFromACardWithoutTheApplet() throws Exception {
        OathVirtualCard card = OathVirtualCard.yubiKey5();
        insert(card);
        channel = new PcscTransport().connect(reader.name(), Duration.ofSeconds(10), null);
        card.clearCommands();
        assertEquals("yubikey", driver.probe(channel).orElseThrow().family());
        assertEquals(List.of("00 A4 04 00"), card.commands(), "a probe is the OATH SELECT alone");
        closeSession();
        reader.remove();

        insert(SafeIdVirtualToken.factoryNew("TB-NOT-OATH"));
        channel = new PcscTransport().connect(reader.name(), Duration.ofSeconds(10), null);
        assertTrue(driver.probe(channel).isEmpty(), "a SafeID token has no OATH applet");
    }

    @Test
    void credentialsOfEveryKindGiveThePhoneAppsCodes() throws Exception {
        insert(OathVirtualCard.yubiKey5());
        CredentialStore store = open(YES);
        for (String uri : List.of(TOTP, TOTP_SHA256_60_8, TOTP_SHA512, HOTP)) {
            put(store, uri, false, YES);
        }
        assertEquals(List.of("Example:alice@example.com", "60/ACME:ops@example.com", "Bank:carol", "VPN:dave"),
                store.list().stream().map(CredentialStore.Credential::name).toList());
        CredentialStore.Credential sha256 = store.list().get(1);
        assertEquals(8, sha256.digits());
        assertEquals(60, sha256.periodSeconds());
        assertEquals(org.tokenbench.core.driver.HashAlgorithm.SHA256, sha256.algorithm());

        Instant now = Instant.now();
        Map<String, CredentialStore.Code> all = store.calculateAll(now).stream()
                .collect(Collectors.toMap(c -> c.credential().name(), c -> c));
        assertEquals(expected(TOTP, now.getEpochSecond()), all.get("Example:alice@example.com").code().orElseThrow());
        assertEquals(expected(TOTP_SHA256_60_8, now.getEpochSecond()), all.get("60/ACME:ops@example.com").code().orElseThrow(),
                "a 60 s credential is computed with its own step, not CALCULATE ALL's 30 s one");
        assertEquals(expected(TOTP_SHA512, now.getEpochSecond()), all.get("Bank:carol").code().orElseThrow());
        assertTrue(all.get("VPN:dave").code().isEmpty(), "a HOTP code is not computed in a listing (it would advance the counter)");
        assertEquals(expected(HOTP, 0), store.calculate("VPN:dave", now).code().orElseThrow(), "the first HOTP code is for counter 5");
        long step = now.getEpochSecond() / 60;
        assertEquals(Instant.ofEpochSecond(step * 60), all.get("60/ACME:ops@example.com").validFrom());
    }

    @Test
    void touchCredentialsSayTouchTheKeyAndComputeOnceTouched() throws Exception {
        OathVirtualCard card = OathVirtualCard.yubiKey5();
        insert(card);
        ScriptedInteraction user = new ScriptedInteraction(true);
        CredentialStore store = open(user);
        put(store, TOTP, true, user);
        CredentialStore.Code listed = store.calculateAll(Instant.now()).get(0);
        assertTrue(listed.credential().requiresTouch());
        assertEquals("touch the key", listed.whyNot().orElseThrow());
        Thread toucher = new Thread(() -> {
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                return;
            }
            card.touch();
        });
        toucher.start();
        Instant now = Instant.now();
        assertEquals(expected(TOTP, now.getEpochSecond()), store.calculate("Example:alice@example.com", now).code().orElseThrow());
        assertTrue(user.told.stream().anyMatch(m -> m.startsWith("Touch the key")), user.told.toString());
        toucher.join();
    }

    @Test
    void fourteenCredentialsComeBackWholeThroughSendRemainingAndTheApduCountsAreMeasured() throws Exception {
        OathVirtualCard card = OathVirtualCard.yubiKey5();
        insert(card);
        CredentialStore store = open(YES);
        int beforeAdd = host.apdusSeen();
        for (int i = 0; i < 14; i++) {
            put(store, "otpauth://totp/Service%20number%20" + i + ":someone.with.a.long.name." + i
                    + "@example.com?secret=JBSWY3DPEHPK3P" + (char) ('A' + i) + "A&issuer=Service%20number%20" + i, false, YES);
        }
        int add = host.apdusSeen() - beforeAdd;
        card.clearCommands();
        int beforeList = host.apdusSeen();
        List<CredentialStore.Credential> listed = store.list();
        int list = host.apdusSeen() - beforeList;
        assertEquals(14, listed.size());
        assertTrue(card.commands().contains("00 A5 00 00"), "answers longer than 255 bytes are fetched with SEND REMAINING: " + card.commands());
        int beforeAll = host.apdusSeen();
        List<CredentialStore.Code> codes = store.calculateAll(Instant.now());
        int all = host.apdusSeen() - beforeAll;
        assertEquals(14, codes.stream().filter(c -> c.code().isPresent()).count());
        System.out.println("YKOATH APDUs with 14 credentials: add " + add + " (" + (add / 14.0) + " each: LIST + PUT, LIST chained as it grows), list "
                + list + ", calculate-all " + all);
        assertEquals(14 * 2 + countChained(14), add, "each add is a LIST (to ask before overwriting) and a PUT");
        // Both are LIST + CALCULATE ALL, each answer in 255-byte pieces.
        assertEquals(list, all, "a listing and a calculate-all cost the same");
        assertTrue(list <= 8, "list " + list + ", calculate-all " + all);
    }

    /** SEND REMAININGs the LISTs of 0..n-1 credentials needed while adding n (each name here is ~60 bytes). */
    private static int countChained(int n) {
        int extra = 0;
        for (int held = 0; held < n; held++) {
            int bytes = 0;
            for (int i = 0; i < held; i++) {
                bytes += 2 + 1 + ("Service number " + i + ":someone.with.a.long.name." + i + "@example.com").length();
            }
            extra += Math.max(0, (bytes - 1) / OathVirtualCard.CHUNK);
        }
        return extra;
    }

    @Test
    void deleteAndRenameWorkAndAMissingNameIsReported() throws Exception {
        insert(OathVirtualCard.yubiKey5());
        CredentialStore store = open(YES);
        put(store, TOTP, false, YES);
        put(store, HOTP, false, YES);
        store.rename("Example:alice@example.com", "Example:alice");
        store.delete("VPN:dave");
        assertEquals(List.of("Example:alice"), store.list().stream().map(CredentialStore.Credential::name).toList());
        TokenException missing = assertThrows(TokenException.class, () -> store.delete("VPN:dave"));
        assertEquals("ykoath:0x6984", missing.code().toString());
    }

    @Test
    void renameIsRefusedWithoutACommandOnFirmwareBefore531() throws Exception {
        OathVirtualCard card = new OathVirtualCard(5, 2, 7);
        insert(card);
        CredentialStore store = open(YES);
        put(store, TOTP, false, YES);
        card.clearCommands();
        TokenException refused = assertThrows(TokenException.class, () -> store.rename("Example:alice@example.com", "x"));
        assertEquals("ykoath:0x0002", refused.code().toString());
        assertTrue(card.commands().isEmpty(), card.commands().toString());
    }

    @Test
    void anExistingNameIsOverwrittenOnlyAfterAYes() throws Exception {
        insert(OathVirtualCard.yubiKey5());
        CredentialStore store = open(YES);
        put(store, TOTP, false, YES);
        ScriptedInteraction no = new ScriptedInteraction(false);
        TokenException kept = assertThrows(TokenException.class, () -> put(store, TOTP.replace("JBSWY3DPEHPK3PXP", "GEZDGNBVGY3TQOJQ"), false, no));
        assertEquals("ykoath:0x0005", kept.code().toString());
        Instant now = Instant.now();
        assertEquals(expected(TOTP, now.getEpochSecond()), store.calculate("Example:alice@example.com", now).code().orElseThrow());
    }

    @Test
    void aPasswordIsSetUsedThroughAccessKeyOrAskedAndRemoved() throws Exception {
        OathVirtualCard card = OathVirtualCard.yubiKey5();
        insert(card);
        CredentialStore store = open(YES);
        put(store, TOTP, false, YES);
        store.setPassword(Optional.of(Secret.adopt("s3cret pass".getBytes(StandardCharsets.UTF_8))));
        assertTrue(card.hasPassword());

        store = open(Interaction.NONE);
        assertTrue(store.passwordProtected());
        TokenException none = assertThrows(TokenException.class, store::list);
        assertEquals("ykoath:0x0004", none.code().toString());

        store = open(Interaction.NONE);
        session.feature(AccessKey.class).orElseThrow().use(Secret.adopt("s3cret pass".getBytes(StandardCharsets.UTF_8)));
        assertEquals(1, store.list().size());

        store = open(ScriptedInteraction.typing("s3cret pass"));
        assertEquals(1, store.list().size(), "asked through the interaction");
        store.setPassword(Optional.empty());
        assertFalse(card.hasPassword());
        assertFalse(open(Interaction.NONE).passwordProtected());
    }

    @Test
    void aWrongPasswordIsReportedOnceNeverRetriedAndLocksNothing() throws Exception {
        OathVirtualCard card = OathVirtualCard.yubiKey5();
        insert(card);
        card.setPassword("right");
        card.clearCommands();
        CredentialStore store = open(ScriptedInteraction.typing("wrong"));
        TokenException refused = assertThrows(TokenException.class, store::list);
        assertEquals("ykoath:0x6984", refused.code().toString());
        assertEquals(1, card.commands().stream().filter(c -> c.equals("00 A3 00 00")).count(), "one VALIDATE, no retry");
        assertEquals(0, open(ScriptedInteraction.typing("right")).list().size(), "the right password still works: nothing was locked");
    }

    @Test
    void aCardThatCannotAnswerOurChallengeIsRefused() throws Exception {
        OathVirtualCard card = OathVirtualCard.yubiKey5();
        insert(card);
        card.setPassword("right");
        card.impersonate();
        TokenException refused = assertThrows(TokenException.class, () -> open(ScriptedInteraction.typing("anything")).list());
        assertEquals("ykoath:0x0001", refused.code().toString());
    }

    @Test
    void resetHappensOnlyAfterAYes() throws Exception {
        OathVirtualCard card = OathVirtualCard.yubiKey5();
        insert(card);
        CredentialStore store = open(YES);
        put(store, TOTP, false, YES);
        store.setPassword(Optional.of(Secret.adopt("pw".getBytes(StandardCharsets.UTF_8))));
        String before = session.identity().serial();
        card.clearCommands();
        assertFalse(store.reset(new ScriptedInteraction(false)));
        assertTrue(card.commands().isEmpty(), "nothing is sent without a yes");
        assertEquals(1, card.size());
        ScriptedInteraction yes = new ScriptedInteraction(true);
        assertTrue(store.reset(yes));
        assertTrue(yes.questions.get(0).contains("cannot be undone"), yes.questions.toString());
        assertEquals(0, card.size());
        assertFalse(card.hasPassword());
        assertFalse(before.equals(session.identity().serial()), "a reset applet has a new salt, so a new device id");
    }
}
