package org.tokenbench.seedfiles.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tokenbench.core.Secret;
import org.tokenbench.core.TokenException;
import org.tokenbench.core.fleet.AuditEvent;
import org.tokenbench.otp.OtpAccount;
import org.tokenbench.otp.OtpAlgorithm;
import org.tokenbench.otp.OtpGenerator;
import org.tokenbench.otp.OtpParams;
import org.tokenbench.otp.OtpType;
import org.tokenbench.seedfiles.ImportMode;
import org.tokenbench.seedfiles.PskcProtection;
import org.tokenbench.seedfiles.PskcReader;
import org.tokenbench.seedfiles.PskcWriter;
import org.tokenbench.seedfiles.SeedEntry;
import org.tokenbench.seedfiles.SeedExport;
import org.tokenbench.seedfiles.SeedFileCodes;
import org.tokenbench.seedfiles.SeedFiles;
import org.tokenbench.seedfiles.SeedImport;
import org.tokenbench.seedfiles.VendorCsv;
import org.tokenbench.testing.KeptAuditLog;

/** What TokenBench writes it reads back identically; the CSV formats read and write as their consumers expect. */
class RoundTripTest {

    @TempDir
    Path dir;

    private static final String RFC6238_KEY = "3132333435363738393031323334353637383930";

    private static SeedEntry entry(String serial, String hexSeed, OtpAlgorithm algorithm, int digits, int period, String account) {
        OtpParams params = new OtpParams(OtpType.TOTP, algorithm, digits, period, 0, "ACME", account);
        return new SeedEntry(serial, "Token2", "C302", new OtpAccount(params, Secret.adopt(HexFormat.of().parseHex(hexSeed)), List.of()));
    }

    private static List<SeedEntry> sample() {
        return List.of(entry("TB0001", RFC6238_KEY, OtpAlgorithm.SHA1, 6, 30, "alice@example.com"),
                entry("TB0002", "3132333435363738393031323334353637383930313233343536373839303132", OtpAlgorithm.SHA256, 8, 60,
                        "bob@example.com"),
                entry("TB<&>\"3", "00112233445566778899aabbccddeeff00112233", OtpAlgorithm.SHA512, 6, 30, "carol, \"ops\""));
    }

    private static void assertSame(List<SeedEntry> expected, List<SeedEntry> actual) {
        assertEquals(expected.size(), actual.size());
        for (int i = 0; i < expected.size(); i++) {
            SeedEntry e = expected.get(i);
            SeedEntry a = actual.get(i);
            assertEquals(e.serial(), a.serial());
            assertEquals(e.manufacturer(), a.manufacturer());
            assertEquals(e.model(), a.model());
            assertEquals(e.account().params(), a.account().params());
            assertTrue(e.account().secret().sameAs(a.account().secret()), "seed of " + e.serial());
        }
    }

    @Test
    void pskcWithAPreSharedKeyRoundTripsForAes128AndAes256() throws Exception {
        for (int bytes : new int[] { 16, 32 }) {
            List<SeedEntry> entries = sample();
            try (Secret key = Secret.adopt(new byte[bytes])) {
                java.util.Arrays.fill(key.copyBytes(), (byte) 0);
                PskcProtection protection = new PskcProtection.PreSharedKey(key, "batch-key");
                byte[] xml = PskcWriter.write(entries, protection);
                String text = new String(xml, StandardCharsets.UTF_8);
                assertFalse(text.contains("MTIzNDU2Nzg5MDEyMzQ1Njc4OTA"), "no seed in the clear");
                assertTrue(text.contains(bytes == 16 ? "aes128-cbc" : "aes256-cbc"));
                try (SeedImport back = PskcReader.read(xml, protection, ImportMode.FAIL_HARD)) {
                    assertSame(entries, back.entries());
                    assertTrue(back.rejections().isEmpty());
                }
            } finally {
                entries.forEach(SeedEntry::close);
            }
        }
    }

