package org.tokenbench.platform.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tokenbench.platform.tests.DeviceWaits.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tokenbench.core.TokenBenchHome;
import org.tokenbench.core.device.Device;
import org.tokenbench.core.device.DeviceService;
import org.tokenbench.core.device.VendorLibraries;
import org.tokenbench.core.driver.Atr;
import org.tokenbench.testing.OsgiServices;
import org.tokenbench.testing.pcsc.SafeIdVirtualToken;
import org.tokenbench.testing.pcsc.VirtualCard;
import org.tokenbench.testing.pcsc.VirtualReader;
import org.tokenbench.testing.pcsc.VpcdCardHost;
import org.tokenbench.testing.skf.SoftSkf;

/**
 * A mixed fleet on one machine, through the real stacks: two SafeID-class tokens (an NFC one on vpcd's first reader, a
 * Molto2, listed in known-devices.properties, on its second) through pcscd, and a
 * Guomi key behind the soft SKF library (JNA), all at once, each claimed by the right driver as it appears and
 * forgotten as it leaves; and a card no driver describes, which never receives an APDU.
 */
class MixedFleetTest {

    private static final String NFC_READER = "pcsc:" + VpcdCardHost.FIRST_READER_NAME;
    private static final String USB_READER = "pcsc:" + VirtualReader.SECOND_NAME;
    private static final String SAFEID = "org.tokenbench.driver.safeid";
    private static final String GUOMI = "org.tokenbench.driver.guomi";


    private static Predicate<Device> claimed(String id, String driver, String family) {
        return d -> d.id().equals(id) && d.state() == Device.State.CLAIMED && d.claim().get().driver().id().equals(driver)
                && d.claim().get().family().id().equals(family);
    }

    @Test
    void threeFamiliesAtOnceEachClaimedByItsDriverAsTheyComeAndGo(@TempDir Path home) throws Exception {
        DeviceService devices = OsgiServices.await(DeviceService.class);
        // Token2 publishes no Molto2 ATR and vpcd's reader is not named like a Molto2: the user tells TokenBench.
        Files.createDirectories(TokenBenchHome.directory());
        Files.writeString(TokenBenchHome.directory().resolve("known-devices.properties"),
                "org.tokenbench.driver.safeid/molto2.atr = " + new Atr(SafeIdVirtualToken.USB_ATR) + "\n");
        SoftSkf key = SoftSkf.create(SoftSkf.library(), home.resolve("softskf"), Map.of("user_pin", "24681357"));
        try (VpcdCardHost nfc = new VpcdCardHost(SafeIdVirtualToken.factoryNew("TB-FLEET-NFC"), VpcdCardHost.FIRST_READER_PORT);
             VpcdCardHost usb = new VpcdCardHost(SafeIdVirtualToken.molto2("TB-FLEET-M2"), VpcdCardHost.FIRST_READER_PORT + 1)) {
            nfc.insert();
            usb.insert();
            Path library = devices.transport("skf").flatMap(t -> t.feature(VendorLibraries.class)).orElseThrow()
                    .attach(key.libraryPath());
            Predicate<Device> guomiKey = d -> d.slot().transport().equals("skf")
                    && library.toString().equals(d.slot().properties().get(VendorLibraries.LIBRARY_PROPERTY));

            assertEquals("TB-FLEET-NFC", await(devices, "the NFC token",
                    claimed(NFC_READER, SAFEID, "single-profile").and(d -> d.serial().filter("TB-FLEET-NFC"::equals).isPresent())).serial().get());
            assertEquals("TB-FLEET-M2", await(devices, "the Molto2", claimed(USB_READER, SAFEID, "molto2")).serial().get());
            Device sm2 = await(devices, "the Guomi key", guomiKey.and(d -> d.state() == Device.State.CLAIMED));
            assertEquals(GUOMI, sm2.claim().get().driver().id());
            assertEquals("sm2-key", sm2.claim().get().family().id());

            nfc.remove();
            await(devices, "the NFC reader empty", d -> d.id().equals(NFC_READER) && d.state() == Device.State.EMPTY);
            assertEquals(Device.State.CLAIMED, devices.device(USB_READER).orElseThrow().state(), "the other reader is untouched");

            key.unplug();
            for (int i = 0; i < 200 && devices.devices().stream().anyMatch(guomiKey); i++) {
                Thread.sleep(50);
            }
            assertTrue(devices.devices().stream().noneMatch(guomiKey), "an unplugged key is forgotten: " + devices.devices());
            key.plug();
            await(devices, "the Guomi key again", guomiKey.and(d -> d.state() == Device.State.CLAIMED));

            nfc.insert();
            await(devices, "the NFC token again", claimed(NFC_READER, SAFEID, "single-profile"));
        }
    }

    /** A contact card of no family TokenBench knows: it answers 9000 to anything, and must hear nothing. */
    private static final class ForeignCard implements VirtualCard {
        @Override
        public byte[] atr() {
            return new byte[] {0x3B, 0x02, 0x14, 0x50};
        }

        @Override
        public byte[] process(byte[] command) {
            return new byte[] {(byte) 0x90, 0x00};
        }
    }

    @Test
    void aCardWhoseAtrMatchesNoDescriptorGetsNoDriverApdu() throws Exception {
        DeviceService devices = OsgiServices.await(DeviceService.class);
        long apduLinesBefore = pcscdApduLines();
        try (VpcdCardHost foreign = new VpcdCardHost(new ForeignCard(), VpcdCardHost.FIRST_READER_PORT)) {
            foreign.insert();
            Device device = await(devices, "the foreign card unclaimed", d -> d.id().equals(NFC_READER) && d.state() == Device.State.UNCLAIMED);
            assertTrue(device.problem().get().message().contains("3B 02 14 50"), device.problem().get().message());
            Thread.sleep(500);
            assertEquals(0, foreign.apdusSeen(), "no driver may probe a card whose ATR no descriptor matches");
            if (apduLinesBefore >= 0) {
                assertEquals(apduLinesBefore, pcscdApduLines(), "pcscd's APDU log shows no exchange with the card");
            }
            foreign.remove();
        }
    }

    /** APDU lines in pcscd's --apdu log when releng/test names it (TOKENBENCH_PCSCD_LOG); -1 when unknown. */
    private static long pcscdApduLines() throws IOException {
        String log = System.getenv("TOKENBENCH_PCSCD_LOG");
        if (log == null || !Files.isReadable(Path.of(log))) {
            return -1;
        }
        try (var lines = Files.lines(Path.of(log), java.nio.charset.StandardCharsets.ISO_8859_1)) {
            return lines.filter(line -> line.contains("APDU: ")).count();
        }
    }

    static List<String> ids(DeviceService devices) {
        return devices.devices().stream().map(Device::id).toList();
    }
}
