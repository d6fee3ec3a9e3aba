package org.tokenbench.driver.guomi.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.tokenbench.core.driver.Checklist.Result;
import org.tokenbench.core.driver.Checklist.Status;
import org.tokenbench.core.driver.Checklist;
import org.tokenbench.driver.guomi.internal.DeviceChecklist;
import org.tokenbench.testing.KeepsDefaultLocale;
import org.tokenbench.testing.Translations;
import org.tokenbench.testing.skf.SoftSkf;

/** The "USB key environment" checklist in Simplified Chinese, through the real soft SKF library; ids stay English. */
@ExtendWith(KeepsDefaultLocale.class)
class GuomiChecklistTextsTest {

    @TempDir
    Path dir;

    @Test
    void everyTextHasItsChineseOne() {
        Translations.assertComplete(DeviceChecklist.TEXTS);
    }

    @Test
    void underAChineseLocaleEveryStepAndDetailIsChineseAndTheIdsAreNot() throws Exception {
        SoftSkf key = SoftKeys.fresh(dir.resolve("key"), Map.of());
        Locale.setDefault(Locale.SIMPLIFIED_CHINESE);
        List<Result> results = SoftKeys.check(key, Optional.empty(), Optional.empty());
        assertEquals(GuomiChecklistTest.STEP_IDS, results.stream().map(r -> r.step().id()).toList());
        assertEquals(DeviceChecklist.allSteps(), results.stream().map(Result::step).toList());
        for (Result result : results) {
            assertTrue(hasHan(result.step().title()), "a Chinese title: " + result.step());
        }
        assertEquals("\u5df2\u627e\u5230\u5382\u5546 SKF \u63a5\u53e3\u5e93\u4e14\u53ef\u4ee5\u52a0\u8f7d", results.get(0).step().title());
        assertEquals("\u56fd\u5bc6U\u76fe\u5df2\u63d2\u5165", results.get(2).step().title());
        assertEquals("\u767b\u5f55\u7b7e\u540d\u5f80\u8fd4\u9a8c\u8bc1", results.get(9).step().title());
        assertTrue(results.get(3).detail().contains("\uff0c\u5e8f\u5217\u53f7 SOFT"), results.get(3).detail());
        Result chain = results.get(GuomiChecklistTest.STEP_IDS.indexOf("certificate-valid"));
        assertEquals(Status.SKIPPED, chain.status());
        assertTrue(chain.detail().startsWith("\u6709\u6548\u671f\u81f3 ") && chain.detail().endsWith("\uff1a\u672a\u63d0\u4f9b CA \u8bc1\u4e66"),
                chain.detail());
        assertTrue(results.get(8).detail().startsWith("\u8fd8\u53ef\u91cd\u8bd5 6 \u6b21\uff08\u5171 6 \u6b21\uff09"), results.get(8).detail());
        assertEquals("\u672a\u63d0\u4f9bPIN\u7801", results.get(9).detail());

        Locale.setDefault(Locale.ROOT);
        List<Result> english = SoftKeys.check(key, Optional.empty(), Optional.empty());
        assertEquals("Vendor SKF library found and loadable", english.get(0).step().title());
        assertEquals(DeviceChecklist.TEXTS.get(Locale.ROOT, "step.signature"), english.get(9).step().title());
        assertTrue(english.get(8).detail().startsWith("6 of 6 tries left"), english.get(8).detail());
        assertEquals("no PIN given", english.get(9).detail());
    }

    @Test
    void aStepNotCheckedNamesTheFailedOneInChinese() throws Exception {
        SoftSkf key = SoftKeys.fresh(dir.resolve("key"), Map.of());
        key.faults("remove SKF_EnumDev 1");
        Locale.setDefault(Locale.SIMPLIFIED_CHINESE);
        List<Result> results = SoftKeys.check(key, Optional.empty(), Optional.empty());
        assertEquals(Status.FAILED, results.get(2).status(), results.toString());
        Checklist.Step signature = results.get(9).step();
        assertEquals("signature", signature.id());
        assertEquals("\u672a\u68c0\u67e5\uff1a\u201c\u56fd\u5bc6U\u76fe\u5df2\u63d2\u5165\u201d\u672a\u901a\u8fc7", results.get(9).detail());
    }

    @Test
    void theCertificateChainIsDescribedInChinese() throws Exception {
        SoftSkf key = SoftKeys.fresh(dir.resolve("key"), Map.of());
        Locale.setDefault(Locale.SIMPLIFIED_CHINESE);
        Result chain = SoftKeys.check(key, Optional.of(SoftKeys.caOf(key)), Optional.empty())
                .get(GuomiChecklistTest.STEP_IDS.indexOf("certificate-valid"));
        assertEquals(Status.PASSED, chain.status(), chain.toString());
        assertTrue(chain.detail().startsWith("\u6709\u6548\u671f\u81f3 ") && chain.detail().contains("\uff0c\u7531 ")
                && chain.detail().endsWith(" \u7b7e\u53d1\uff1b\u672a\u68c0\u67e5\u540a\u9500\u72b6\u6001\uff08\u672a\u63d0\u4f9b CRL\uff09"),
                chain.detail());
        Locale.setDefault(Locale.ROOT);
        assertEquals("issued by CN=Root; not revoked (checked against 2 CRLs)",
                DeviceChecklist.TEXTS.get("chain.issuedBy", "CN=Root", DeviceChecklist.TEXTS.get("chain.revocation.checked", 2)));
        assertEquals("issued by CN=Root through 1 intermediate CA; x", DeviceChecklist.TEXTS.get("chain.issuedThrough", "CN=Root", 1, "x"));
    }

    private static boolean hasHan(String text) {
        return text.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
    }
}