    /** Issue 13: 10 million PBKDF2 rounds kept a core busy ~34 s; above the cap the file is refused before any round. */
    @Test
    void aPasswordFileAskingForMoreRoundsThanTheCapIsRefusedAtOnce() throws Exception {
        List<SeedEntry> entries = sample();
        try (Secret password = Secret.adopt("correct horse battery staple".getBytes(StandardCharsets.UTF_8))) {
            String xml = new String(PskcWriter.write(entries, new PskcProtection.Password(password, "batch"), 1000), StandardCharsets.UTF_8)
                    .replace("<IterationCount>1000</IterationCount>", "<IterationCount>" + (PskcReader.MAX_ITERATIONS + 1) + "</IterationCount>");
            long started = System.nanoTime();
            TokenException e = assertThrows(TokenException.class, () -> PskcReader.read(xml.getBytes(StandardCharsets.UTF_8),
                    new PskcProtection.Password(password, ""), ImportMode.FAIL_HARD));
            assertTrue(System.nanoTime() - started < 1_000_000_000L, "refused before deriving anything");
            assertEquals(SeedFileCodes.UNSUPPORTED_PROTECTION, e.code());
            assertTrue(e.getMessage().contains("2000001 iterations refused (1 to 2000000)"), e.getMessage());
        } finally {
            entries.forEach(SeedEntry::close);
        }
    }

    /** Issue 13: a hostile seed file's account or serial must not become a formula when the export is opened in a spreadsheet. */
    @Test
    void exportCellsASpreadsheetWouldRunAsFormulasAreNeutralised() throws Exception {
        List<SeedEntry> entries = List.of(entry("=1+1", RFC6238_KEY, OtpAlgorithm.SHA1, 6, 30, "=HYPERLINK(\"http://evil.example\",\"x\")"),
                entry("+41", RFC6238_KEY, OtpAlgorithm.SHA1, 6, 30, "@SUM(A1:A9)"),
                entry("-7", RFC6238_KEY, OtpAlgorithm.SHA1, 6, 30, "\tcmd"),
                entry("TB-OK-1", RFC6238_KEY, OtpAlgorithm.SHA1, 6, 30, "alice-ops@example.com"));
        try {
            List<String> entra = new String(SeedExport.entraCsv(entries), StandardCharsets.UTF_8).lines().toList();
            assertTrue(entra.get(1).startsWith("\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"x\"\")\",\"'=1+1\","), entra.get(1));
            assertTrue(entra.get(2).startsWith("\"'@SUM(A1:A9)\",\"'+41\","), entra.get(2));
            assertTrue(entra.get(3).startsWith("\"'\tcmd\",\"'-7\","), entra.get(3));
            assertTrue(entra.get(4).startsWith("alice-ops@example.com,TB-OK-1,"), "ordinary cells stay as they were: " + entra.get(4));
            List<String> privacyIdea = new String(SeedExport.privacyIdeaCsv(entries), StandardCharsets.UTF_8).lines().toList();
            assertEquals(List.of("\"'=1+1\"", "\"'+41\"", "\"'-7\"", "TB-OK-1"), privacyIdea.stream().map(l -> l.substring(0, l.indexOf(", "))).toList());
        } finally {
            entries.forEach(SeedEntry::close);
        }
    }

