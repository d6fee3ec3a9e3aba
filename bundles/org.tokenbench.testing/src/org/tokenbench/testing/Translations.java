package org.tokenbench.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import java.util.Set;

import org.tokenbench.core.Texts;

/**
 * The drift check every bundle with user texts ({@link Texts} beside a class) runs: each English text has its
 * Simplified Chinese one, no translation keeps a key the English file dropped, and English stays ASCII. Tests that
 * switch the JVM's language meanwhile run with {@link KeepsDefaultLocale}.
 *
 * @since 0.2.0
 */
public final class Translations {

    private Translations() {
    }

    /** Fails naming the keys that are untranslated, extra in a translation, or not ASCII in English. */
    public static void assertComplete(Texts texts) {
        assertEquals(Set.of(), texts.untranslated(Locale.SIMPLIFIED_CHINESE), "English keys without their Chinese text, then extra keys");
        assertEquals(Set.of(), texts.untranslated(Locale.forLanguageTag("zh-Hans-SG")), "zh_SG and zh_Hans_* read the _zh file too");
        assertEquals(Set.of(), texts.nonAsciiEnglish(), "under LANG=C Java prints anything but ASCII as ?");
    }
}
