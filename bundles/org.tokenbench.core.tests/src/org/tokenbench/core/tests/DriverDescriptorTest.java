package org.tokenbench.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.tokenbench.core.driver.Atr;
import org.tokenbench.core.driver.AtrPattern;
import org.tokenbench.core.driver.DriverDescriptor;
import org.tokenbench.core.driver.FamilyDescriptor;
import org.tokenbench.core.driver.HashAlgorithm;
import org.tokenbench.core.driver.PinType;
import org.tokenbench.core.driver.SeedProgramming.Settings;

/** Descriptors are data a vendor writes: parsed strictly, matched exactly as smartcard_list.txt spells ATRs. */
class DriverDescriptorTest {

    private static final String ACME = """
            id = com.acme.tokenbench.driver
            vendor = ACME
            name = ACME tokens
            features = SeedProgramming, TokenClock
            families = nfc, usb, dongle
            nfc.name = ACME NFC token
            nfc.atr = 3B 8F 80 01 80 4F 0C A0 00 00 03 06 03 00 03 00 00 00 00 68 | 3B 8. 80 01 *
            nfc.algorithms = SHA1, sha-256
            nfc.digits = 6
            nfc.periods = 30, 60
            nfc.display-seconds = 15, 30, 60, 120
            usb.name = ACME USB key
            usb.atr = any
            usb.pins = user, admin
            dongle.name = ACME dongle
            dongle.reader = ACME Dongle* | acme key ??
            """;

    /** An ordinary reader, named like none of the families. */
    private static final String READER = "HID OMNIKEY 5427 CK 00 00";

    private static Atr atr(String hex) {
        return new Atr(HexFormat.of().parseHex(hex.replace(" ", "")));
    }

    private static DriverDescriptor parse(String text) throws IOException {
        Properties properties = new Properties();
        properties.load(new StringReader(text));
        return DriverDescriptor.parse(properties, "test.properties");
    }

    @Test
    void atrPatternsMatchBytesNibblesAndOpenEnds() {
        AtrPattern contactless = AtrPattern.parse("3B 8. 80 01 *");
        assertTrue(contactless.matches(atr("3B 80 80 01 01")));
        assertTrue(contactless.matches(atr("3B 8F 80 01 80 4F 0C A0 00 00 03 06 03 00 03 00 00 00 00 68")));
        assertFalse(contactless.matches(atr("3B 02 14 50")), "a contact card is not ISO 14443-4");
        assertFalse(contactless.matches(atr("3B 8F 80")), "shorter than the pattern");
        AtrPattern exact = AtrPattern.parse("3B 02 14 ..");
        assertTrue(exact.matches(atr("3B 02 14 50")));
        assertFalse(exact.matches(atr("3B 02 14 50 00")), "without * the length is exact");
        assertThrows(IllegalArgumentException.class, () -> AtrPattern.parse("3B 8G"));
        assertThrows(IllegalArgumentException.class, () -> AtrPattern.parse("3B 801"));
        assertThrows(IllegalArgumentException.class, () -> AtrPattern.parse("*"));
    }

    @Test
    void aDescriptorFileGivesFamiliesWithTheirSettings() throws IOException {
        DriverDescriptor descriptor = parse(ACME);
        assertEquals("com.acme.tokenbench.driver", descriptor.id());
        assertEquals(List.of("SeedProgramming", "TokenClock"), descriptor.features());
        FamilyDescriptor nfc = descriptor.family("nfc").orElseThrow();
        assertEquals(Set.of(HashAlgorithm.SHA1, HashAlgorithm.SHA256), nfc.algorithms());
        assertEquals(List.of(15, 30, 60, 120), nfc.displaySeconds());
        assertEquals(1, nfc.profiles(), "a family with seeds has one profile unless it says more");
        FamilyDescriptor usb = descriptor.family("usb").orElseThrow();
        assertTrue(usb.anyAtr());
        assertEquals(Set.of(PinType.USER, PinType.ADMIN), usb.pinTypes());
        assertEquals(0, usb.profiles());
        assertTrue(descriptor.mayClaim(atr("3B 02 14 50"), READER), "a family with atr = any is asked about every card");
    }

