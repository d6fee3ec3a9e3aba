package org.tokenbench.seedfiles.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;
import org.osgi.framework.FrameworkUtil;
import org.tokenbench.core.Secret;
import org.tokenbench.core.TokenException;
import org.tokenbench.otp.OtpAlgorithm;
import org.tokenbench.otp.OtpType;
import org.tokenbench.seedfiles.ImportMode;
import org.tokenbench.seedfiles.PskcProtection;
import org.tokenbench.seedfiles.PskcReader;
import org.tokenbench.seedfiles.SeedEntry;
import org.tokenbench.seedfiles.SeedFileCodes;
import org.tokenbench.seedfiles.SeedImport;

/**
 * The examples of RFC 6030 section 5 and 6 (figures 2 to 7, as published; test resources under resources/rfc6030), with
 * the values the RFC states: the keys, the MAC keys, the PBKDF2 password 'qwerty'.
 */
class Rfc6030ExamplesTest {

    static byte[] figure(int number) throws IOException {
        // The files are in this test fragment, which getEntry on the host does not search; findEntries does.
        java.util.Enumeration<java.net.URL> found = FrameworkUtil.getBundle(Rfc6030ExamplesTest.class)
                .findEntries("resources/rfc6030", "figure" + number + ".pskcxml", false);
        try (InputStream in = found.nextElement().openStream()) {
            return in.readAllBytes();
        }
    }

    private static String seed(SeedEntry entry) {
        return entry.account().secret().apply(b -> new String(b, StandardCharsets.US_ASCII));
    }

    @Test
    void figure2PlainSecret() throws Exception {
        try (SeedImport result = PskcReader.read(figure(2), PskcProtection.NONE, ImportMode.FAIL_SOFT)) {
            assertEquals(1, result.entries().size());
            SeedEntry entry = result.entries().get(0);
            assertEquals("1234", seed(entry));
            assertEquals("Issuer-A", entry.account().params().issuer());
            assertEquals(OtpType.HOTP, entry.account().params().type());
            assertEquals(OtpAlgorithm.SHA1, entry.account().params().algorithm(), "no Suite: HOTP's own HMAC-SHA1");
        }
    }

    @Test
    void figure3DeviceAndUser() throws Exception {
        try (SeedImport result = PskcReader.read(figure(3), PskcProtection.NONE, ImportMode.FAIL_SOFT)) {
            SeedEntry entry = result.entries().get(0);
            assertEquals("987654321", entry.serial());
            assertEquals("Manufacturer", entry.manufacturer());
            assertEquals("12345678901234567890", seed(entry));
            assertEquals(8, entry.account().params().digits());
            assertEquals(0, entry.account().params().counter());
            assertEquals("UID=jsmith,DC=example-bank,DC=net", entry.account().params().account());
        }
    }

    @Test
    void figure4KeyReferenceHasNoSeedToImport() throws Exception {
        try (SeedImport result = PskcReader.read(figure(4), PskcProtection.NONE, ImportMode.FAIL_SOFT)) {
            assertTrue(result.entries().isEmpty());
            assertEquals(1, result.rejections().size());
            assertEquals(SeedFileCodes.ENTRY_UNUSABLE, result.rejections().get(0).code());
            assertEquals("987654321", result.rejections().get(0).serial());
        }
    }

    @Test
    void figure5TheOtpKeyIsImportedThePinIsNot() throws Exception {
        try (SeedImport result = PskcReader.read(figure(5), PskcProtection.NONE, ImportMode.FAIL_SOFT)) {
            assertEquals(1, result.entries().size());
            assertEquals("12345678901234567890", seed(result.entries().get(0)));
            assertEquals(1, result.rejections().size());
            assertEquals(2, result.rejections().get(0).position());
            assertTrue(result.rejections().get(0).reason().contains(":pin"), result.rejections().get(0).reason());
        }
    }

    @Test
    void figure6PreSharedKeyWithTheMacChecked() throws Exception {
        try (Secret key = Secret.adopt(HexFormat.of().parseHex("12345678901234567890123456789012"));
             SeedImport result = PskcReader.read(figure(6), new PskcProtection.PreSharedKey(key, "Pre-shared-key"), ImportMode.FAIL_HARD)) {
            assertEquals(1, result.entries().size());
            assertEquals("3132333435363738393031323334353637383930",
                    result.entries().get(0).account().secret().apply(HexFormat.of()::formatHex));
            assertEquals("987654321", result.entries().get(0).serial());
            assertEquals(8, result.entries().get(0).account().params().digits());
        }
    }

    @Test
    void figure6WithAnotherKeyFailsTheMacForEveryEntry() throws Exception {
        try (Secret wrong = Secret.adopt(HexFormat.of().parseHex("12345678901234567890123456789013"))) {
            PskcProtection protection = new PskcProtection.PreSharedKey(wrong, "");
            try (SeedImport soft = PskcReader.read(figure(6), protection, ImportMode.FAIL_SOFT)) {
                assertTrue(soft.entries().isEmpty());
                assertEquals(SeedFileCodes.MAC_FAILED, soft.rejections().get(0).code());
            }
            TokenException hard = assertThrows(TokenException.class, () -> PskcReader.read(figure(6), protection, ImportMode.FAIL_HARD));
            assertEquals(SeedFileCodes.REFUSED_FAIL_HARD, hard.code());
        }
    }

