package org.tokenbench.diagnostics.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.tokenbench.core.ErrorCode;
import org.tokenbench.core.TokenException;
import org.tokenbench.diagnostics.Diagnosis;
import org.tokenbench.diagnostics.DiagnosticsRegistry;
import org.tokenbench.diagnostics.Severity;
import org.tokenbench.diagnostics.internal.CatalogRegistry;

/** The shipped translations (skf_zh.catalog beside skf.catalog, ...) and how the registry picks them by locale. */
class CatalogTranslationTest {

    private static final Locale ZH_CN = Locale.SIMPLIFIED_CHINESE;

    /**
     * Every translation in every bundle of this framework against its catalog: the same codes, no more, every text
     * translated. Fails naming the code when an English entry is added without its Chinese one.
     */
    @Test
    void everyTranslationHasExactlyTheCodesOfItsCatalog() throws IOException {
        Set<String> checked = new TreeSet<>();
        List<String> problems = new ArrayList<>();
        for (Bundle bundle : Registry.context().getBundles()) {
            String header = bundle.getHeaders("").get(DiagnosticsRegistry.CATALOG_HEADER);
            if (header == null) {
                continue;
            }
            for (String listed : header.split(",")) {
                String catalog = listed.strip();
                int slash = catalog.lastIndexOf('/');
                String folder = slash < 0 ? "/" : catalog.substring(0, slash);
                String name = catalog.substring(slash + 1, catalog.length() - ".catalog".length());
                for (URL translation : Collections.list(bundle.findEntries(folder, name + "_*.catalog", false) == null
                        ? Collections.emptyEnumeration() : bundle.findEntries(folder, name + "_*.catalog", false))) {
                    String source = bundle.getSymbolicName() + translation.getPath();
                    try (InputStream base = bundle.getEntry(catalog).openStream(); InputStream translated = translation.openStream()) {
                        problems.addAll(DiagnosticsRegistry.checkTranslation(base, bundle.getSymbolicName() + "/" + catalog, translated, source));
                    }
                    checked.add(source);
                }
            }
        }
        assertEquals(List.of(), problems);
        for (String required : List.of("org.tokenbench.diagnostics/catalogs/skf_zh.catalog", "org.tokenbench.diagnostics/catalogs/pcsc_zh.catalog",
                "org.tokenbench.diagnostics/catalogs/iso7816_zh.catalog", "org.tokenbench.diagnostics/catalogs/guomi-console_zh.catalog",
                "org.tokenbench.driver.guomi/catalogs/guomi_zh.catalog", "org.tokenbench.skf/catalogs/skf-libraries_zh.catalog",
                "org.tokenbench.diagnostics/catalogs/tokenbench_zh.catalog", "org.tokenbench.diagnostics/catalogs/ykoath_zh.catalog",
                "org.tokenbench.diagnostics/catalogs/safeid_zh.catalog", "org.tokenbench.diagnostics/catalogs/otp_zh.catalog",
                "org.tokenbench.diagnostics/catalogs/qr_zh.catalog", "org.tokenbench.fleet/catalogs/fleet_zh.catalog",
                "org.tokenbench.programming/catalogs/batch_zh.catalog", "org.tokenbench.seedfiles/catalogs/seeds_zh.catalog")) {
            assertTrue(checked.contains(required), required + " not found; checked: " + checked);
        }
    }

    @Test
    void theCheckNamesAnUntranslatedCodeAndOneTheCatalogLacks() throws IOException {
        String catalog = """
                namespace = vendor.x
                family = X keys
                0x0001 | error | Key locked | The key is locked. | Too many PINs; admin lock | Unblock it.
                0x0002 | error | Key missing | | | Plug it in.
                0x0004 | warning | Key old | | | Replace it.
                """;
        String translation = """
                namespace = vendor.x
                0x0001 | | 密钥已锁定 | | 错误次数过多 | 解锁。
                0x0003 | | 多余 | | | 多余。
                0x0004 | error | 旧 | | | 更换。
                """;
        List<String> problems = DiagnosticsRegistry.checkTranslation(stream(catalog), "x.catalog", stream(translation), "x_zh.catalog");
        assertEquals(List.of(
                "x_zh.catalog: vendor.x:0x0001 lacks its translated explanation, causes (1 of 2); English shows there",
                "x_zh.catalog: no translation of vendor.x:0x0002 (Key missing); it shows in English",
                "x_zh.catalog: vendor.x:0x0004 has severity error, the catalog warning; severities are not translated (leave the field empty)",
                "x_zh.catalog: vendor.x:0x0003 is not in the catalog it translates; remove it or correct its code"), problems);
    }

