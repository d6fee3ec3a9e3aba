package org.tokenbench.platform.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;
import org.tokenbench.core.ErrorCode;
import org.tokenbench.core.TokenException;
import org.tokenbench.core.install.DriverDownload;
import org.tokenbench.core.install.DriverInstaller;
import org.tokenbench.core.install.DriverInstaller.AddedBundle;
import org.tokenbench.core.install.DriverJar;
import org.tokenbench.diagnostics.DiagnosticsRegistry;
import org.tokenbench.testing.OsgiServices;
import org.tokenbench.testing.TestBundles;

/**
 * Adding bundles to a running product from the user's drivers folder: a bundle's catalog is explained once it is
 * added and unknown once it is removed; a bundle that does not resolve, a non-bundle and a bundle TokenBench ships
 * are refused with the bundle's name and leave nothing behind; a malformed catalog does not stop the others.
 */
class DriverInstallTest {

    private static final ErrorCode DEMO_CODE = ErrorCode.of("sdkdemo", 0x0001);

    @TempDir
    Path work;

    @AfterEach
    void removeLeftovers() throws Exception {
        DriverInstaller installer = OsgiServices.await(DriverInstaller.class);
        for (AddedBundle added : installer.added()) {
            installer.remove(added.symbolicName());
        }
    }

    private Path bundle(String name, Map<String, String> headers, Map<String, String> files) throws IOException {
        return TestBundles.jar(work, name, headers, files);
    }

    /** A small catalog, so a test bundle counts as a contribution and is not refused as a plain library. */
    private static final Map<String, String> CATALOG_FILE = Map.of("catalogs/test.catalog", "namespace = installtest\nfamily = Install test\n");

    private static Map<String, String> withCatalog(Map<String, String> headers) {
        Map<String, String> all = new java.util.HashMap<>(headers);
        all.put("TokenBench-ErrorCatalog", "catalogs/test.catalog");
        return all;
    }

    private Path catalogBundle(String name, String catalog) throws IOException {
        return TestBundles.catalogBundle(work, name, catalog);
    }

    private static void awaitExplained(DiagnosticsRegistry catalogs, boolean expected) throws InterruptedException {
        for (int i = 0; i < 100 && catalogs.explain(DEMO_CODE).isPresent() != expected; i++) {
            Thread.sleep(50);
        }
        assertEquals(expected, catalogs.explain(DEMO_CODE).isPresent(), "sdkdemo:0x0001 explained");
    }

    @Test
    void anAddedBundleIsRunningWithItsCatalogAndGoneAfterRemove() throws Exception {
        DriverInstaller installer = OsgiServices.await(DriverInstaller.class);
        DiagnosticsRegistry catalogs = OsgiServices.await(DiagnosticsRegistry.class);
        Path jar = catalogBundle("com.example.sdkdemo", """
                namespace = sdkdemo
                family = SDK demo
                0x0001 | error | Demo failure | The demo token refused. | A test | Nothing to do.
                """);
        awaitExplained(catalogs, false);

        List<AddedBundle> added = installer.install(jar);
        assertEquals(List.of("com.example.sdkdemo"), added.stream().map(AddedBundle::symbolicName).toList());
        assertTrue(added.get(0).active(), added.toString());
        assertTrue(Files.isRegularFile(installer.folder().resolve("com.example.sdkdemo.jar")), "kept in the user's folder");
        awaitExplained(catalogs, true);
        assertEquals(1, installer.added().size());

        installer.remove("com.example.sdkdemo");
        awaitExplained(catalogs, false);
        assertTrue(installer.added().isEmpty());
        assertFalse(Files.exists(installer.folder().resolve("com.example.sdkdemo.jar")));
        for (Bundle bundle : FrameworkUtil.getBundle(DriverInstallTest.class).getBundleContext().getBundles()) {
            assertFalse("com.example.sdkdemo".equals(bundle.getSymbolicName()), "uninstalled from the framework");
        }
    }

