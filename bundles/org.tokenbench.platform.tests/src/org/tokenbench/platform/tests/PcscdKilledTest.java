package org.tokenbench.platform.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tokenbench.platform.tests.DeviceWaits.await;
import static org.tokenbench.platform.tests.DeviceWaits.claimedBy;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.tokenbench.core.ErrorCode;
import org.tokenbench.core.ProgressMonitor;
import org.tokenbench.core.TokenException;
import org.tokenbench.core.device.Device;
import org.tokenbench.core.device.DeviceService;
import org.tokenbench.core.device.DeviceSession;
import org.tokenbench.core.device.OpenOptions;
import org.tokenbench.core.driver.CredentialStore;
import org.tokenbench.core.driver.HashAlgorithm;
import org.tokenbench.core.driver.Interaction;
import org.tokenbench.core.driver.SeedProgramming;
import org.tokenbench.otp.OtpAccount;
import org.tokenbench.otp.OtpAuthUri;
import org.tokenbench.otp.OtpGenerator;
import org.tokenbench.testing.OsgiServices;
import org.tokenbench.testing.ScriptedInteraction;
import org.tokenbench.testing.pcsc.OathVirtualCard;
import org.tokenbench.testing.pcsc.Pcscd;
import org.tokenbench.testing.pcsc.SafeIdVirtualToken;
import org.tokenbench.testing.pcsc.VirtualCard;
import org.tokenbench.testing.pcsc.VpcdCardHost;

/**
 * Issue 13's "pcscd killed mid-operation" campaign inside one long-lived process, as the workbench lives: pcscd gets
 * SIGKILL at every APDU of a SafeID burn and of a YKOATH put, once before the card sees the APDU and once after it
 * acted on it. Each must fail with pcscd's "service gone" code, and once pcscd is back (started again as it ran) the
 * same devices service claims the card again and opens it, without a restart; the card holds its old state or the
 * complete new one. The campaign for the product's commands is {@code releng/scripts/pcscd-kill-campaign}.
 */
class PcscdKilledTest {

    private static final String READER = "pcsc:" + VpcdCardHost.FIRST_READER_NAME;
    private static final String URI = "otpauth://totp/Kill:ops?secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP&issuer=Kill";
    private static final String NAME = "Kill:ops";
    /**
     * SCARD_E_NO_SERVICE, SCARD_E_SERVICE_STOPPED, SCARD_F_COMM_ERROR: what a client of a dead pcscd is told; and
     * SCARD_W_REMOVED_CARD when the transport, asking what happened, finds the reader's card gone with the daemon.
     */
    private static final Set<String> SERVICE_GONE = Set.of("pcsc:0x8010001D", "pcsc:0x8010001E", "pcsc:0x80100013", "pcsc:0x80100069");

    private final Pcscd pcscd;
    private VpcdCardHost host;

    PcscdKilledTest() throws Exception {
        pcscd = Pcscd.find();
    }

    @AfterEach
    void leavePcscdRunning() throws Exception {
        if (host != null) {
            host.close();
        }
        if (!java.nio.file.Files.exists(Pcscd.SOCKET)) {
            pcscd.start();
        }
    }

    private interface Operation {
        void run(DeviceSession session) throws Exception;
    }

    @Test
    void aBurnWhosePcscdIsKilledAtAnyApduFailsClearlyAndTheSameProcessProgramsAgain() throws Exception {
        List<String> outcomes = campaign("org.tokenbench.driver.safeid", () -> SafeIdVirtualToken.factoryNew("TB-KILL-1"), session -> {
            try (OtpAccount account = OtpAuthUri.parse(URI)) {
                session.feature(SeedProgramming.class).orElseThrow().program(account.secret(),
                        new SeedProgramming.Settings(HashAlgorithm.SHA1, 6, 30, 30, 0), Instant.now(), ProgressMonitor.NONE);
            }
        }, (card, session) -> {
            SafeIdVirtualToken token = (SafeIdVirtualToken) card;
            assertEquals("TB-KILL-1", session.identity().serial(), "the token reads again");
            if (!token.hasSeed()) {
                return "old";
            }
            assertEquals(expectedCode(token.tokenTime()), token.displayedCode(), "a seed on the token is the whole seed burned");
            return "new";
        });
        System.out.println("burn, pcscd killed at each APDU before/after the card acted: " + outcomes);
    }

