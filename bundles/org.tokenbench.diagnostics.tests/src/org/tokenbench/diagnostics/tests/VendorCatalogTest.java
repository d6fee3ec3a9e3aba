package org.tokenbench.diagnostics.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.tokenbench.core.ErrorCode;
import org.tokenbench.diagnostics.Diagnosis;
import org.tokenbench.diagnostics.DiagnosticsRegistry;
import org.tokenbench.diagnostics.internal.CatalogRegistry;
import org.tokenbench.testing.TestBundles;

/** A vendor bundle built here, installed into the running framework, started, stopped and uninstalled. */
class VendorCatalogTest {

    private static final String CATALOG = """
            # ACME's own codes
            namespace = vendor.acme
            family = ACME SecureKey 3000
            0x0B000007 | error | Only one key may be plugged in | The ACME library supports one key at a time. | Two keys plugged in | Unplug all keys but one.
            0x0B0000F0/0xFFFFFFF0 | warning | Key busy (slot {n}) | | | Wait a moment and retry.
            this line is broken
            """;

    @Test
    void aBundleAddedAtRuntimeExtendsTheRegistryAndTakesItsCodesAway(@TempDir Path dir) throws Exception {
        DiagnosticsRegistry registry = Registry.get();
        AtomicInteger changes = new AtomicInteger();
        assertTrue(registry.explain(ErrorCode.of("vendor.acme", 0x0B000007L)).isEmpty());

        Path jar = TestBundles.catalogBundle(dir, "com.acme.tokenbench.catalog", CATALOG);
        Bundle vendor = Registry.context().installBundle(jar.toUri().toString());
        try (AutoCloseable listening = registry.onChange(changes::incrementAndGet)) {
            vendor.start();
            assertEquals("Only one key may be plugged in",
                    registry.explain(ErrorCode.of("vendor.acme", 0x0B000007L)).orElseThrow().title());
            assertEquals("Key busy (slot 3)", registry.lookup(0x0B0000F3L).get(0).title());
            assertTrue(registry.namespaces().contains("vendor.acme"));
            assertTrue(((CatalogRegistry) registry).problems().stream()
                    .anyMatch(p -> p.startsWith("com.acme.tokenbench.catalog/catalogs/test.catalog:6: expected 6 fields")),
                    ((CatalogRegistry) registry).problems().toString());

            vendor.stop();
            assertTrue(registry.explain(ErrorCode.of("vendor.acme", 0x0B000007L)).isEmpty(), "stopped bundle's codes must go");
            vendor.start();
            assertTrue(registry.explain(ErrorCode.of("vendor.acme", 0x0B000007L)).isPresent());
        } finally {
            vendor.uninstall();
        }
        assertFalse(registry.namespaces().contains("vendor.acme"));
        assertEquals(3, changes.get(), "start, stop, start: uninstall of a started bundle is the 4th change after the listener closed");
    }

    private static final String TRANSLATED = """
            namespace = vendor.acme
            0x0032 | error | Key overheated | The key reports overheating. | Left in the sun | Let it cool down.
            0x0033 | error | Key bent | | | Replace the key.
            """;

    /** A vendor's partial Chinese translation: a title translated, the remedy left empty, one code forgotten. */
    private static final String TRANSLATION = """
            namespace = vendor.acme
            family = ACME 安全U盾 3000
            0x0032 | | U盾过热 | U盾报告过热。 | 在阳光下放置过久 |
            """;

    @Test
    void aVendorsTranslationWorksInOsgiAndOnTheClassPathWithEnglishForWhatItLacks(@TempDir Path dir) throws Exception {
        Path file = TestBundles.jar(dir, "com.acme.tokenbench.zh", Map.of(DiagnosticsRegistry.CATALOG_HEADER, "catalogs/acme.catalog"),
                Map.of("catalogs/acme.catalog", TRANSLATED, "catalogs/acme_zh.catalog", TRANSLATION));
        Bundle vendor = Registry.context().installBundle(file.toUri().toString());
        try {
            vendor.start();
            assertAcmeInChinese(Registry.get());
            assertTrue(((CatalogRegistry) Registry.get()).problems().contains(
                    "com.acme.tokenbench.zh/catalogs/acme_zh.catalog: no translation of vendor.acme:0x0033 (Key bent); it shows in English"),
                    ((CatalogRegistry) Registry.get()).problems().toString());
        } finally {
            vendor.uninstall();
        }
        // The headless commands' fast path: the same jar read without OSGi, indexed and from a class loader.
        assertAcmeInChinese(DiagnosticsRegistry.fromJars(List.of(file)));
        try (URLClassLoader loader = new URLClassLoader(new URL[] {file.toUri().toURL()}, null)) {
            assertAcmeInChinese(DiagnosticsRegistry.fromClassPath(loader));
        }
    }

    private static void assertAcmeInChinese(DiagnosticsRegistry registry) {
        Diagnosis hot = registry.forLocale(Locale.SIMPLIFIED_CHINESE).explain(ErrorCode.of("vendor.acme", 0x32)).orElseThrow();
        assertEquals(List.of("U盾过热", "U盾报告过热。", "在阳光下放置过久", "Let it cool down.", "ACME 安全U盾 3000"),
                List.of(hot.title(), hot.explanation(), hot.likelyCauses().get(0), hot.remedy(), hot.family()));
        assertEquals("Key bent", registry.forLocale(Locale.SIMPLIFIED_CHINESE).explain(ErrorCode.of("vendor.acme", 0x33)).orElseThrow().title());
        assertEquals("Key overheated", registry.forLocale(Locale.ROOT).explain(ErrorCode.of("vendor.acme", 0x32)).orElseThrow().title());
        assertEquals("Key overheated", registry.forLocale(Locale.FRENCH).explain(ErrorCode.of("vendor.acme", 0x32)).orElseThrow().title());
    }
}
