package org.tokenbench.driver.oath.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.tokenbench.core.Texts;
import org.tokenbench.core.driver.DeviceDetails;
import org.tokenbench.driver.oath.internal.OathDriver;
import org.tokenbench.testing.KeepsDefaultLocale;
import org.tokenbench.testing.Translations;
import org.tokenbench.testing.pcsc.OathVirtualCard;

/** A YubiKey's details: stable ids and English words for machines, labels and words in the user's language for people. */
@ExtendWith(KeepsDefaultLocale.class)
class OathDetailsTextsTest extends OathCardTest {

    private static final Texts TEXTS = Texts.beside(OathDriver.class, "messages");
    @Test
    void everyTextHasItsChineseOne() {
        Translations.assertComplete(TEXTS);
    }

    @Test
    void underAChineseLocaleTheDetailsAreShownInChineseAndTheirIdsStay() throws Exception {
        insert(OathVirtualCard.yubiKey5());
        open(OathDriverTest.YES);
        DeviceDetails details = session.feature(DeviceDetails.class).orElseThrow();
        Locale.setDefault(Locale.SIMPLIFIED_CHINESE);
        Map<String, String> ids = details.details();
        assertEquals(List.of("firmware", "device id", "password"), List.copyOf(ids.keySet()));
        assertEquals("none", ids.get("password"));
        Map<String, String> shown = details.displayed();
        assertEquals(List.of("\u56fa\u4ef6\u7248\u672c", "\u8bbe\u5907 ID", "OATH \u5bc6\u7801"), List.copyOf(shown.keySet()));
        assertEquals("\u672a\u8bbe\u7f6e", shown.get("OATH \u5bc6\u7801"));
        assertEquals(ids.get("firmware"), shown.get("\u56fa\u4ef6\u7248\u672c"));

        Locale.setDefault(Locale.ROOT);
        assertEquals(List.of("Firmware version", "Device ID", "OATH password"), List.copyOf(details.displayed().keySet()));
        assertEquals("none", details.displayed().get("OATH password"));
    }
}