    @Test
    void pskcWithAPasswordRoundTripsAndAWrongPasswordImportsNothing() throws Exception {
        List<SeedEntry> entries = sample();
        try (Secret password = Secret.adopt("correct horse battery staple".getBytes(StandardCharsets.UTF_8));
             Secret wrong = Secret.adopt("correct horse battery stapler".getBytes(StandardCharsets.UTF_8))) {
            byte[] xml = PskcWriter.write(entries, new PskcProtection.Password(password, "batch 2026-11"), 1000);
            assertTrue(new String(xml, StandardCharsets.UTF_8).contains("<IterationCount>1000</IterationCount>"));
            try (SeedImport back = PskcReader.read(xml, new PskcProtection.Password(password, ""), ImportMode.FAIL_HARD)) {
                assertSame(entries, back.entries());
            }
            try (SeedImport soft = PskcReader.read(xml, new PskcProtection.Password(wrong, ""), ImportMode.FAIL_SOFT)) {
                assertTrue(soft.entries().isEmpty());
                assertEquals(3, soft.rejections().size());
                assertTrue(soft.rejections().stream().allMatch(r -> r.code().equals(SeedFileCodes.MAC_FAILED)));
                Path rejects = dir.resolve("rejects.pskc");
                assertTrue(soft.writeRejected(rejects));
                assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(rejects)));
                try (SeedImport again = PskcReader.read(Files.readAllBytes(rejects), new PskcProtection.Password(password, ""),
                        ImportMode.FAIL_HARD)) {
                    assertSame(entries, again.entries());
                }
            }
        } finally {
            entries.forEach(SeedEntry::close);
        }
    }

    @Test
    void exportsRefuseUnencryptedPskc() {
        List<SeedEntry> entries = sample();
        TokenException e = assertThrows(TokenException.class, () -> PskcWriter.write(entries, PskcProtection.NONE));
        assertEquals(SeedFileCodes.NOT_EXPORTABLE, e.code());
        entries.forEach(SeedEntry::close);
    }

    @Test
    void vendorCsvWithAndWithoutColumnsFailingLineByLine() throws Exception {
        String csv = "# box 17\n"
                + "TB0001,GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ\n"
                + "TB0002,GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ,SHA256,8,60\r\n"
                + "TB0003,NOT-BASE32-1!\n"
                + ",GEZDGNBVGY3TQOJQ\n"
                + "TB0001,GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ\n"
                + "TB0004,GEZDGNBVGY3TQOJQ,MD5,6,30\n"
                + "\n";
        try (SeedImport result = VendorCsv.read(csv.getBytes(StandardCharsets.UTF_8))) {
            assertEquals(List.of("TB0001", "TB0002"), result.entries().stream().map(SeedEntry::serial).toList());
            SeedEntry second = result.entries().get(1);
            assertEquals(OtpAlgorithm.SHA256, second.account().params().algorithm());
            assertEquals(8, second.account().params().digits());
            assertEquals(60, second.account().params().periodSeconds());
            assertEquals(RFC6238_KEY, result.entries().get(0).account().secret().apply(HexFormat.of()::formatHex));
            assertEquals(List.of(4, 5, 6, 7), result.rejections().stream().map(r -> r.position()).toList());
            assertEquals(SeedFileCodes.DUPLICATE_SERIAL, result.rejections().get(2).code());
            result.rejections().forEach(r -> assertFalse(r.reason().contains("GEZDGNBV"), "no seed in a reason: " + r.reason()));
            Path rejects = dir.resolve("rejects.csv");
            result.writeRejected(rejects);
            assertEquals(List.of("TB0003,NOT-BASE32-1!", ",GEZDGNBVGY3TQOJQ", "TB0001,GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ",
                    "TB0004,GEZDGNBVGY3TQOJQ,MD5,6,30"), Files.readAllLines(rejects));
        }
        String headed = "Serial,Account,Secret,Period\nTB0009,dave@example.com,GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ,60\n";
        try (SeedImport result = VendorCsv.read(headed.getBytes(StandardCharsets.UTF_8))) {
            assertEquals("dave@example.com", result.entries().get(0).account().params().account());
            assertEquals(60, result.entries().get(0).account().params().periodSeconds());
        }
        // Values the header names no column for are refused, not dropped: MD5, 7 digits and period 0 must not become SHA1/6/30.
        String extra = "serial,secret\nTB0010,GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ,MD5,7,0\n";
        try (SeedImport result = VendorCsv.read(extra.getBytes(StandardCharsets.UTF_8))) {
            assertEquals(0, result.entries().size());
            assertEquals(SeedFileCodes.BAD_LINE, result.rejections().get(0).code());
            assertTrue(result.rejections().get(0).reason().contains("it has 5 fields but the header has 2"), result.rejections().get(0).reason());
        }
    }

    @Test
    void entraCsvTakesSha1TotpOnlyAndPrivacyIdeaCsvSha1Only() throws Exception {
        List<SeedEntry> sha1 = List.of(entry("TB0001", RFC6238_KEY, OtpAlgorithm.SHA1, 6, 30, "alice@example.com"),
                entry("TB0002", RFC6238_KEY, OtpAlgorithm.SHA1, 6, 60, "bob@example.com"));
        List<SeedEntry> mixed = sample();
        try {
            assertEquals("upn,serial number,secret key,time interval,manufacturer,model\n"
                    + "alice@example.com,TB0001,GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ,30,Token2,C302\n"
                    + "bob@example.com,TB0002,GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ,60,Token2,C302\n",
                    new String(SeedExport.entraCsv(sha1), StandardCharsets.UTF_8));
            assertEquals("TB0001, " + RFC6238_KEY + ", totp, 6, 30\nTB0002, " + RFC6238_KEY + ", totp, 6, 60\n",
                    new String(SeedExport.privacyIdeaCsv(sha1), StandardCharsets.UTF_8));
            assertEquals(SeedFileCodes.NOT_EXPORTABLE, assertThrows(TokenException.class, () -> SeedExport.entraCsv(mixed)).code());
            assertEquals(SeedFileCodes.NOT_EXPORTABLE, assertThrows(TokenException.class, () -> SeedExport.privacyIdeaCsv(mixed)).code());
            // The Entra file, read back as a vendor CSV with a header, gives the same credentials.
            try (SeedImport back = VendorCsv.read(SeedExport.entraCsv(sha1))) {
                assertEquals(2, back.entries().size());
                assertTrue(back.entries().get(1).account().secret().sameAs(sha1.get(1).account().secret()));
                assertEquals("bob@example.com", back.entries().get(1).account().params().account());
                try (OtpGenerator a = OtpGenerator.open(back.entries().get(0).account().secret(), back.entries().get(0).account().params())) {
                    assertEquals("287082", a.codeAt(59), "RFC 6238's SHA-1 vector at T=59, 6 digits");
                }
            }
        } finally {
            sha1.forEach(SeedEntry::close);
            mixed.forEach(SeedEntry::close);
        }
    }

    @Test
    void exportsAreWrittenPrivatelyAndRecordedImportsToo() throws Exception {
        KeptAuditLog audit = new KeptAuditLog();
        List<SeedEntry> entries = List.of(entry("TB0001", RFC6238_KEY, OtpAlgorithm.SHA1, 6, 30, "alice@example.com"));
        try (Secret key = Secret.adopt(new byte[32])) {
            for (SeedExport.Format format : SeedExport.Format.values()) {
                Path out = dir.resolve("export-" + format);
                SeedExport.write(format, entries, new PskcProtection.PreSharedKey(key, "k"), out, audit);
                assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(out)));
            }
            assertEquals(3, audit.events().size());
            assertTrue(audit.events().stream().allMatch(e -> e.action().equals(AuditEvent.EXPORT) && e.outcome() == AuditEvent.Outcome.SUCCEEDED));
            assertTrue(audit.events().get(1).detail().contains("entra-csv"), audit.events().get(1).detail());
            audit.events().forEach(e -> assertFalse(e.detail().contains("GEZDGNBV")));
            try (SeedImport back = SeedFiles.read(Files.readAllBytes(dir.resolve("export-PSKC")), "export-PSKC",
                    new PskcProtection.PreSharedKey(key, ""), ImportMode.FAIL_HARD, audit)) {
                assertEquals(1, back.entries().size());
            }
            assertEquals(AuditEvent.IMPORT, audit.events().get(3).action());
            assertTrue(audit.events().get(3).detail().contains("1 imported, 0 not imported"), audit.events().get(3).detail());
            List<SeedEntry> sha256 = List.of(entry("TB0002", RFC6238_KEY, OtpAlgorithm.SHA256, 6, 30, "b"));
            assertThrows(TokenException.class, () -> SeedExport.write(SeedExport.Format.ENTRA_CSV, sha256, PskcProtection.NONE,
                    dir.resolve("refused.csv"), audit));
            assertEquals(AuditEvent.Outcome.FAILED, audit.events().get(4).outcome());
            assertFalse(Files.exists(dir.resolve("refused.csv")));
            sha256.forEach(SeedEntry::close);
        } finally {
            entries.forEach(SeedEntry::close);
        }
    }
}
