package org.tokenbench.core;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Properties;
import java.util.Set;

/**
 * The one way TokenBench writes a file (a QR image, a backup, an export, its own state): readable by the owner only,
 * like an SSH key, and never half-written. The content goes to a new temporary file beside the target (created
 * exclusively, mode 0600, no symlink followed), is flushed to the disk, and then renamed over the target in one step:
 * a crash leaves the old file or the new one, never neither. Only a regular file is replaced: a FIFO, a device, a
 * folder or a symlink at the target is refused, so {@code --out /dev/sda} or a planted link cannot redirect a key.
 */
public final class PrivateFiles {

    /** tokenbench:0x000B, the file cannot be written. */
    public static final ErrorCode CANNOT_WRITE = ErrorCode.of(ErrorCode.TOKENBENCH, 11);

    private static final FileAttribute<?> OWNER_ONLY = PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"));
    private static final FileAttribute<?> OWNER_ONLY_DIRECTORY = PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------"));
    private static final SecureRandom RANDOM = new SecureRandom();

    private PrivateFiles() {
    }

    public static void write(Path out, byte[] content) throws TokenException {
        Path target = out.toAbsolutePath();
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS) && !Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS)) {
            throw new TokenException(CANNOT_WRITE, out + ": not a regular file (" + kind(target)
                    + "); TokenBench replaces only regular files — choose another name");
        }
        Path temporary = target.resolveSibling("." + target.getFileName() + "." + HexFormat.of().formatHex(randomBytes()) + ".tmp");
        try {
            try (FileChannel channel = FileChannel.open(temporary, Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
                    LinkOption.NOFOLLOW_LINKS), posix(target) ? new FileAttribute<?>[] {OWNER_ONLY} : new FileAttribute<?>[0])) {
                ByteBuffer buffer = ByteBuffer.wrap(content);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            try {
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
            }
            syncDirectory(target.getParent());
        } catch (FileAlreadyExistsException e) {
            throw new TokenException(CANNOT_WRITE, out + ": cannot be written (a temporary file of that name appeared; try again)", e);
        } catch (IOException e) {
            throw new TokenException(CANNOT_WRITE, out + ": cannot be written (" + e.getMessage() + ")", e);
        } finally {
            try {
                Files.deleteIfExists(temporary);
            } catch (IOException ignored) {
                // the rename consumed it, or the folder went away: nothing of the content is left behind either way
            }
        }
    }

    /** A properties file (TokenBench's own state) written the same way, as UTF-8. */
    public static void writeProperties(Path out, Properties properties, String comment) throws TokenException {
        StringWriter text = new StringWriter();
        try {
            properties.store(text, comment);
        } catch (IOException e) {
            throw new UncheckedIOException(e);  // a StringWriter does not fail
        }
        write(out, text.toString().getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Creates {@code directory} (and missing parents) for TokenBench's own state, the last level mode 0700: what it
     * will hold (device records, tries, journals, the database) is nobody else's business.
     */
    public static Path privateDirectory(Path directory) throws IOException {
        if (!Files.isDirectory(directory)) {
            Files.createDirectories(directory.toAbsolutePath().getParent());
            try {
                Files.createDirectory(directory, posix(directory.toAbsolutePath().getParent()) ? new FileAttribute<?>[] {OWNER_ONLY_DIRECTORY}
                        : new FileAttribute<?>[0]);
            } catch (FileAlreadyExistsException raced) {
                // another TokenBench process made it first
            }
        }
        return directory;
    }

    private static String kind(Path path) {
        if (Files.isSymbolicLink(path)) {
            return "a symbolic link";
        }
        return Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS) ? "a folder" : "a device, pipe or socket";
    }

    private static boolean posix(Path path) {
        Path existing = path.toAbsolutePath();
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        return existing != null && existing.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    /** The rename is durable only once the folder's entry is on disk too (on Linux; elsewhere this is not possible). */
    private static void syncDirectory(Path directory) {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException notSupported) {
            // Windows cannot open a folder as a channel; the rename itself is still atomic there
        }
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[8];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