    @Test
    void aBundleThatDoesNotResolveIsRefusedWithItsNameAndLeavesNothingBehind() throws Exception {
        DriverInstaller installer = OsgiServices.await(DriverInstaller.class);
        Path jar = bundle("com.example.unresolved", withCatalog(Map.of("Import-Package", "com.example.nowhere;version=\"[1.0,2.0)\"")), CATALOG_FILE);
        TokenException refused = assertThrows(TokenException.class, () -> installer.install(jar));
        assertEquals(DriverInstaller.UNRESOLVED, refused.code());
        assertTrue(refused.getMessage().contains("com.example.unresolved") && refused.getMessage().contains("com.example.nowhere"), refused.getMessage());
        assertTrue(installer.added().isEmpty());
    }

    @Test
    void aFileThatIsNoBundleAndABundleTokenBenchShipsAreRefused() throws Exception {
        DriverInstaller installer = OsgiServices.await(DriverInstaller.class);
        Path plain = work.resolve("plain.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(plain), new Manifest())) {
            out.putNextEntry(new JarEntry("a.txt"));
        }
        assertEquals(DriverInstaller.NOT_INSTALLABLE, assertThrows(TokenException.class, () -> installer.install(plain)).code());
        Path core = bundle("org.tokenbench.core", Map.of(), Map.of());
        TokenException shipped = assertThrows(TokenException.class, () -> installer.install(core));
        assertEquals(DriverInstaller.NOT_INSTALLABLE, shipped.code());
        assertTrue(shipped.getMessage().contains("part of TokenBench"), shipped.getMessage());
        assertTrue(installer.added().isEmpty());
    }

    @Test
    void aBundleThatContributesNothingIsRefusedAndNothingIsInstalled() throws Exception {
        DriverInstaller installer = OsgiServices.await(DriverInstaller.class);
        Path plain = bundle("com.example.library", Map.of("Export-Package", "com.example.library;version=\"1.0.0\""),
                Map.of("com/example/library/readme.txt", "a library, no driver"));
        TokenException refused = assertThrows(TokenException.class, () -> installer.install(plain));
        assertEquals(DriverInstaller.NOT_INSTALLABLE, refused.code());
        assertTrue(refused.getMessage().contains("contributes no TokenBench driver, catalog or view"), refused.getMessage());
        Path repository = Files.createDirectories(work.resolve("libraries/plugins"));
        Files.copy(plain, repository.resolve("com.example.library.jar"));
        TokenException onlyLibraries = assertThrows(TokenException.class, () -> installer.install(repository.getParent()));
        assertTrue(onlyLibraries.getMessage().contains("no bundle in") && onlyLibraries.getMessage().contains("contributes a TokenBench driver"), onlyLibraries.getMessage());
        // A fragment counts only when its host is a driver the user added (or adds with it): not for a host nobody has.
        Path orphan = bundle("com.example.orphanfragment", Map.of("Fragment-Host", "com.example.absentdriver"), Map.of("readme.txt", "x"));
        TokenException orphanRefused = assertThrows(TokenException.class, () -> installer.install(orphan));
        assertTrue(orphanRefused.getMessage().contains("contributes no TokenBench driver, catalog or view"), orphanRefused.getMessage());
        assertTrue(installer.added().isEmpty());
        assertTrue(listFolder(installer).isEmpty(), "nothing staged is left behind: " + listFolder(installer));
        assertTrue(java.util.Arrays.stream(FrameworkUtil.getBundle(DriverInstallTest.class).getBundleContext().getBundles())
                .noneMatch(b -> "com.example.library".equals(b.getSymbolicName())), "not installed in the framework");
    }

