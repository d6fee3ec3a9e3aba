package org.tokenbench.core.install;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/**
 * What a driver jar says about itself in its manifest, read before anything is installed (the workbench's Install
 * Driver dialog shows it; the installer checks it).
 *
 * @param fragmentHost the bundle this jar attaches to as a fragment, if it is one
 */
public record DriverJar(String symbolicName, String version, String vendor, Optional<String> fragmentHost) {

    /** The jar's bundle headers, or empty when it is no readable OSGi bundle (no Bundle-SymbolicName). */
    public static Optional<DriverJar> read(Path jar) {
        try (JarFile file = new JarFile(jar.toFile())) {
            Manifest manifest = file.getManifest();
            if (manifest == null) {
                return Optional.empty();
            }
            Attributes main = manifest.getMainAttributes();
            String name = main.getValue("Bundle-SymbolicName");
            if (name == null || name.isBlank()) {
                return Optional.empty();
            }
            String version = main.getValue("Bundle-Version");
            String vendor = main.getValue("Bundle-Vendor");
            String host = main.getValue("Fragment-Host");
            return Optional.of(new DriverJar(firstClause(name), version == null ? "0.0.0" : version.trim(),
                    vendor == null ? "" : vendor.trim(), Optional.ofNullable(host).map(DriverJar::firstClause)));
        } catch (IOException | SecurityException e) {
            return Optional.empty();
        }
    }

    private static String firstClause(String header) {
        return header.split(";")[0].trim();
    }
}
