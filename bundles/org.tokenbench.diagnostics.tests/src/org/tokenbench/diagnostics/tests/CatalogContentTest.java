package org.tokenbench.diagnostics.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tokenbench.core.ErrorCode;
import org.tokenbench.core.TokenException;
import org.tokenbench.diagnostics.Diagnosis;
import org.tokenbench.diagnostics.DiagnosticsRegistry;
import org.tokenbench.diagnostics.internal.CatalogRegistry;

class CatalogContentTest {

    @Test
    void everyShippedCatalogLoadsWithoutProblemsAndEveryEntryHasARemedy() throws Exception {
        DiagnosticsRegistry registry = Registry.get();
        assertEquals(List.of(), ((CatalogRegistry) registry).problems());
        assertEquals(List.of("batch", "fleet", "guomi", "guomi.console", "iso7816", "otp", "pcsc", "qr", "safeid", "seeds", "skf", "tokenbench",
                "ykoath"), registry.namespaces(),
                "guomi, batch, fleet, seeds: the other bundles' catalogs (in this runtime for their translations)");
        List<Diagnosis> all = registry.entries("");
        assertEquals(51, registry.entries("skf").size(), "SAR_OK and 0x0A000001..0x0A000032");
        for (Diagnosis d : all) {
            assertFalse(d.title().isBlank(), d.code().toString());
            assertFalse(d.remedy().isBlank(), d.code() + " has no remedy");
            assertFalse(d.family().isBlank(), d.code() + " has no device family");
        }
    }

    @Test
    void catalogsAreComplete() throws Exception {
        DiagnosticsRegistry registry = Registry.get();
        // GM/T 0016: SAR_OK and 0x0A000001..0x0A000032, every one.
        assertTrue(registry.explain(ErrorCode.of("skf", 0)).isPresent());
        for (long sar = 0x0A000001L; sar <= 0x0A000032L; sar++) {
            assertTrue(registry.explain(ErrorCode.of("skf", sar)).isPresent(), "SKF " + Long.toHexString(sar));
        }
        // pcsc-lite: 0x80100001..0x80100031 except the unassigned 0x22, and 0x80100065..0x8010006F.
        for (long code = 0x80100001L; code <= 0x80100031L; code++) {
            if (code != 0x80100022L) {
                assertTrue(registry.explain(ErrorCode.of("pcsc", code)).isPresent(), "PC/SC " + Long.toHexString(code));
            }
        }
        for (long code = 0x80100065L; code <= 0x8010006FL; code++) {
            assertTrue(registry.explain(ErrorCode.of("pcsc", code)).isPresent(), "PC/SC " + Long.toHexString(code));
        }
        // Every OTP input problem has an entry.
        for (org.tokenbench.otp.OtpProblem problem : org.tokenbench.otp.OtpProblem.values()) {
            assertTrue(registry.explain(ErrorCode.of("otp", problem.code())).isPresent(), "otp " + problem);
        }
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', value = {
        "0x21210001|Certificate parsing error",
        "0x21220003|Certificate not found",
        "0x21250001|Failed to install the signing certificate",
        "0x21250002|Failed to install the signing certificate (key or container)",
        "0x21270002|Failed to authenticate the CA certificate",
        "0x212A0001|Incorrect license format",
        "0x212B0001|No license found",
        "0x212B0002|License needs to be updated",
        "0x02050008|Certificate not found (device layer)",
        "0x100F000C|Signature verification failed",
        "0x02020002|Incorrect device information"})
    void theElevenConsoleCodesOfSeed001(String code, String title) throws Exception {
        List<Diagnosis> found = Registry.get().lookup(Long.decode(code));
        assertEquals(1, found.size(), code + " known to " + found);
        assertEquals(title, found.get(0).title());
        assertEquals("guomi.console", found.get(0).code().namespace());
        assertFalse(found.get(0).likelyCauses().isEmpty());
    }

    @Test
    void rangesFillInTheirParameterAndExactEntriesWin() throws Exception {
        DiagnosticsRegistry registry = Registry.get();
        assertEquals("Wrong PIN or key: 2 tries left", registry.explain(ErrorCode.of("iso7816", 0x63C2)).orElseThrow().title());
        assertEquals("Wrong customer key (tries left: 1)", registry.explain(ErrorCode.of("safeid", 0x63C1)).orElseThrow().title());
        assertEquals("Wrong customer key (tries left: 3)", registry.explain(ErrorCode.of("safeid", 0x6303)).orElseThrow().title(), "Token2's 63 0N");
        assertEquals("Security status not satisfied", registry.explain(ErrorCode.of("iso7816", 0x6982)).orElseThrow().title());
        assertEquals("Command not allowed", registry.explain(ErrorCode.of("iso7816", 0x6999)).orElseThrow().title());
        assertEquals("Wrong Le: exactly 32 bytes available", registry.explain(ErrorCode.of("iso7816", 0x6C20)).orElseThrow().title());
        Diagnosis listed = registry.entries("iso7816").stream().filter(d -> d.pattern().equals("0x63Cx")).findFirst().orElseThrow();
        assertEquals("Wrong PIN or key: n tries left", listed.title(), "a listed range keeps its parameter open");
        assertEquals("0x6Cxx", registry.explain(ErrorCode.of("iso7816", 0x6C20)).orElseThrow().pattern());
        assertEquals("0x6982", registry.explain(ErrorCode.of("iso7816", 0x6982)).orElseThrow().pattern());
        List<String> namespaces = registry.lookup(0x6982).stream().map(d -> d.code().namespace()).toList();
        assertEquals(List.of("iso7816", "safeid", "ykoath"), namespaces, "a bare 6982 means something to three families");
    }

    @Test
    void unknownCodesGetTheClosestKnownOnes() throws Exception {
        List<Diagnosis> close = Registry.get().closest(0x21220004L, 3);
        assertEquals(0x21220003L, close.get(0).code().value());
        assertTrue(Registry.get().lookup(0x21220004L).isEmpty());
    }

    @Test
    void failuresRenderWithTitleCauseRemedyAndTheRawCode() throws Exception {
        String text = Registry.get().render(new TokenException(ErrorCode.of("skf", 0x0A000024L), "the key refused the user PIN"));
        assertTrue(text.startsWith("Wrong PIN (SAR_PIN_INCORRECT) [skf:0x0A000024]"), text);
        assertTrue(text.contains("What to do: Check the remaining tries"), text);
        assertTrue(text.contains("Detail: the key refused the user PIN"), text);
        String unknown = Registry.get().render(new TokenException(ErrorCode.of("vendor.x", 7), "odd"));
        assertEquals("odd [vendor.x:0x0007]", unknown);
    }
}
