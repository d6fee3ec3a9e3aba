package org.tokenbench.platform.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.tokenbench.core.driver.DriverDescriptor;
import org.tokenbench.core.driver.DriverRegistry;
import org.tokenbench.core.driver.DriverRegistry.RegisteredDriver;
import org.tokenbench.core.driver.FamilyDescriptor;
import org.tokenbench.testing.OsgiServices;

/**
 * TokenBench's drivers name themselves and each of their families in Simplified Chinese (tokenbench-driver_zh.properties
 * beside the descriptor), read through the driver's own bundle: a new family without its Chinese name fails here.
 */
class DriverNamesTranslationTest {

    @Test
    void everyTokenBenchDriverAndFamilyHasItsChineseName() throws InterruptedException {
        List<RegisteredDriver> drivers = OsgiServices.await(DriverRegistry.class).drivers().stream()
                .filter(d -> d.info().id().startsWith("org.tokenbench.driver.")).toList();
        assertEquals(List.of("org.tokenbench.driver.guomi", "org.tokenbench.driver.oath", "org.tokenbench.driver.safeid"),
                drivers.stream().map(d -> d.info().id()).sorted().toList());
        for (RegisteredDriver driver : drivers) {
            Class<?> type = driver.driver().getClass();
            DriverDescriptor english = DriverDescriptor.load(type, DriverDescriptor.DEFAULT_RESOURCE, Locale.ROOT);
            DriverDescriptor chinese = DriverDescriptor.load(type, DriverDescriptor.DEFAULT_RESOURCE, Locale.SIMPLIFIED_CHINESE);
            assertTrue(isChinese(chinese.name()) && !english.name().equals(chinese.name()), english.name() + " → " + chinese.name());
            for (FamilyDescriptor family : english.families()) {
                FamilyDescriptor translated = chinese.family(family.id()).orElseThrow();
                assertTrue(isChinese(translated.name()), driver.info().id() + " " + family.id() + " has no Chinese name: " + translated.name());
                // only the name is translated: what the driver matches and offers is the same in every language
                assertEquals(family.atrPatterns().toString(), translated.atrPatterns().toString());
                assertEquals(family.readerPatterns(), translated.readerPatterns());
                assertEquals(family.digits(), translated.digits());
                assertEquals(family.pinTypes(), translated.pinTypes());
            }
            assertEquals(english.id(), chinese.id());
            assertEquals(english.vendor(), chinese.vendor());
            assertEquals(english.features(), chinese.features());
        }
    }

    @Test
    void theGlossaryTermsAreUsed() {
        DriverDescriptor guomi = DriverDescriptor.load(guomiDriver(), DriverDescriptor.DEFAULT_RESOURCE, Locale.SIMPLIFIED_CHINESE);
        assertEquals("\u56fd\u5bc6 SM2 U\u76fe\uff08GM/T 0016 SKF\uff09", guomi.family("sm2-key").orElseThrow().name());
        assertNotEquals(guomi.name(), DriverDescriptor.load(guomiDriver(), DriverDescriptor.DEFAULT_RESOURCE, Locale.ENGLISH).name(),
                "English stays English under any other language");
        assertFalse(DriverDescriptor.load(guomiDriver(), DriverDescriptor.DEFAULT_RESOURCE, Locale.ENGLISH).name().chars().anyMatch(c -> c > 0x2E80));
    }

    private static Class<?> guomiDriver() {
        try {
            return OsgiServices.await(DriverRegistry.class).drivers().stream().filter(d -> d.info().id().equals("org.tokenbench.driver.guomi"))
                    .findFirst().orElseThrow().driver().getClass();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static boolean isChinese(String text) {
        return text.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
    }
}
