package org.tokenbench.cli.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tokenbench.testing.TestBundles;

/** {@code tokenbench driver install|list|remove}: a bundle added by file, listed, explained, removed; bad input refused. */
class DriverCommandTest {

    @TempDir
    Path work;

    private static boolean explained(String code) throws InterruptedException {
        for (int i = 0; i < 40; i++) {
            if (CliRun.of("diagnose", code).exitCode() == 0) {
                return true;
            }
            Thread.sleep(50);
        }
        return false;
    }

    @Test
    void aBundleIsAddedListedExplainedAndRemoved() throws Exception {
        Path jar = TestBundles.catalogBundle(work, "com.example.clidemo", "namespace = clidemo\nfamily = CLI demo\n"
                + "0x0001 | error | CLI demo failure | The demo refused. | A test | Nothing.\n");
        CliRun install = CliRun.of("driver", "install", jar.toString());
        assertEquals(0, install.exitCode(), install.err());
        assertTrue(install.out().startsWith("com.example.clidemo\t1.0.0\tactive"), install.out());
        assertTrue(explained("clidemo:0x0001"), "the added bundle's catalog is explained");

        CliRun list = CliRun.of("driver", "list", "--json");
        assertEquals(0, list.exitCode(), list.err());
        assertTrue(list.out().contains("\"name\": \"com.example.clidemo\"") && list.out().contains("\"active\": true"), list.out());

        CliRun remove = CliRun.of("driver", "remove", "com.example.clidemo");
        assertEquals(0, remove.exitCode(), remove.err());
        assertEquals("com.example.clidemo", remove.out().strip());
        assertTrue(CliRun.of("driver", "list").out().isBlank());
        assertFalse(CliRun.of("diagnose", "clidemo:0x0001").exitCode() == 0, "its codes leave with it");
    }

    @Test
    void anUnresolvableBundleAnUnknownNameAndAnUnknownSchemeAreRefused() throws Exception {
        Path jar = TestBundles.jar(work, "com.example.needsmore", Map.of("Import-Package", "com.example.absent",
                "TokenBench-ErrorCatalog", "catalogs/test.catalog"), Map.of("catalogs/test.catalog", "namespace = needsmore\n"));
        CliRun unresolved = CliRun.of("driver", "install", jar.toString());
        assertEquals(3, unresolved.exitCode());
        assertTrue(unresolved.err().contains("com.example.needsmore") && unresolved.err().contains("com.example.absent"), unresolved.err());
        assertTrue(CliRun.of("driver", "list").out().isBlank(), "nothing left behind");

        CliRun unknown = CliRun.of("driver", "remove", "com.example.never");
        assertEquals(3, unknown.exitCode());
        assertTrue(unknown.err().contains("com.example.never"), unknown.err());

        assertEquals(2, CliRun.of("driver", "install", "ftp://example.com/driver.jar").exitCode());
        assertEquals(3, CliRun.of("driver", "install", work.resolve("missing.jar").toString()).exitCode());
        assertFalse(Files.exists(work.resolve("missing.jar")));
    }

    @Test
    void aDownloadNeedsTheVendorsDigestAndAJarMustMatchTheOneGiven() throws Exception {
        CliRun unchecked = CliRun.of("driver", "install", "https://drivers.example.invalid/demo.jar");
        assertEquals(3, unchecked.exitCode());
        assertTrue(unchecked.err().startsWith("tokenbench driver install: Downloading a driver needs its SHA-256 digest [tokenbench:0x0044]"),
                unchecked.err());
        assertTrue(unchecked.err().contains("--sha256") && unchecked.err().contains("--trust-url"), unchecked.err());
        CliRun malformed = CliRun.of("driver", "install", "https://drivers.example.invalid/demo.jar", "--sha256", "abc");
        assertTrue(malformed.err().contains("[tokenbench:0x0044]") && malformed.err().contains("64 hex digits"), malformed.err());

        Path jar = TestBundles.catalogBundle(work, "com.example.digested", "namespace = digested\nfamily = Digest demo\n"
                + "0x0001 | error | Digest demo failure | The demo refused. | A test | Nothing.\n");
        CliRun wrong = CliRun.of("driver", "install", jar.toString(), "--sha256", "00".repeat(32));
        assertEquals(3, wrong.exitCode());
        assertTrue(wrong.err().contains("not the jar its vendor published"), wrong.err());
        assertTrue(wrong.err().contains("The driver is not the one its vendor published [tokenbench:0x0045]"), wrong.err());
        assertTrue(CliRun.of("driver", "list").out().isBlank(), "nothing installed");

        String digest = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(jar)));
        CliRun right = CliRun.of("driver", "install", jar.toString(), "--sha256", digest);
        assertEquals(0, right.exitCode(), right.err());
        assertEquals(0, CliRun.of("driver", "remove", "com.example.digested").exitCode());
    }

    @Test
    void aBundleThatContributesNothingIsRefusedAndNothingIsInstalled() throws Exception {
        Path library = TestBundles.jar(work, "com.example.plainlibrary", Map.of("Export-Package", "com.example.plainlibrary"),
                Map.of("com/example/plainlibrary/readme.txt", "no driver here"));
        CliRun refused = CliRun.of("driver", "install", library.toString());
        assertEquals(3, refused.exitCode(), refused.err());
        assertTrue(refused.err().contains("Not a driver that can be installed [tokenbench:0x0041]"), refused.err());
        assertTrue(refused.err().contains("contributes no TokenBench driver, catalog or view"), refused.err());
        assertTrue(CliRun.of("driver", "list").out().isBlank(), "nothing installed");
        assertEquals("", refused.out());
    }
}
