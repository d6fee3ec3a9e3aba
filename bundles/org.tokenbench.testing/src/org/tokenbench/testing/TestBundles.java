package org.tokenbench.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/** Bundle jars written on the fly, as a vendor's build would write them, for tests of installing drivers. */
public final class TestBundles {

    private TestBundles() {
    }

    /**
     * {@code directory/name.jar}: a bundle {@code name} 1.0.0 with {@code headers} (which may also set
     * {@code Bundle-Version}) and text {@code files}.
     */
    public static Path jar(Path directory, String name, Map<String, String> headers, Map<String, String> files) throws IOException {
        return jar(directory, name, headers, files, List.of());
    }

    /**
     * {@link #jar(Path, String, Map, Map)} that also carries the compiled {@code classes}, for a bundle that runs code
     * (a driver class and the DS component in {@code files} that names it). Each class file is copied as compiled,
     * read through its own class loader; nested and super classes are not added by themselves (a superclass from
     * another bundle comes through the {@code Import-Package} in {@code headers}).
     *
     * @since 0.2.0
     */
    public static Path jar(Path directory, String name, Map<String, String> headers, Map<String, String> files, List<Class<?>> classes)
            throws IOException {
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
                add(jarOut, file.getKey(), file.getValue().getBytes(StandardCharsets.UTF_8));
            }
            for (Class<?> type : classes) {
                String path = type.getName().replace('.', '/') + ".class";
                try (InputStream in = type.getClassLoader().getResourceAsStream(path)) {
                    if (in == null) {
                        throw new IOException("no class file " + path + " for " + type.getName());
                    }
                    add(jarOut, path, in.readAllBytes());
                }
            }
        }
        return jar;
    }

    /** A bundle that only carries an error catalog ({@code TokenBench-ErrorCatalog} header) with {@code catalog} as its text. */
    public static Path catalogBundle(Path directory, String name, String catalog) throws IOException {
        return jar(directory, name, Map.of("TokenBench-ErrorCatalog", "catalogs/test.catalog"), Map.of("catalogs/test.catalog", catalog));
    }

    private static void add(JarOutputStream jar, String path, byte[] content) throws IOException {
        jar.putNextEntry(new JarEntry(path));
        jar.write(content);
        jar.closeEntry();
    }
}