    @Test
    void anOathPutWhosePcscdIsKilledAtAnyApduFailsClearlyAndTheSameProcessListsAgain() throws Exception {
        List<String> outcomes = campaign("org.tokenbench.driver.oath", OathVirtualCard::yubiKey5, session -> {
            try (OtpAccount account = OtpAuthUri.parse(URI)) {
                session.feature(CredentialStore.class).orElseThrow().put(new CredentialStore.Credential(NAME, CredentialStore.Type.TOTP,
                        HashAlgorithm.SHA1, 6, 30, false), account.secret(), 0, Interaction.NONE);
            }
        }, (card, session) -> {
            CredentialStore store = session.feature(CredentialStore.class).orElseThrow();
            List<String> names = store.list().stream().map(CredentialStore.Credential::name).toList();
            assertEquals(((OathVirtualCard) card).names(), names, "the applet lists again");
            if (names.isEmpty()) {
                return "old";
            }
            assertEquals(List.of(NAME), names);
            Instant now = Instant.now();
            assertEquals(expectedCode(now.getEpochSecond()), store.calculate(NAME, now).code().orElseThrow(),
                    "a credential on the applet holds the whole key");
            return "new";
        });
        System.out.println("OATH put, pcscd killed at each APDU before/after the card acted: " + outcomes);
    }

    private interface StateCheck {
        /** "old" or "new", after asserting the card is one or the other and answers through a new session. */
        String check(VirtualCard card, DeviceSession session) throws Exception;
    }

    private interface CardFactory {
        VirtualCard create();
    }

    /** Runs {@code operation} once undisturbed to count its APDUs, then once per APDU and timing with pcscd killed. */
    private List<String> campaign(String driver, CardFactory cards, Operation operation, StateCheck state) throws Exception {
        DeviceService devices = OsgiServices.await(DeviceService.class);
        int apdus;
        VirtualCard counted = cards.create();
        insert(devices, counted, driver);
        try (DeviceSession session = devices.open(READER, OpenOptions.of(new ScriptedInteraction(true)))) {
            int before = host.apdusSeen();
            operation.run(session);
            apdus = host.apdusSeen() - before;
        }
        try (DeviceSession session = devices.open(READER, OpenOptions.of(Interaction.NONE))) {
            assertEquals("new", state.check(counted, session), "undisturbed, the operation takes effect");
        }
        remove(devices);
        assertTrue(apdus >= 1, "the operation sends APDUs: " + apdus);

        List<String> outcomes = new java.util.ArrayList<>();
        for (int k = 1; k <= apdus; k++) {
            for (boolean cardFirst : new boolean[] {false, true}) {
                String label = "pcscd killed at APDU " + k + " of " + apdus + (cardFirst ? " after" : " before") + " the card acted";
                VirtualCard card = cards.create();
                insert(devices, card, driver);
                try (DeviceSession session = devices.open(READER, OpenOptions.of(new ScriptedInteraction(true)))) {
                    host.faultAtApdu(k, cardFirst, this::killPcscd);
                    TokenException failure = assertThrows(TokenException.class, () -> operation.run(session), label);
                    ErrorCode code = failure.code();
                    assertTrue(SERVICE_GONE.contains(code.toString()), label + ": " + code + " " + failure.getMessage());
                    assertFalse(Objects.toString(failure.getMessage()).contains("JBSWY3DP"), label + ": the key in the message");
                }
                // the devices service sees the reader go with pcscd (a claim seen now would be the one from before)
                for (int i = 0; i < 200 && devices.device(READER).filter(d -> d.state() == Device.State.CLAIMED).isPresent(); i++) {
                    Thread.sleep(50);
                }
                assertFalse(devices.device(READER).filter(d -> d.state() == Device.State.CLAIMED).isPresent(),
                        label + ": the reader still looks claimed after pcscd died: " + devices.devices());
                pcscd.start();
                // the same devices service finds the card again once the host reconnected to the new pcscd's vpcd
                await(devices, "the card claimed again (" + label + ")", claimedBy(READER, driver));
                String outcome;
                try (DeviceSession session = devices.open(READER, OpenOptions.of(Interaction.NONE))) {
                    outcome = state.check(card, session);
                }
                outcomes.add(k + (cardFirst ? "a" : "b") + ":" + outcome);
                remove(devices);
            }
        }
        return outcomes;
    }

    /** The pcscd running now (after a restart it has another pid), started again later as the first one was. */
    private void killPcscd() {
        try {
            Pcscd.find().kill();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void insert(DeviceService devices, VirtualCard card, String driver) throws Exception {
        // a card an earlier test left must be seen gone first, or pcscd misses this insertion
        await(devices, "the reader empty before inserting", d -> d.id().equals(READER) && d.state() == Device.State.EMPTY);
        Thread.sleep(1000);
        host = new VpcdCardHost(card, VpcdCardHost.FIRST_READER_PORT);
        host.insert();
        await(devices, "the card claimed", claimedBy(READER, driver));
    }

    private void remove(DeviceService devices) throws Exception {
        host.close();
        host = null;
        await(devices, "the reader empty", d -> d.id().equals(READER) && d.state() == Device.State.EMPTY);
        Thread.sleep(1000); // pcscd misses a card inserted right after a removal
    }

    private static String expectedCode(long epochSeconds) throws Exception {
        try (OtpAccount account = OtpAuthUri.parse(URI); OtpGenerator generator = OtpGenerator.open(account.secret(), account.params())) {
            return generator.codeAt(epochSeconds);
        }
    }
}