    @Test
    void componentsNamedWithAWildcardAreLookedAt() throws Exception {
        DriverInstaller installer = OsgiServices.await(DriverInstaller.class);
        // as bnd writes it: Service-Component: OSGI-INF/*.xml, the component providing a headless command
        Path commands = bundle("com.example.globbedcommands", Map.of("Service-Component", "OSGI-INF/*.xml"), Map.of(
                "OSGI-INF/com.example.Commands.xml", "<scr:component xmlns:scr=\"http://www.osgi.org/xmlns/scr/v1.3.0\" name=\"com.example.Commands\">"
                        + "<service><provide interface=\"org.tokenbench.cli.command.CommandProvider\"/></service></scr:component>"));
        try {
            assertEquals(List.of("com.example.globbedcommands"), installer.install(commands).stream().map(AddedBundle::symbolicName).toList());
        } finally {
            if (installer.added().stream().anyMatch(a -> a.symbolicName().equals("com.example.globbedcommands"))) {
                installer.remove("com.example.globbedcommands");
            }
        }
    }

    @Test
    void aMalformedCatalogDoesNotStopTheOtherBundles() throws Exception {
        DriverInstaller installer = OsgiServices.await(DriverInstaller.class);
        DiagnosticsRegistry catalogs = OsgiServices.await(DiagnosticsRegistry.class);
        installer.install(catalogBundle("com.example.badcatalog", "namespace = sdkbad\nthis is | not a catalog line\n0xZZ | error\n"));
        installer.install(catalogBundle("com.example.sdkdemo", "namespace = sdkdemo\nfamily = SDK demo\n"
                + "0x0001 | error | Demo failure | The demo token refused. | A test | Nothing to do.\n"));
        awaitExplained(catalogs, true);
        assertTrue(catalogs.explain(ErrorCode.of(ErrorCode.TOKENBENCH, 0x0008)).isPresent(), "TokenBench's own catalog is untouched");
        assertTrue(installer.added().stream().allMatch(AddedBundle::active), installer.added().toString());
    }

    @Test
    void workbenchBundlesAndFragmentsOfShippedBundlesAreRefused() throws Exception {
        DriverInstaller installer = OsgiServices.await(DriverInstaller.class);
        // org.tokenbench.ui does not run in a headless runtime, yet an added bundle of that name would shadow the workbench's
        TokenException ui = assertThrows(TokenException.class, () -> installer.install(bundle("org.tokenbench.ui", Map.of(), Map.of())));
        assertEquals(DriverInstaller.NOT_INSTALLABLE, ui.code());
        assertTrue(ui.getMessage().contains("part of TokenBench"), ui.getMessage());
        Path patch = bundle("com.example.corepatch", Map.of("Fragment-Host", "org.tokenbench.core"), Map.of());
        TokenException fragment = assertThrows(TokenException.class, () -> installer.install(patch));
        assertEquals(DriverInstaller.NOT_INSTALLABLE, fragment.code());
        assertTrue(fragment.getMessage().contains("fragment of TokenBench's own 'org.tokenbench.core'"), fragment.getMessage());
        // A framework extension would run its ExtensionBundle-Activator inside the framework at every start.
        for (String host : List.of("system.bundle; extension:=framework", "org.eclipse.osgi")) {
            Path extension = bundle("com.example.frameworkext", Map.of("Fragment-Host", host, "ExtensionBundle-Activator", "x.Act"), Map.of());
            TokenException refused = assertThrows(TokenException.class, () -> installer.install(extension), host);
            assertEquals(DriverInstaller.NOT_INSTALLABLE, refused.code());
            assertTrue(refused.getMessage().contains("extends the OSGi framework itself"), refused.getMessage());
        }
        assertTrue(installer.added().isEmpty());
        assertTrue(listFolder(installer).isEmpty(), "nothing staged is left behind: " + listFolder(installer));
    }

