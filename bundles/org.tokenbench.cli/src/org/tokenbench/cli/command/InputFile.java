package org.tokenbench.cli.command;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Pattern;

import org.tokenbench.core.ErrorCode;
import org.tokenbench.core.TokenException;

/**
 * A file named on the command line to read, or {@code -} for standard input. Type an option with it (the command
 * line tool converts it) and TokenBench checks every run before the command starts: a value that looks
 * like a key or an otpauth URI rather than a file name is refused without being echoed, and only one input of a
 * command may be {@code -}. Secret-bearing text is read into buffers the caller wipes, never into a String.
 */
public final class InputFile {

    /** TokenBench's own code for "the file named on the command line cannot be read". */
    public static final ErrorCode UNREADABLE = ErrorCode.of(ErrorCode.TOKENBENCH, 2);
    /** Key files, URIs, PINs and passphrases are small; a larger input is the wrong file. */
    public static final int MAX_TEXT_BYTES = 64 * 1024;

    private static final Pattern BASE32_KEY = Pattern.compile("[A-Z2-7]{16,}=*");
    private static final Pattern HEX_KEY = Pattern.compile("[0-9A-F]{32,}");

    private final String name;

    public InputFile(String name) {
        this.name = name;
    }

    public boolean isStandardInput() {
        return name.equals("-");
    }

    /** The file named; not for {@code -}. */
    public Path path() {
        if (isStandardInput()) {
            throw new IllegalStateException("- is standard input, not a file");
        }
        return Path.of(name);
    }

    /** As given on the command line; "standard input" for {@code -}. */
    public String name() {
        return isStandardInput() ? "standard input" : name;
    }

    /**
     * Whether {@code value} is a key or an otpauth URI typed where a file name goes: it starts with {@code otpauth},
     * or is 16+ Base32 or 32+ hex characters (spaces ignored), and names no existing file.
     */
    public static boolean looksLikeSecret(String value) {
        String compact = value.strip().replace(" ", "").toUpperCase(Locale.ROOT);
        boolean keyLike = compact.startsWith("OTPAUTH") || BASE32_KEY.matcher(compact).matches() || HEX_KEY.matcher(compact).matches();
        if (!keyLike) {
            return false;
        }
        try {
            return !Files.exists(Path.of(value));
        } catch (InvalidPathException e) {
            return true;
        }
    }

    /**
     * The bytes, at most {@code maxBytes}; standard input when {@code -}. The caller wipes them. Files are read through a
     * bounded stream whatever their size says: a device such as /dev/zero reports size 0 and never ends.
     */
    public byte[] readBytes(CommandContext context, int maxBytes) throws TokenException {
        if (isStandardInput()) {
            try {
                return bounded(context.in(), maxBytes, "standard input");
            } catch (IOException e) {
                throw new TokenException(UNREADABLE, "cannot read standard input: " + e.getMessage());
            }
        }
        try {
            Path path = Path.of(name);
            if (Files.isDirectory(path)) {
                throw new TokenException(UNREADABLE, name + " is a directory, not a file");
            }
            try (InputStream in = Files.newInputStream(path)) {
                return bounded(in, maxBytes, name);
            }
        } catch (NoSuchFileException | InvalidPathException e) {
            throw new TokenException(UNREADABLE, "no such file: " + name);
        } catch (IOException e) {
            throw new TokenException(UNREADABLE, "cannot read " + name + ": " + e.getMessage());
        }
    }

    private static byte[] bounded(InputStream in, int maxBytes, String what) throws IOException, TokenException {
        byte[] bytes = in.readNBytes(maxBytes + 1);
        if (bytes.length > maxBytes) {
            Arrays.fill(bytes, (byte) 0);
            throw new TokenException(UNREADABLE, what + " holds more than " + maxBytes + " bytes: not the expected input");
        }
        return bytes;
    }

    /** UTF-8 text with surrounding whitespace removed, as a char array the caller must wipe. */
    public char[] readText(CommandContext context) throws TokenException {
        byte[] bytes = readBytes(context, MAX_TEXT_BYTES);
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
            char[] text = new char[end - start];
            chars.position(start);
            chars.get(text, 0, text.length);
            if (chars.hasArray()) {
                Arrays.fill(chars.array(), '\0');
            }
            return text;
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }

    @Override
    public String toString() {
        return name();
    }
}
