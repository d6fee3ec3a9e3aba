package org.tokenbench.diagnostics.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.tokenbench.core.ErrorCode;
import org.tokenbench.diagnostics.DiagnosticsRegistry;
import org.tokenbench.diagnostics.internal.CatalogRegistry;

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
    void aBundleAddedAtRuntimeExtendsTheRegistryAndTakesItsCodesAway() throws Exception {
        DiagnosticsRegistry registry = Registry.get();
        AtomicInteger changes = new AtomicInteger();
        assertTrue(registry.explain(ErrorCode.of("vendor.acme", 0x0B000007L)).isEmpty());

        Bundle vendor = Registry.context().installBundle("test:acme-catalog", new ByteArrayInputStream(vendorBundle()));
        try (AutoCloseable listening = registry.onChange(changes::incrementAndGet)) {
            vendor.start();
            assertEquals("Only one key may be plugged in",
                    registry.explain(ErrorCode.of("vendor.acme", 0x0B000007L)).orElseThrow().title());
            assertEquals("Key busy (slot 3)", registry.lookup(0x0B0000F3L).get(0).title());
            assertTrue(registry.namespaces().contains("vendor.acme"));
            assertTrue(((CatalogRegistry) registry).problems().stream()
                    .anyMatch(p -> p.startsWith("com.acme.tokenbench.catalog/acme.catalog:6: expected 6 fields")),
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

    private static byte[] vendorBundle() throws Exception {
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue("Bundle-ManifestVersion", "2");
        main.putValue("Bundle-SymbolicName", "com.acme.tokenbench.catalog");
        main.putValue("Bundle-Version", "1.0.0");
        main.putValue(DiagnosticsRegistry.CATALOG_HEADER, "acme.catalog");
        ByteArrayOutputStream jar = new ByteArrayOutputStream();
        try (JarOutputStream out = new JarOutputStream(jar, manifest)) {
            out.putNextEntry(new JarEntry("acme.catalog"));
            out.write(CATALOG.getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
        return jar.toByteArray();
    }
}
