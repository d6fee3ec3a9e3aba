package org.tokenbench.core.driver;

import java.io.IOException;
import java.io.InputStream;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.osgi.annotation.versioning.ConsumerType;
import org.tokenbench.core.Chars;
import org.tokenbench.core.Hex;
import org.tokenbench.core.Secret;

/**
 * A session feature: the device authenticates the host with a key (a SafeID customer/transport key, a
 * YKOATH password). Without one the driver uses the vendor's published default, where one exists.
 * The session keeps the Secret only until it closes.
 */
@ConsumerType
public interface AccessKey {

    /** The largest key file read: a hex key with blanks and a line end fits many times over. */
    int MAX_KEY_FILE_BYTES = 4096;

    void use(Secret key);

    /**
     * An access key as a key file holds it (the CLI's {@code --key-file}, the workbench's key file): hex digits as
     * {@link Hex#parse} reads them, blanks and line ends around them ignored. The caller closes the key.
     *
     * @throws IllegalArgumentException saying what is wrong by position, never quoting a digit of the key
     */
    static Secret fromHex(char[] text) {
        CharBuffer key = Chars.strip(text);
        if (!key.hasRemaining()) {
            throw new IllegalArgumentException("the key file is empty");
        }
        return Secret.adopt(Hex.parse(key));
    }

    /**
     * Reads a key file: a regular file (no FIFO or device that could block or never end) of at most
     * {@link #MAX_KEY_FILE_BYTES}, then {@link #fromHex}. Every buffer is wiped.
     *
     * @throws IllegalArgumentException when the file is not a regular file, too large, or not a hex key
     */
    static Secret readHexFile(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(file + " is not a regular file");
        }
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes(MAX_KEY_FILE_BYTES + 1);
        }
        CharBuffer chars = null;
        try {
            if (bytes.length > MAX_KEY_FILE_BYTES) {
                throw new IllegalArgumentException(file + " is larger than a key file (" + MAX_KEY_FILE_BYTES + " bytes at most)");
            }
            chars = StandardCharsets.UTF_8.decode(java.nio.ByteBuffer.wrap(bytes));
            char[] text = new char[chars.remaining()];
            chars.get(text);
            try {
                return fromHex(text);
            } finally {
                Arrays.fill(text, '\0');
            }
        } finally {
            Arrays.fill(bytes, (byte) 0);
            if (chars != null && chars.hasArray()) {
                Arrays.fill(chars.array(), '\0');
            }
        }
    }
}