    @Test
    void aFailedUpgradeKeepsTheWorkingDriver() throws Exception {
        DriverInstaller installer = OsgiServices.await(DriverInstaller.class);
        DiagnosticsRegistry catalogs = OsgiServices.await(DiagnosticsRegistry.class);
        installer.install(catalogBundle("com.example.sdkdemo", "namespace = sdkdemo\nfamily = SDK demo\n"
                + "0x0001 | error | Demo failure | The demo token refused. | A test | Nothing to do.\n"));
        awaitExplained(catalogs, true);

        Path broken = Files.createDirectories(work.resolve("v2"));
        Path upgrade = TestBundles.jar(broken, "com.example.sdkdemo", withCatalog(Map.of("Bundle-Version", "2.0.0",
                "Import-Package", "com.example.nowhere;version=\"[1.0,2.0)\"")), CATALOG_FILE);
        TokenException refused = assertThrows(TokenException.class, () -> installer.install(upgrade));
        assertEquals(DriverInstaller.UNRESOLVED, refused.code());
        assertTrue(refused.getMessage().contains("com.example.sdkdemo 2.0.0"), refused.getMessage());

        List<AddedBundle> added = installer.added();
        assertEquals(1, added.size(), added.toString());
        assertEquals("1.0.0", added.get(0).version(), "the working version runs again");
        assertTrue(added.get(0).active(), added.toString());
        assertEquals("1.0.0", DriverJar.read(installer.folder().resolve("com.example.sdkdemo.jar")).orElseThrow().version(),
                "the folder still holds the working jar");
        awaitExplained(catalogs, true);
        assertEquals(List.of("com.example.sdkdemo.jar"), listFolder(installer));
    }

    @Test
    void theBundlesOfARepositoryStartTogetherWhateverTheirOrder() throws Exception {
        DriverInstaller installer = OsgiServices.await(DriverInstaller.class);
        Path plugins = Files.createDirectories(work.resolve("repository/plugins"));
        // "a" sorts first and needs "b"'s package: installed one by one, "a" would fail to resolve
        // only "a" contributes (a catalog); "b" is a plain library beside it, as vendors ship them
        TestBundles.jar(plugins, "com.example.a", withCatalog(Map.of("Import-Package", "com.example.b.api;version=\"[1.0,2.0)\"")), CATALOG_FILE);
        TestBundles.jar(plugins, "com.example.b", Map.of("Export-Package", "com.example.b.api;version=\"1.0.0\""),
                Map.of("com/example/b/api/readme.txt", "b's API"));
        List<AddedBundle> added = installer.install(work.resolve("repository"));
        assertEquals(List.of("com.example.a", "com.example.b"), added.stream().map(AddedBundle::symbolicName).toList());
        assertTrue(added.stream().allMatch(AddedBundle::active), added.toString());
    }

    @Test
    void aDownloadNeedsTheVendorsDigestAndAJarMustMatchIt() throws Exception {
        TokenException noDigest = assertThrows(TokenException.class,
                () -> DriverDownload.fetch(URI.create("https://drivers.example.invalid/demo.jar"), Optional.empty(), false));
        assertEquals(DriverInstaller.DIGEST_NEEDED, noDigest.code());
        assertTrue(noDigest.getMessage().contains("--sha256") && noDigest.getMessage().contains("--trust-url"), noDigest.getMessage());
        assertEquals(DriverInstaller.NOT_INSTALLABLE, assertThrows(TokenException.class,
                () -> DriverDownload.fetch(URI.create("http://drivers.example.invalid/demo.jar"), Optional.empty(), true)).code());

        Path jar = bundle("com.example.digest", Map.of(), Map.of());
        String right = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(jar)));
        DriverDownload.verify(jar, right.toUpperCase());
        TokenException wrong = assertThrows(TokenException.class, () -> DriverDownload.verify(jar, "00".repeat(32)));
        assertTrue(wrong.getMessage().contains("not the jar its vendor published") && wrong.getMessage().contains(right), wrong.getMessage());
        assertEquals(DriverInstaller.DIGEST_MISMATCH, wrong.code());
        assertEquals(DriverInstaller.DIGEST_NEEDED, assertThrows(TokenException.class, () -> DriverDownload.verify(jar, "abc")).code());
    }

    private static List<String> listFolder(DriverInstaller installer) throws IOException {
        if (!Files.isDirectory(installer.folder())) {
            return List.of();
        }
        try (var files = Files.list(installer.folder())) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }
}