    @Test
    void figure6WithoutAKeySaysWhichKeyItNeeds() {
        TokenException e = assertThrows(TokenException.class, () -> PskcReader.read(figure(6), PskcProtection.NONE, ImportMode.FAIL_SOFT));
        assertEquals(SeedFileCodes.KEY_NEEDED, e.code());
        assertTrue(e.getMessage().contains("Pre-shared-key"), e.getMessage());
    }

    @Test
    void figure7Pbkdf2Password() throws Exception {
        try (Secret password = Secret.adopt("qwerty".getBytes(StandardCharsets.UTF_8));
             SeedImport result = PskcReader.read(figure(7), new PskcProtection.Password(password, "My Password 1"), ImportMode.FAIL_HARD)) {
            assertEquals(1, result.entries().size());
            assertEquals("12345678901234567890", seed(result.entries().get(0)));
            assertEquals("TokenVendorAcme", result.entries().get(0).manufacturer());
        }
        try (Secret wrong = Secret.adopt("qwertz".getBytes(StandardCharsets.UTF_8))) {
            TokenException e = assertThrows(TokenException.class,
                    () -> PskcReader.read(figure(7), new PskcProtection.Password(wrong, ""), ImportMode.FAIL_HARD));
            assertEquals(SeedFileCodes.REFUSED_FAIL_HARD, e.code());
        }
    }

    @Test
    void anEditedCipherValueFailsItsMacAndOnlyThatEntryIsRejected() throws Exception {
        String xml = new String(figure(6), StandardCharsets.UTF_8);
        // Duplicate the key package under another serial, then flip one character of the first one's ciphertext.
        int start = xml.indexOf("<KeyPackage>");
        int end = xml.indexOf("</KeyPackage>") + "</KeyPackage>".length();
        String second = xml.substring(start, end).replace("987654321", "987654322");
        String tampered = xml.substring(0, end).replace("AAECAwQFBgcICQoLDA0OD+cI", "AAECAwQFBgcICQoLDA0OD+cJ") + second + xml.substring(end);
        try (Secret key = Secret.adopt(HexFormat.of().parseHex("12345678901234567890123456789012"));
             SeedImport result = PskcReader.read(tampered.getBytes(StandardCharsets.UTF_8), new PskcProtection.PreSharedKey(key, ""),
                     ImportMode.FAIL_SOFT)) {
            assertEquals(1, result.entries().size());
            assertEquals("987654322", result.entries().get(0).serial());
            assertEquals(1, result.rejections().size());
            assertEquals("987654321", result.rejections().get(0).serial());
            assertEquals(SeedFileCodes.MAC_FAILED, result.rejections().get(0).code());
            assertTrue(result.summary().contains("1 imported, 1 not"), result.summary());
        }
    }

    /**
     * Someone on the way swaps an encrypted, MAC-protected seed for a plain one they know: refused like a failed MAC
     * (only that entry in fail-soft, the whole file in fail-hard), never programmed.
     */
    @Test
    void aPlainSeedPlantedInAnEncryptedFileIsRefused() throws Exception {
        String xml = new String(figure(6), StandardCharsets.UTF_8);
        int secretStart = xml.indexOf("<Secret>");
        int secretEnd = xml.indexOf("</Secret>") + "</Secret>".length();
        String planted = xml.substring(0, secretStart) + "<Secret><PlainValue>MTIzNDU2Nzg5MDEyMzQ1Njc4OTA=</PlainValue></Secret>"
                + xml.substring(secretEnd);
        try (Secret key = Secret.adopt(HexFormat.of().parseHex("12345678901234567890123456789012"));
             SeedImport result = PskcReader.read(planted.getBytes(StandardCharsets.UTF_8), new PskcProtection.PreSharedKey(key, ""),
                     ImportMode.FAIL_SOFT)) {
            assertEquals(0, result.entries().size());
            assertEquals(SeedFileCodes.MAC_FAILED, result.rejections().get(0).code());
            assertTrue(result.rejections().get(0).reason().contains("plain (unencrypted, unauthenticated) seed in an encrypted file"),
                    result.rejections().get(0).reason());
        }
        try (Secret key = Secret.adopt(HexFormat.of().parseHex("12345678901234567890123456789012"))) {
            TokenException e = assertThrows(TokenException.class, () -> PskcReader.read(planted.getBytes(StandardCharsets.UTF_8),
                    new PskcProtection.PreSharedKey(key, ""), ImportMode.FAIL_HARD));
            assertEquals(SeedFileCodes.REFUSED_FAIL_HARD, e.code());
        }
    }

    @Test
    void theSuiteNamesTheHash() throws Exception {
        String xml = new String(figure(3), StandardCharsets.UTF_8).replace("<ResponseFormat", "<Suite>HMAC-SHA256</Suite><ResponseFormat");
        try (SeedImport result = PskcReader.read(xml.getBytes(StandardCharsets.UTF_8), PskcProtection.NONE, ImportMode.FAIL_SOFT)) {
            assertEquals(OtpAlgorithm.SHA256, result.entries().get(0).account().params().algorithm());
        }
        String unknown = new String(figure(3), StandardCharsets.UTF_8).replace("<ResponseFormat", "<Suite>HMAC-MD5</Suite><ResponseFormat");
        try (SeedImport result = PskcReader.read(unknown.getBytes(StandardCharsets.UTF_8), PskcProtection.NONE, ImportMode.FAIL_SOFT)) {
            assertTrue(result.entries().isEmpty(), "an unknown suite is not guessed");
            assertArrayEquals(new Object[] { SeedFileCodes.ENTRY_UNUSABLE }, result.rejections().stream().map(r -> r.code()).toArray());
        }
    }
}
