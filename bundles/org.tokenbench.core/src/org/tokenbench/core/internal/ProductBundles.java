package org.tokenbench.core.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Properties;
import java.util.Set;

import org.osgi.framework.BundleContext;

/**
 * The bundle names every configuration of the installed product lists ({@code configuration*}/config.ini's
 * {@code osgi.bundles}, and simpleconfigurator's bundles.info where there is one). A headless command runs only part
 * of the product, so the bundles running are not all the product ships: the workbench's bundles must not be
 * replaceable from the user's drivers folder either.
 */
final class ProductBundles {

    private ProductBundles() {
    }

    static Set<String> names(BundleContext context) {
        Set<String> names = new HashSet<>();
        String installArea = context.getProperty("osgi.install.area");
        if (installArea == null) {
            return names;
        }
        Path product;
        try {
            product = Path.of(URI.create(installArea.replace(" ", "%20")));
        } catch (IllegalArgumentException | java.nio.file.FileSystemNotFoundException e) {
            return names;
        }
        try (DirectoryStream<Path> configurations = Files.newDirectoryStream(product, "configuration*")) {
            for (Path configuration : configurations) {
                readConfigIni(configuration.resolve("config.ini"), names);
                readBundlesInfo(configuration.resolve("org.eclipse.equinox.simpleconfigurator/bundles.info"), names);
            }
        } catch (IOException e) {
            // no product folder (a test runtime): the running bundles are all there is
        }
        return names;
    }

    private static void readConfigIni(Path file, Set<String> names) {
        if (!Files.isRegularFile(file)) {
            return;
        }
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            properties.load(in);
        } catch (IOException e) {
            return;
        }
        String bundles = properties.getProperty("osgi.bundles", "");
        for (String entry : bundles.split(",")) {
            String reference = entry.split("@")[0].trim();
            if (!reference.isEmpty()) {
                names.add(nameOf(reference));
            }
        }
    }

    private static void readBundlesInfo(Path file, Set<String> names) {
        if (!Files.isRegularFile(file)) {
            return;
        }
        try {
            for (String line : Files.readAllLines(file)) {
                if (!line.startsWith("#") && line.contains(",")) {
                    names.add(line.substring(0, line.indexOf(',')).trim());
                }
            }
        } catch (IOException e) {
            // unreadable: the other configurations still count
        }
    }

    /** {@code reference:file:plugins/org.x.y_1.2.3.v2026.jar} → {@code org.x.y}; a plain symbolic name stays as it is. */
    static String nameOf(String reference) {
        String last = reference.substring(Math.max(reference.lastIndexOf('/'), reference.lastIndexOf(':')) + 1);
        if (last.endsWith(".jar")) {
            last = last.substring(0, last.length() - 4);
        }
        int versionStart = last.indexOf('_');
        return versionStart > 0 && (reference.contains("/") || reference.contains(":")) ? last.substring(0, versionStart) : last;
    }
}
