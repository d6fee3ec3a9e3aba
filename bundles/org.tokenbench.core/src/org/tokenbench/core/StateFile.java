package org.tokenbench.core;

import java.io.IOException;
import java.io.Reader;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Properties;
import java.util.function.Predicate;

/**
 * A small record TokenBench keeps under its home as a properties file (tries left per device, used OTP steps): read
 * freely, changed only under a file lock, so the workbench and a command running at the same time never lose each
 * other's change, and written through {@link PrivateFiles} (0600, atomic). An unreadable file reads as empty: the
 * devices and servers these records describe stay the authority.
 */
public final class StateFile {

    private final Path file;
    private final String comment;

    public StateFile(Path file, String comment) {
        this.file = file;
        this.comment = comment;
    }

    public Path file() {
        return file;
    }

    public Properties read() {
        Properties properties = new Properties();
        if (Files.isRegularFile(file)) {
            try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                properties.load(in);
            } catch (IOException | IllegalArgumentException e) {
                // damaged or unreadable: treated as no record
            }
        }
        return properties;
    }

    /** Reads, lets {@code change} edit (it returns whether it changed anything) and writes, all under the lock. */
    public void update(Predicate<Properties> change) throws TokenException {
        try {
            PrivateFiles.privateDirectory(file.getParent());
            try (FileChannel lock = FileChannel.open(file.resolveSibling(file.getFileName() + ".lock"), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE); FileLock held = lock.lock()) {
                Properties properties = read();
                if (change.test(properties)) {
                    PrivateFiles.writeProperties(file, properties, comment);
                }
            }
        } catch (IOException e) {
            throw new TokenException(PrivateFiles.CANNOT_WRITE, file + " cannot be written (" + e.getMessage() + ")", e);
        }
    }
}
