package org.tokenbench.skf.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.tokenbench.core.device.TransportStatus;
import org.tokenbench.core.driver.Checklist;
import org.tokenbench.skf.SkfEnvironment;
import org.tokenbench.skf.internal.SkfTransport;
import org.tokenbench.testing.KeepsDefaultLocale;
import org.tokenbench.testing.Translations;
import org.tokenbench.testing.skf.SoftSkf;

/** What the SKF transport tells users, in English and in Simplified Chinese, with the real soft SKF library. */
@ExtendWith(KeepsDefaultLocale.class)
class SkfTransportTextsTest {

    @TempDir
    Path dir;

    @Test
    void everyTextHasItsChineseOne() {
        Translations.assertComplete(SkfTransport.TEXTS);
    }

    @Test
    void withoutALibraryTheStatusSaysWhatToConfigureInTheUsersLanguage() {
        SkfTransport transport = new SkfTransport(dir.resolve("home"), Duration.ofMillis(300));
        Locale.setDefault(Locale.ROOT);
        TransportStatus english = transport.status();
        assertEquals("USB keys through vendors' SKF libraries (GM/T 0016)", transport.displayName());
        assertEquals("no vendor SKF library is configured", english.summary());
        assertEquals("no vendor SKF library is configured: choose the key vendor's SKF library in the preferences "
                + "or with 'tokenbench guomi library'", english.detail());
        Locale.setDefault(Locale.SIMPLIFIED_CHINESE);
        TransportStatus chinese = transport.status();
        assertFalse(chinese.available());
        assertEquals("\u901a\u8fc7\u5382\u5546 SKF \u63a5\u53e3\u5e93\u8fde\u63a5\u7684\u56fd\u5bc6U\u76fe\uff08GM/T 0016\uff09", transport.displayName());
        assertEquals("\u672a\u914d\u7f6e\u5382\u5546 SKF \u63a5\u53e3\u5e93", chinese.summary());
        assertTrue(chinese.detail().startsWith("\u672a\u914d\u7f6e\u5382\u5546 SKF \u63a5\u53e3\u5e93\uff1a"), chinese.detail());
        assertTrue(chinese.detail().contains("tokenbench guomi library"), "commands stay as typed: " + chinese.detail());
    }

    @Test
    void usableAndFailingLibrariesAreCountedInTheUsersLanguage() throws Exception {
        SoftSkf key = SoftSkf.create(SoftSkf.library(), dir.resolve("key"), Map.of());
        SkfTransport transport = new SkfTransport(dir.resolve("home"), Duration.ofMillis(300));
        transport.attach(key.libraryPath());
        assertEquals(1, transport.slots().size());
        Locale.setDefault(Locale.ROOT);
        assertEquals("1 of 1 SKF library usable", transport.status().summary());
        Locale.setDefault(Locale.SIMPLIFIED_CHINESE);
        TransportStatus one = transport.status();
        assertTrue(one.available());
        assertEquals("1 \u4e2a SKF \u63a5\u53e3\u5e93\u4e2d 1 \u4e2a\u53ef\u7528", one.summary());
        assertEquals(one.summary(), one.detail());

        Path vanishing = SoftSkf.copyAsVendor(dir.resolve("lib"), "libvanishing.so");
        transport.configure("vanishing", vanishing);
        Files.delete(vanishing);
        transport.slots();
        TransportStatus half = transport.status();
        assertEquals("2 \u4e2a SKF \u63a5\u53e3\u5e93\u4e2d 1 \u4e2a\u53ef\u7528", half.summary());
        assertTrue(half.detail().startsWith(half.summary() + "\uff1b") && half.detail().contains("libvanishing.so"), half.detail());
        Locale.setDefault(Locale.ROOT);
        TransportStatus english = transport.status();
        assertEquals("1 of 2 SKF libraries usable", english.summary());
        assertTrue(english.detail().startsWith("1 of 2 SKF libraries usable; "), english.detail());
    }

    @Test
    void theEnvironmentStepsAreTitledInTheLanguageOfEachCheckWithTheSameIds() throws Exception {
        SoftSkf key = SoftSkf.create(SoftSkf.library(), dir.resolve("key"), Map.of());
        Locale.setDefault(Locale.SIMPLIFIED_CHINESE);
        List<Checklist.Result> healthy = SkfEnvironment.check(key.libraryPath().toString());
        assertEquals(List.of("library-loads", "functions-exported", "device-present"), healthy.stream().map(r -> r.step().id()).toList());
        assertEquals(List.of("\u5df2\u627e\u5230\u5382\u5546 SKF \u63a5\u53e3\u5e93\u4e14\u53ef\u4ee5\u52a0\u8f7d",
                "\u63a5\u53e3\u5e93\u5bfc\u51fa\u4e86 SKF \u51fd\u6570", "\u56fd\u5bc6U\u76fe\u5df2\u63d2\u5165"),
                healthy.stream().map(r -> r.step().title()).toList());
        assertEquals(SkfEnvironment.steps(), healthy.stream().map(Checklist.Result::step).toList());
        assertTrue(healthy.get(1).detail().endsWith("\u4e2a\u51fd\u6570\uff0c\u5e76\u652f\u6301\u62d4\u51fa\u4e8b\u4ef6"), healthy.get(1).detail());

        List<Checklist.Result> missing = SkfEnvironment.check(dir.resolve("libnothere.so").toString());
        assertEquals(Checklist.Status.SKIPPED, missing.get(2).status());
        assertEquals("\u672a\u68c0\u67e5\uff1a\u201c\u5df2\u627e\u5230\u5382\u5546 SKF \u63a5\u53e3\u5e93\u4e14\u53ef\u4ee5\u52a0\u8f7d\u201d\u672a\u901a\u8fc7",
                missing.get(2).detail());

        Locale.setDefault(Locale.ROOT);
        List<Checklist.Result> english = SkfEnvironment.check(dir.resolve("libnothere.so").toString());
        assertEquals(SkfEnvironment.STEPS, english.stream().map(Checklist.Result::step).toList(), "the constants carry the English titles");
        assertEquals("not checked: \"Vendor SKF library found and loadable\" failed", english.get(2).detail());
    }
}
