package org.tokenbench.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tokenbench.ui.internal.model.LanguageSetting;
import org.tokenbench.ui.internal.model.LanguageSetting.Choice;

/** The language choice in the user's Equinox config.ini, without a display: Equinox's own lines stay as they were. */
class LanguageSettingTest {

    @TempDir
    Path dir;

    @Test
    void theChoiceIsOsgiNlInConfigIniAndAutomaticRemovesIt() throws Exception {
        Path ini = dir.resolve("configuration/config.ini");
        assertEquals(Choice.AUTOMATIC, LanguageSetting.read(ini), "no file: the OS decides");
        LanguageSetting.write(ini, Choice.SIMPLIFIED_CHINESE);
        assertEquals(List.of("osgi.nl=zh_CN"), Files.readAllLines(ini));
        assertEquals(Choice.SIMPLIFIED_CHINESE, LanguageSetting.read(ini));

        Files.write(ini, List.of("#Equinox's own", "osgi.bundles=a.jar@start", "osgi.nl=zh_CN", "eclipse.product=org.tokenbench.app.product"));
        LanguageSetting.write(ini, Choice.ENGLISH);
        assertEquals(List.of("#Equinox's own", "osgi.bundles=a.jar@start", "eclipse.product=org.tokenbench.app.product", "osgi.nl=en"),
                Files.readAllLines(ini));
        LanguageSetting.write(ini, Choice.AUTOMATIC);
        assertEquals(List.of("#Equinox's own", "osgi.bundles=a.jar@start", "eclipse.product=org.tokenbench.app.product"), Files.readAllLines(ini));
        assertEquals(Choice.AUTOMATIC, LanguageSetting.read(ini));
    }

    @Test
    void aRestartIsNeededOnlyWhenTheLanguageShownWouldChange() {
        assertTrue(LanguageSetting.restartNeeded(Choice.SIMPLIFIED_CHINESE, "en_US", Locale.US));
        assertFalse(LanguageSetting.restartNeeded(Choice.ENGLISH, "en_US", Locale.US));
        assertFalse(LanguageSetting.restartNeeded(Choice.AUTOMATIC, "zh_CN", Locale.SIMPLIFIED_CHINESE), "automatic on a Chinese desktop is Chinese");
        assertTrue(LanguageSetting.restartNeeded(Choice.AUTOMATIC, "zh_CN", Locale.US));
        assertEquals("\u7b80\u4f53\u4e2d\u6587", Choice.SIMPLIFIED_CHINESE.label(), "each language names itself in its own words");
    }
}
