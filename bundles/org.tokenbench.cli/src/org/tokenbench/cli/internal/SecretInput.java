package org.tokenbench.cli.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;

import org.tokenbench.core.ErrorCode;
import org.tokenbench.core.TokenException;

/**
 * Reads secret-bearing text from a file or stdin ({@code -}), never from the command line, so keys stay out
 * of shell history and the process list. Byte and char buffers are wiped after use.
 */
final class SecretInput {

    /** TokenBench's own code for "the file named on the command line cannot be read". */
    static final ErrorCode UNREADABLE_INPUT = ErrorCode.of(ErrorCode.TOKENBENCH, 2);
    private static final int MAX_BYTES = 64 * 1024;

    private SecretInput() {
    }

    /** The text with surrounding whitespace removed, as a char array the caller must wipe. */
    static char[] readChars(String source, InputStream stdin) throws TokenException {
        byte[] bytes = readBytes(source, stdin);
        try {
            CharBuffer chars = StandardCharsets.UTF_8.decode(ByteBuffer.wrap(bytes));
            int start = 0;
            int end = chars.limit();
            while (start < end && Character.isWhitespace(chars.get(start))) {
                start++;
            }
            while (end > start && Character.isWhitespace(chars.get(end - 1))) {
                end--;
            }
            char[] out = new char[end - start];
            chars.position(start);
            chars.get(out, 0, out.length);
            if (chars.hasArray()) {
                Arrays.fill(chars.array(), '\0');
            }
            return out;
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }

    private static byte[] readBytes(String source, InputStream stdin) throws TokenException {
        try {
            if (source.equals("-")) {
                byte[] bytes = stdin.readNBytes(MAX_BYTES + 1);
                return checkSize(bytes, "standard input");
            }
            Path path = Path.of(source);
            if (Files.size(path) > MAX_BYTES) {
                throw new TokenException(UNREADABLE_INPUT, source + " is larger than " + MAX_BYTES + " bytes: not a key file");
            }
            return Files.readAllBytes(path);
        } catch (NoSuchFileException e) {
            throw new TokenException(UNREADABLE_INPUT, "no such file: " + source);
        } catch (IOException e) {
            throw new TokenException(UNREADABLE_INPUT, "cannot read " + source + ": " + e.getMessage());
        }
    }

    private static byte[] checkSize(byte[] bytes, String what) throws TokenException {
        if (bytes.length > MAX_BYTES) {
            Arrays.fill(bytes, (byte) 0);
            throw new TokenException(UNREADABLE_INPUT, what + " is larger than " + MAX_BYTES + " bytes: not a key");
        }
        return bytes;
    }
}
