package org.tokenbench.platform.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * The platform's promise in manifest form: the workbench and the CLI reach devices only through core's devices service
 * and feature interfaces, so a vendor's driver bundle works without any change to them; and a driver's packages are
 * its own. Reads every MANIFEST.MF of the bundles the product feature ships.
 */
class ManifestRulesTest {

    private static final Path REPOSITORY = Path.of(System.getProperty("tokenbench.repository", "../..")).toAbsolutePath().normalize();
    private static final Pattern PLUGIN = Pattern.compile("<plugin\\s+id=\"(org\\.tokenbench\\.[^\"]+)\"");

    /** The TokenBench bundles in the product, from the feature that defines it. */
    static List<String> shippedBundles() throws IOException {
        String feature = Files.readString(REPOSITORY.resolve("features/org.tokenbench.feature/feature.xml"));
        List<String> ids = new ArrayList<>();
        Matcher matcher = PLUGIN.matcher(feature);
        while (matcher.find()) {
            ids.add(matcher.group(1));
        }
        return ids;
    }

    static Manifest manifest(String bundle) throws IOException {
        try (InputStream in = Files.newInputStream(REPOSITORY.resolve("bundles").resolve(bundle).resolve("META-INF/MANIFEST.MF"))) {
            return new Manifest(in);
        }
    }

    /** The package names of an Import-Package or Export-Package header, without attributes. */
    static List<String> packages(String header) {
        List<String> names = new ArrayList<>();
        if (header == null) {
            return names;
        }
        // Clauses are separated by commas outside quotes (version ranges contain commas).
        StringBuilder clause = new StringBuilder();
        boolean quoted = false;
        for (char c : (header + ",").toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            }
            if (c == ',' && !quoted) {
                names.add(clause.toString().split(";")[0].strip());
                clause.setLength(0);
            } else {
                clause.append(c);
            }
        }
        return names;
    }

    @Test
    void theProductShipsTheTransportsAndDrivers() throws IOException {
        List<String> shipped = shippedBundles();
        for (String expected : List.of("org.tokenbench.core", "org.tokenbench.pcsc", "org.tokenbench.skf", "org.tokenbench.driver.safeid",
                "org.tokenbench.driver.guomi", "org.tokenbench.driver.oath", "org.tokenbench.programming", "org.tokenbench.seedfiles",
                "org.tokenbench.fleet", "org.tokenbench.cli", "org.tokenbench.ui", "org.tokenbench.app")) {
            assertTrue(shipped.contains(expected), expected + " is not in the product feature: " + shipped);
        }
    }

    @Test
    void workbenchAndCommandsImportNoDriverPackage() throws IOException {
        List<String> violations = new ArrayList<>();
        for (String bundle : shippedBundles()) {
            if (!bundle.equals("org.tokenbench.ui") && !bundle.equals("org.tokenbench.app") && !bundle.equals("org.tokenbench.cli")) {
                continue;
            }
            Manifest manifest = manifest(bundle);
            for (String imported : packages(manifest.getMainAttributes().getValue("Import-Package"))) {
                if (imported.startsWith("org.tokenbench.driver.")) {
                    violations.add(bundle + " imports " + imported);
                }
            }
            String required = manifest.getMainAttributes().getValue("Require-Bundle");
            for (String bundleName : packages(required)) {
                if (bundleName.startsWith("org.tokenbench.driver.")) {
                    violations.add(bundle + " requires bundle " + bundleName);
                }
            }
        }
        assertEquals(List.of(), violations, "views and commands must work through the devices service and features only");
    }

    @Test
    void driverBundlesExportOnlyInternalPackagesToTheirTests() throws IOException {
        List<String> violations = new ArrayList<>();
        for (String bundle : shippedBundles()) {
            if (!bundle.startsWith("org.tokenbench.driver.")) {
                continue;
            }
            String exports = manifest(bundle).getMainAttributes().getValue("Export-Package");
            for (String exported : packages(exports)) {
                if (!exported.contains(".internal")) {
                    violations.add(bundle + " exports " + exported);
                }
            }
            if (exports != null && !exports.contains("x-friends:=\"" + bundle + ".tests\"")) {
                violations.add(bundle + " exports its internals to others than " + bundle + ".tests: " + exports);
            }
        }
        assertEquals(List.of(), violations, "a driver's public surface is the service it registers");
    }

    @Test
    void theRuleItselfCatchesADriverImport() {
        assertEquals(List.of("org.tokenbench.core", "org.tokenbench.driver.guomi", "com.sun.jna"),
                packages("org.tokenbench.core;version=\"[0.1.0,0.2.0)\",org.tokenbench.driver.guomi;version=\"[0.1.0,0.2.0)\", com.sun.jna"));
    }
}
