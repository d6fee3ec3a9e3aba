package org.tokenbench.seedfiles.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tokenbench.core.TokenException;
import org.tokenbench.seedfiles.ImportMode;
import org.tokenbench.seedfiles.PskcProtection;
import org.tokenbench.seedfiles.PskcReader;
import org.tokenbench.seedfiles.SeedFileCodes;

/** Files built to read local files (XXE), to exhaust memory (entity expansion, deep nesting) or simply too large. */
class HostileXmlTest {

    @TempDir
    Path dir;

    private static TokenException refused(String xml) {
        return assertThrows(TokenException.class,
                () -> PskcReader.read(xml.getBytes(StandardCharsets.UTF_8), PskcProtection.NONE, ImportMode.FAIL_SOFT));
    }

    @Test
    void anExternalEntityIsRefusedAndTheFileNeverRead() throws Exception {
        Path secret = Files.writeString(dir.resolve("secret.txt"), "TOP-SECRET");
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE KeyContainer [<!ENTITY leak SYSTEM \"" + secret.toUri() + "\">]>"
                + "<KeyContainer Version=\"1.0\" xmlns=\"urn:ietf:params:xml:ns:keyprov:pskc\"><KeyPackage><DeviceInfo>"
                + "<SerialNo>&leak;</SerialNo></DeviceInfo></KeyPackage></KeyContainer>";
        TokenException e = refused(xxe);
        assertEquals(SeedFileCodes.HOSTILE_XML, e.code());
        assertFalse(e.getMessage().contains("TOP-SECRET"));
    }

    @Test
    void anExternalDtdIsRefused() {
        assertEquals(SeedFileCodes.HOSTILE_XML, refused("<?xml version=\"1.0\"?><!DOCTYPE KeyContainer SYSTEM \"http://127.0.0.1:9/x.dtd\">"
                + "<KeyContainer xmlns=\"urn:ietf:params:xml:ns:keyprov:pskc\"/>").code());
    }

    @Test
    void billionLaughsIsRefusedBeforeAnyExpansion() {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">");
        for (int i = 1; i <= 9; i++) {
            xml.append("<!ENTITY lol").append(i).append(" \"");
            for (int j = 0; j < 10; j++) {
                xml.append("&lol").append(i == 1 ? "" : String.valueOf(i - 1)).append(';');
            }
            xml.append("\">");
        }
        xml.append("]><KeyContainer xmlns=\"urn:ietf:params:xml:ns:keyprov:pskc\"><KeyPackage><DeviceInfo><SerialNo>&lol9;</SerialNo>"
                + "</DeviceInfo></KeyPackage></KeyContainer>");
        long before = System.nanoTime();
        assertEquals(SeedFileCodes.HOSTILE_XML, refused(xml.toString()).code());
        assertEquals(0, (System.nanoTime() - before) / 1_000_000_000L, "refused at once");
    }

    @Test
    void absurdNestingIsRefused() {
        String deep = "<KeyContainer xmlns=\"urn:ietf:params:xml:ns:keyprov:pskc\">" + "<a>".repeat(5000) + "</a>".repeat(5000) + "</KeyContainer>";
        assertEquals(SeedFileCodes.HOSTILE_XML, refused(deep).code());
    }

    @Test
    void anOversizedFileIsRefusedUnparsed() {
        byte[] huge = new byte[32 * 1024 * 1024 + 1];
        TokenException e = assertThrows(TokenException.class, () -> PskcReader.read(huge, PskcProtection.NONE, ImportMode.FAIL_SOFT));
        assertEquals(SeedFileCodes.TOO_LARGE, e.code());
    }

    @Test
    void otherXmlAndBrokenXmlAreNotSeedFiles() {
        assertEquals(SeedFileCodes.NOT_A_SEED_FILE, refused("<Tokens><Token serial=\"1\"/></Tokens>").code());
        assertEquals(SeedFileCodes.NOT_A_SEED_FILE, refused("<KeyContainer xmlns=\"urn:ietf:params:xml:ns:keyprov:pskc\">").code());
    }

    @Test
    void anAbsurdPbkdf2IterationCountIsRefusedNotComputed() throws Exception {
        String xml = new String(Rfc6030ExamplesTest.figure(7), StandardCharsets.UTF_8).replace("<IterationCount>1000<", "<IterationCount>2000000000<");
        try (org.tokenbench.core.Secret password = org.tokenbench.core.Secret.adopt("qwerty".getBytes(StandardCharsets.UTF_8))) {
            TokenException e = assertThrows(TokenException.class, () -> PskcReader.read(xml.getBytes(StandardCharsets.UTF_8),
                    new PskcProtection.Password(password, ""), ImportMode.FAIL_SOFT));
            assertEquals(SeedFileCodes.UNSUPPORTED_PROTECTION, e.code());
        }
    }
}
