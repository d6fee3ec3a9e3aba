package org.tokenbench.driver.guomi;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;

import org.tokenbench.core.ErrorCode;
import org.tokenbench.core.TokenException;

/**
 * Which vendor SKF library serves which key family ("feitian-epass3003" → /usr/lib/libes_3000gm.so), kept in
 * {@code guomi-libraries.properties} in TokenBench's home; the workbench's preferences and the CLI's
 * {@code --family} read the same file, and {@code --library} overrides it for one command.
 */
public final class VendorLibraries {

    private static final String FILE = "guomi-libraries.properties";
    private final Path file;

    public VendorLibraries(Path home) {
        this.file = home.resolve(FILE);
    }

    public Map<String, Path> all() throws TokenException {
        Properties properties = load();
        Map<String, Path> families = new TreeMap<>();
        properties.stringPropertyNames().forEach(name -> families.put(name, Path.of(properties.getProperty(name))));
        return families;
    }

    public Optional<Path> library(String family) throws TokenException {
        return Optional.ofNullable(all().get(family));
    }

    public void set(String family, Path library) throws TokenException {
        if (!family.matches("[A-Za-z0-9._-]{1,64}")) {
            throw new IllegalArgumentException("a family name is 1 to 64 letters, digits, dots, dashes or underscores: " + family);
        }
        Properties properties = load();
        properties.setProperty(family, library.toAbsolutePath().toString());
        try {
            Files.createDirectories(file.getParent());
            try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                properties.store(out, "TokenBench: vendor SKF library per Guomi key family");
            }
        } catch (IOException e) {
            throw new TokenException(ErrorCode.of(ErrorCode.TOKENBENCH, 2), file + " cannot be written: " + e.getMessage(), e);
        }
    }

    private Properties load() throws TokenException {
        Properties properties = new Properties();
        if (Files.isRegularFile(file)) {
            try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                properties.load(in);
            } catch (IOException e) {
                throw new TokenException(ErrorCode.of(ErrorCode.TOKENBENCH, 2), file + " cannot be read: " + e.getMessage(), e);
            }
        }
        return properties;
    }
}
