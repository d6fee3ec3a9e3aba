package org.tokenbench.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.tokenbench.core.Texts;
import org.tokenbench.core.driver.DriverDescriptor;

/** Translated driver names beside a descriptor, and {@link Texts}: the language asked, English where none is given. */
class DriverDescriptorTranslationTest {

    private static final String ACME = "org/tokenbench/core/tests/acme-driver.properties";
    private static final Texts SAMPLE = Texts.beside(DriverDescriptorTranslationTest.class, "sample-texts");
    private final Locale before = Locale.getDefault();

    @AfterEach
    void restoreLocale() {
        Locale.setDefault(before);
    }

    @Test
    void namesComeFromTheMostSpecificTranslationAndTheRestStaysAsWritten() {
        DriverDescriptor english = DriverDescriptor.load(getClass(), ACME, Locale.ROOT);
        assertEquals("ACME tokens", english.name());
        DriverDescriptor chinese = DriverDescriptor.load(getClass(), ACME, Locale.SIMPLIFIED_CHINESE);
        assertEquals("ACME \u4ee4\u724c", chinese.name());
        assertEquals("ACME NFC \u4ee4\u724c", chinese.family("nfc").orElseThrow().name());
        assertEquals("ACME USB key", chinese.family("usb").orElseThrow().name(), "a name no translation gives stays");
        assertEquals(english.family("nfc").orElseThrow().atrPatterns().toString(), chinese.family("nfc").orElseThrow().atrPatterns().toString());
        DriverDescriptor taiwan = DriverDescriptor.load(getClass(), ACME, Locale.TRADITIONAL_CHINESE);
        assertEquals("ACME \u6b0a\u6756", taiwan.name(), "zh_TW before zh");
        assertEquals("ACME NFC \u4ee4\u724c", taiwan.family("nfc").orElseThrow().name(), "then zh");
    }

    @Test
    void theDefaultLoadFollowsTheJvmsLanguageAndNeverFallsBackToIt() {
        Locale.setDefault(Locale.SIMPLIFIED_CHINESE);
        assertEquals("ACME \u4ee4\u724c", DriverDescriptor.load(getClass(), ACME).name());
        assertEquals("ACME tokens", DriverDescriptor.load(getClass(), ACME, Locale.ENGLISH).name(),
                "English asked under a Chinese default is English");
    }

    @Test
    void aTranslationGivesNamesOnly() {
        // broken-driver_zh.properties also "translates" nfc.atr to any: the Chinese descriptor takes its name only
        DriverDescriptor chinese = DriverDescriptor.load(getClass(), "org/tokenbench/core/tests/broken-driver.properties", Locale.CHINESE);
        DriverDescriptor root = DriverDescriptor.load(getClass(), "org/tokenbench/core/tests/broken-driver.properties", Locale.ROOT);
        assertEquals("ACME \u4ee4\u724c", chinese.name());
        assertEquals("ACME broken", root.name());
        assertEquals(root.families().get(0).atrPatterns().toString(), chinese.families().get(0).atrPatterns().toString(), "the ATRs are the descriptor's own");
        assertEquals(root.families().get(0).anyAtr(), chinese.families().get(0).anyAtr());
    }

    @Test
    void textsAnswerInTheLanguageAskedWithEnglishForWhatIsNotTranslated() {
        assertEquals("2 keys for Alice", SAMPLE.get(Locale.ROOT, "greeting", 2, "Alice"));
        assertEquals("1 key for Alice", SAMPLE.get(Locale.ENGLISH, "greeting", 1, "Alice"));
        assertEquals("Alice \u7684 2 \u4e2aU\u76fe", SAMPLE.get(Locale.SIMPLIFIED_CHINESE, "greeting", 2, "Alice"));
        assertEquals("choose it with 'tokenbench guomi library'", SAMPLE.get(Locale.ROOT, "quoted"));
        assertEquals("only in English", SAMPLE.get(Locale.CHINA, "english.only"));
        Locale.setDefault(Locale.SIMPLIFIED_CHINESE);
        assertEquals("\u7528 \u201ctokenbench guomi library\u201d \u9009\u62e9", SAMPLE.get("quoted"));
        assertEquals("choose it with 'tokenbench guomi library'", SAMPLE.get(Locale.ENGLISH, "quoted"), "no fallback to the default's language");
    }

    @Test
    void untranslatedNamesMissingAndExtraKeys() {
        assertEquals(Set.of("english.only", "extra chinese.only"), SAMPLE.untranslated(Locale.SIMPLIFIED_CHINESE));
        assertEquals(Set.of("greeting", "quoted", "english.only"), SAMPLE.untranslated(Locale.FRENCH));
        assertEquals(Set.of("english.only", "greeting", "quoted"), SAMPLE.keys());
        assertEquals(Set.of(), SAMPLE.nonAsciiEnglish());
    }

    @Test
    void namesFromAVendorsFilesAreOneLineWithoutControlsAndBounded() {
        DriverDescriptor chinese = DriverDescriptor.load(getClass(), "org/tokenbench/core/tests/hostile-driver.properties", Locale.CHINESE);
        assertEquals("\u6076\u610f [2J ]0;owned \u9a71\u52a8 \u4f2a\u9020\u884c", chinese.name(), "escape, bell, CR and LF became spaces");
        assertEquals("ACME evil", chinese.vendor(), "a right-to-left override reorders what follows it");
        String family = chinese.families().get(0).name();
        assertEquals(120, family.codePointCount(0, family.length()));
        assertTrue(family.endsWith("\u2026"), family);
    }
}
