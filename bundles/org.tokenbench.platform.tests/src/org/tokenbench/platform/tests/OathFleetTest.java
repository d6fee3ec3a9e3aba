package org.tokenbench.platform.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tokenbench.platform.tests.DeviceWaits.await;
import static org.tokenbench.platform.tests.DeviceWaits.claimedBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.tokenbench.core.ProgressMonitor;
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
import org.tokenbench.testing.OsgiServices;
import org.tokenbench.testing.ScriptedInteraction;
import org.tokenbench.testing.pcsc.OathVirtualCard;
import org.tokenbench.testing.pcsc.SafeIdVirtualToken;
import org.tokenbench.testing.pcsc.VirtualCard;
import org.tokenbench.testing.pcsc.VirtualReader;
import org.tokenbench.testing.pcsc.VpcdCardHost;

/**
 * The second PC/SC family beside the first, through real pcscd: a SafeID-class token on vpcd's first reader and a YKOATH
 * card on its second, at once. Each is claimed by its own driver and hears none of the other driver's APDUs (both cards
 * record every command), and the same otpauth key, burned into the SafeID token and added to the OATH card, gives the
 * same code on both — one key on several terminals.
 */
class OathFleetTest {

    private static final String SAFEID_READER = "pcsc:" + VpcdCardHost.FIRST_READER_NAME;
    private static final String OATH_READER = "pcsc:" + VirtualReader.SECOND_NAME;
    private static final String URI = "otpauth://totp/Fleet:ops@example.com?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=Fleet";
    /** The OATH SELECT; every YKOATH command is CLA 00 and INS 01-05 or A1-A5. */
    private static final String OATH_SELECT = "00 A4 04 00 07 A0 00 00 05 27 21 01";
    private static final List<String> YKOATH_HEADERS = List.of("00 A4", "00 01", "00 02", "00 03", "00 04", "00 05", "00 A1", "00 A2",
            "00 A3", "00 A5");

    /** A card that records every command before its card answers it. */
    private static final class Recording implements VirtualCard {
        private final VirtualCard card;
        final List<String> commands = new ArrayList<>();

        Recording(VirtualCard card) {
            this.card = card;
        }

        @Override
        public byte[] atr() {
            return card.atr();
        }

        @Override
        public synchronized byte[] process(byte[] command) {
            commands.add(HexFormat.ofDelimiter(" ").withUpperCase().formatHex(command));
            return card.process(command);
        }

        @Override
        public void powerOff() {
            card.powerOff();
        }
    }



    @Test
    void aSafeIdTokenAndAnOathCardAreEachClaimedByTheirDriverProbedByNoOtherAndGiveTheSameCode() throws Exception {
        DeviceService devices = OsgiServices.await(DeviceService.class);
        SafeIdVirtualToken token = SafeIdVirtualToken.factoryNew("TB-FLEET-SAFEID");
        Recording safeId = new Recording(token);
        OathVirtualCard oath = OathVirtualCard.yubiKey5();
        try (VpcdCardHost first = new VpcdCardHost(safeId, VpcdCardHost.FIRST_READER_PORT);
             VpcdCardHost second = new VpcdCardHost(oath, VpcdCardHost.FIRST_READER_PORT + 1)) {
            first.insert();
            second.insert();
            assertEquals("TB-FLEET-SAFEID", await(devices, "the SafeID token", claimedBy(SAFEID_READER, "org.tokenbench.driver.safeid"))
                    .serial().get());
            Device card = await(devices, "the OATH card", claimedBy(OATH_READER, "org.tokenbench.driver.oath"));
            assertEquals("yubikey", card.claim().get().family().id());

            try (OtpAccount account = OtpAuthUri.parse(URI)) {
                try (DeviceSession session = devices.open(SAFEID_READER, OpenOptions.of(new ScriptedInteraction(true)))) {
                    session.feature(SeedProgramming.class).orElseThrow().program(account.secret(),
                            new SeedProgramming.Settings(HashAlgorithm.SHA1, 6, 30, 30, 0), Instant.now(), ProgressMonitor.NONE);
                }
                try (DeviceSession session = devices.open(OATH_READER, OpenOptions.of(Interaction.NONE))) {
                    session.feature(CredentialStore.class).orElseThrow().put(new CredentialStore.Credential("Fleet:ops@example.com",
                            CredentialStore.Type.TOTP, HashAlgorithm.SHA1, 6, 30, false), account.secret(), 0, Interaction.NONE);
                }
            }
            String oathCode = null;
            String tokenCode = null;
            for (int attempt = 0; attempt < 2; attempt++) {
                long step = Instant.now().getEpochSecond() / 30;
                try (DeviceSession session = devices.open(OATH_READER, OpenOptions.of(Interaction.NONE))) {
                    oathCode = session.feature(CredentialStore.class).orElseThrow().calculate("Fleet:ops@example.com", Instant.now())
                            .code().orElseThrow();
                }
                tokenCode = token.displayedCode();
                if (Instant.now().getEpochSecond() / 30 == step) {
                    break; // both read within one time step
                }
            }
            assertEquals(tokenCode, oathCode, "the same key on the SafeID token and on the OATH card shows the same code");

            List<String> toSafeId;
            synchronized (safeId) {
                toSafeId = List.copyOf(safeId.commands);
            }
            assertTrue(toSafeId.stream().noneMatch(c -> c.startsWith(OATH_SELECT)), "the OATH driver never probed the SafeID token: " + toSafeId);
            assertTrue(oath.commands().stream().allMatch(c -> YKOATH_HEADERS.contains(c.substring(0, 5))),
                    "the OATH card heard only YKOATH commands, none of the SafeID driver's: " + oath.commands());
            assertTrue(second.apdusSeen() > 0 && first.apdusSeen() > 0);
        }
    }
}
