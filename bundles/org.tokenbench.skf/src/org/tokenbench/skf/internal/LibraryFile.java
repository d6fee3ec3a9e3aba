package org.tokenbench.skf.internal;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.TreeMap;

import org.tokenbench.core.ErrorCode;
import org.tokenbench.core.PrivateFiles;
import org.tokenbench.core.TokenException;

/**
 * Which vendor SKF library serves which key family ("feitian-epass3003" → /usr/lib/libes_3000gm.so), kept in
 * {@code guomi-libraries.properties} in TokenBench's home, so the workbench and the CLI share it.
 */
public final class LibraryFile {

    static final String FILE = "guomi-libraries.properties";
    /** tokenbench:0x0002, "input file cannot be read", as for every file TokenBench cannot read or write. */
    private static final ErrorCode FILE_PROBLEM = ErrorCode.of(ErrorCode.TOKENBENCH, 2);

    private final Path file;

    public LibraryFile(Path home) {
        this.file = home.resolve(FILE);
    }

    public Path file() {
        return file;
    }

    /**
     * What the file looks like from outside, without reading it: another process (the CLI's {@code guomi library set})
     * writes it atomically (a new file renamed over the old), so its file key changes even where modification times
     * are coarse; size and time catch editors that write in place. {@link #ABSENT} while there is no file.
     */
    public record Stamp(Object key, FileTime modified, long size) {
        public static final Stamp ABSENT = new Stamp(null, FileTime.fromMillis(0), -1);
    }

    /** The file's {@link Stamp} now: one stat call, cheap enough to ask every poll interval. */
    public Stamp stamp() {
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            return new Stamp(Objects.requireNonNullElse(attributes.fileKey(), ""), attributes.lastModifiedTime(), attributes.size());
        } catch (NoSuchFileException e) {
            return Stamp.ABSENT;
        } catch (IOException e) {
            // Unreadable attributes: unreadable contents too; all() reports why, and a later stamp that works differs.
            return new Stamp(e.getClass().getName(), FileTime.fromMillis(0), -1);
        }
    }

    /** family → library, sorted by family. */
    public Map<String, Path> all() throws TokenException {
        Properties properties = load();
        Map<String, Path> families = new TreeMap<>();
        properties.stringPropertyNames().forEach(name -> families.put(name, Path.of(properties.getProperty(name))));
        return families;
    }

    public void set(String family, Path library) throws TokenException {
        Properties properties = load();
        properties.setProperty(family, library.toAbsolutePath().normalize().toString());
        store(properties);
    }

    public void remove(String family) throws TokenException {
        Properties properties = load();
        if (properties.remove(family) != null) {
            store(properties);
        }
    }

    private void store(Properties properties) throws TokenException {
        try {
            PrivateFiles.privateDirectory(file.getParent());
        } catch (IOException e) {
            throw new TokenException(PrivateFiles.CANNOT_WRITE, file.getParent() + " cannot be created: " + e.getMessage(), e);
        }
        PrivateFiles.writeProperties(file, properties, "TokenBench: vendor SKF library per Guomi key family");
    }

    private Properties load() throws TokenException {
        Properties properties = new Properties();
        if (Files.isRegularFile(file)) {
            try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                properties.load(in);
            } catch (IOException e) {
                throw new TokenException(FILE_PROBLEM, file + " cannot be read: " + e.getMessage(), e);
            }
        }
        return properties;
    }
}