    @Test
    void chineseForSkfAndPcscCodesEnglishWhereNoTranslationExists() throws Exception {
        DiagnosticsRegistry zh = Registry.get().forLocale(ZH_CN);
        Diagnosis wrongPin = zh.explain(ErrorCode.of("skf", 0x0A000024L)).orElseThrow();
        assertEquals("PIN码错误 (SAR_PIN_INCORRECT)", wrongPin.title());
        assertEquals("U盾拒绝了该PIN码，并将重试次数减少了一次。", wrongPin.explanation());
        assertEquals(List.of("PIN码输入错误", "把管理员PIN码当作用户PIN码输入", "键盘布局或大写锁定"), wrongPin.likelyCauses());
        assertEquals("国密U盾（GM/T 0016 SKF 接口）", wrongPin.family());
        assertEquals(Severity.ERROR, wrongPin.severity(), "severity is never translated");
        assertEquals("skf:0x0A000024", wrongPin.code().toString());
        assertEquals(ZH_CN, wrongPin.locale());

        Diagnosis busy = zh.explain(ErrorCode.of("pcsc", 0x8010000BL)).orElseThrow();
        assertEquals("其他程序正在使用该读卡器 (SCARD_E_SHARING_VIOLATION)", busy.title());
        assertTrue(busy.remedy().startsWith("关闭消息中提到的程序"), busy.remedy());

        assertEquals("PIN码或密钥错误：还剩 2 次重试机会", zh.explain(ErrorCode.of("iso7816", 0x63C2)).orElseThrow().title(),
                "a translated range fills in its parameter");

        // TokenBench's own namespaces are translated too; the catalog's English stays what Locale.ROOT reads.
        Diagnosis otp = zh.explain(ErrorCode.of("otp", 4)).orElseThrow();
        assertEquals("密钥不是有效的 Base32", otp.title());
        assertEquals("OTP 种子、二维码和 otpauth URI", otp.family());
        assertEquals("The key is not valid Base32", Registry.get().forLocale(Locale.ROOT).explain(ErrorCode.of("otp", 4)).orElseThrow().title());
        assertEquals("没有驱动能识别此卡", zh.explain(ErrorCode.of("tokenbench", 8)).orElseThrow().title());

        // a language without a translation reads English

        assertEquals("Wrong PIN (SAR_PIN_INCORRECT)", Registry.get().forLocale(Locale.ENGLISH).explain(ErrorCode.of("skf", 0x0A000024L)).orElseThrow().title());
        assertEquals("Wrong PIN (SAR_PIN_INCORRECT)", Registry.get().forLocale(Locale.GERMANY).explain(ErrorCode.of("skf", 0x0A000024L)).orElseThrow().title());
        assertEquals(List.of(), ((CatalogRegistry) Registry.get()).problems(), "the shipped translations load without problems");
    }

    @Test
    void renderedInChineseWithChineseLabels() throws Exception {
        String text = Registry.get().forLocale(ZH_CN).render(new TokenException(ErrorCode.of("skf", 0x0A000024L), "the key refused the user PIN"));
        String nl = System.lineSeparator();
        assertEquals("PIN码错误 (SAR_PIN_INCORRECT) [skf:0x0A000024]" + nl
                + "  U盾拒绝了该PIN码，并将重试次数减少了一次。" + nl
                + "  可能原因：PIN码输入错误；把管理员PIN码当作用户PIN码输入；键盘布局或大写锁定" + nl
                + "  处理办法：再次尝试之前，先查看 TokenBench 显示的剩余重试次数。切勿循环重试：重试次数为 0 时PIN码将被锁定。" + nl
                + "  详细信息：the key refused the user PIN", text);
    }

    @Test
    void theDefaultLocaleDecidesWhenNoneIsGiven() throws Exception {
        DiagnosticsRegistry registry = Registry.get();
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.of("zh", "CN"));
            assertEquals("PIN码已锁定 (SAR_PIN_LOCKED)", registry.explain(ErrorCode.of("skf", 0x0A000025L)).orElseThrow().title());
            assertEquals("没有可用的读卡器 (SCARD_E_NO_READERS_AVAILABLE)", registry.lookup(0x8010002EL).get(0).title());
            Locale.setDefault(Locale.forLanguageTag("zh-Hans-SG"));
            assertEquals("PIN码已锁定 (SAR_PIN_LOCKED)", registry.explain(ErrorCode.of("skf", 0x0A000025L)).orElseThrow().title(),
                    "zh_Hans_SG falls back to zh");
            Locale.setDefault(Locale.US);
            assertEquals("PIN locked (SAR_PIN_LOCKED)", registry.explain(ErrorCode.of("skf", 0x0A000025L)).orElseThrow().title());
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    void listedEntriesAndTheClosestCodesComeTranslatedToo() throws Exception {
        DiagnosticsRegistry zh = Registry.get().forLocale(ZH_CN);
        List<Diagnosis> skf = zh.entries("skf");
        assertEquals(51, skf.size());
        assertTrue(skf.stream().allMatch(d -> d.title().codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)),
                "every SKF title is Chinese");
        assertEquals("设备已移除 (SAR_DEVICE_REMOVED)", zh.closest(0x0A000023L, 1).get(0).title());
        assertEquals(Registry.get().namespaces(), zh.namespaces(), "namespaces are never translated");
    }

    private static InputStream stream(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }
}
