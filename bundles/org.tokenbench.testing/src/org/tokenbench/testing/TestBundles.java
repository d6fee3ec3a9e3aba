package org.tokenbench.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/** Bundle jars written on the fly, as a vendor's build would write them, for tests of installing drivers. */
public final class TestBundles {

    private TestBundles() {
    }

    /** {@code directory/name.jar}: a bundle {@code name} 1.0.0 with {@code headers} and text {@code files}. */
    public static Path jar(Path directory, String name, Map<String, String> headers, Map<String, String> files) throws IOException {
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue("Bundle-ManifestVersion", "2");
        main.putValue("Bundle-SymbolicName", name);
        main.putValue("Bundle-Version", "1.0.0");
        headers.forEach(main::putValue);
        Path jar = directory.resolve(name + ".jar");
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream jarOut = new JarOutputStream(out, manifest)) {
            for (Map.Entry<String, String> file : files.entrySet()) {
                jarOut.putNextEntry(new JarEntry(file.getKey()));
                jarOut.write(file.getValue().getBytes(StandardCharsets.UTF_8));
                jarOut.closeEntry();
            }
        }
        return jar;
    }

    /** A bundle that only carries an error catalog ({@code TokenBench-ErrorCatalog} header) with {@code catalog} as its text. */
    public static Path catalogBundle(Path directory, String name, String catalog) throws IOException {
        return jar(directory, name, Map.of("TokenBench-ErrorCatalog", "catalogs/test.catalog"), Map.of("catalogs/test.catalog", catalog));
    }
}