    @Test
    void aCardNoFamilyDescribesIsNotForTheDriver() throws IOException {
        DriverDescriptor nfcOnly = parse(ACME.replace("usb.atr = any", ""));
        assertFalse(nfcOnly.mayClaim(atr("3B 02 14 50"), READER));
        assertTrue(nfcOnly.mayClaim(atr("3B 80 80 01 01"), READER));
    }

    @Test
    void aFamilyThatIsItsOwnReaderIsKnownByTheReaderName() throws IOException {
        DriverDescriptor descriptor = parse(ACME.replace("usb.atr = any", ""));
        Atr unknown = atr("3B 86 01 54 4F 4B 45 4E 32 EE");
        assertTrue(descriptor.mayClaim(unknown, "ACME Dongle 02 00"));
        assertTrue(descriptor.mayClaim(unknown, "Acme Key 01"), "case-insensitive, ? is one character");
        assertFalse(descriptor.mayClaim(unknown, "Acme Key 001"));
        assertFalse(descriptor.mayClaim(unknown, "HID OMNIKEY 5427 CK 00 00"));
        assertEquals(List.of("ACME Dongle*", "acme key ??"), descriptor.family("dongle").orElseThrow().readerPatterns());
    }

    @Test
    void malformedDescriptorsSayWhatIsWrong() {
        IllegalArgumentException noId = assertThrows(IllegalArgumentException.class, () -> parse(ACME.replace("id = com.acme.tokenbench.driver", "")));
        assertTrue(noId.getMessage().contains("'id' is missing"), noId.getMessage());
        IllegalArgumentException badAlgorithm = assertThrows(IllegalArgumentException.class, () -> parse(ACME.replace("SHA1, sha-256", "MD5")));
        assertTrue(badAlgorithm.getMessage().contains("nfc.algorithms") && badAlgorithm.getMessage().contains("MD5"), badAlgorithm.getMessage());
        IllegalArgumentException badAtr = assertThrows(IllegalArgumentException.class, () -> parse(ACME.replace("3B 8. 80 01 *", "3B 8X")));
        assertTrue(badAtr.getMessage().contains("nfc.atr"), badAtr.getMessage());
        assertThrows(IllegalArgumentException.class, () -> parse(ACME.replace("families = nfc, usb, dongle", "")), "no family at all");
    }

    @Test
    void settingsOutsideTheFamilyAreRefusedWithTheChoices() throws IOException {
        FamilyDescriptor nfc = parse(ACME).family("nfc").orElseThrow();
        assertEquals(Optional.empty(), nfc.unsupported(new Settings(HashAlgorithm.SHA256, 6, 60, 120, 0)));
        assertEquals(Optional.of("ACME NFC token shows 6-digit codes, not 8"), nfc.unsupported(new Settings(HashAlgorithm.SHA1, 8, 30, 30, 0)));
        assertEquals(Optional.of("ACME NFC token computes SHA1 or SHA256 codes, not SHA512"),
                nfc.unsupported(new Settings(HashAlgorithm.SHA512, 6, 30, 30, 0)));
        assertEquals(Optional.of("the display of ACME NFC token stays on for 15, 30, 60 or 120 seconds, not 45"),
                nfc.unsupported(new Settings(HashAlgorithm.SHA1, 6, 30, 45, 0)));
        assertEquals(Optional.of("ACME NFC token has a single profile (0), not profile 3"),
                nfc.unsupported(new Settings(HashAlgorithm.SHA1, 6, 30, 30, 3)));
        assertTrue(parse(ACME).family("usb").orElseThrow().unsupported(new Settings(HashAlgorithm.SHA1, 6, 30, 30, 0)).isPresent(),
                "a key without OTP seeds holds no settings");
    }
}
