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

import org.tokenbench.core.Chars;
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
    /** tokenbench:0x0060: the input holds more than a key, URI or PIN ever does (a huge file, /dev/zero). */
    static final ErrorCode TOO_LARGE = ErrorCode.of(ErrorCode.TOKENBENCH, 0x60);
    /** tokenbench:0x0061: the name is a folder (or another kind of entry that holds no input). */
    static final ErrorCode NOT_A_FILE = ErrorCode.of(ErrorCode.TOKENBENCH, 0x61);
    /** tokenbench:0x0062: a pipe or device gave no complete input in time (a FIFO nobody writes). */
    static final ErrorCode TIMED_OUT = ErrorCode.of(ErrorCode.TOKENBENCH, 0x62);
    /** tokenbench:0x0063: a file for one secret line (a PIN, a passphrase) holds more than one line. */
    static final ErrorCode NOT_ONE_LINE = ErrorCode.of(ErrorCode.TOKENBENCH, 0x63);
    /** Key files, URIs, PINs and passphrases are small; a larger input is the wrong file. */
    public static final int MAX_TEXT_BYTES = 64 * 1024;
    /**
     * How long a pipe may take to deliver its input: long enough for a password manager that asks its own question
     * ({@code -Dtokenbench.pipePatienceSeconds} changes it; the tests wait less).
     */
    static int pipePatienceSeconds() {
        return Math.max(1, Integer.getInteger("tokenbench.pipePatienceSeconds", 60));
    }

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
     * What to say about a file that does not exist. A name with neither a slash nor a dot is not repeated: it may be a
     * key in a form the key check does not know (dashed groups, short hex) or a passphrase typed where a file name goes.
     */
    static String missingFileMessage(String name) {
        if (name.contains("/") || name.contains(".")) {
            return "no such file: " + name;
        }
        return "no such file (the name is not repeated: without a '/' or a '.' it may be a key or a passphrase typed where a "
                + "file name goes; write ./NAME for a file in this folder)";
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
                throw new TokenException(NOT_A_FILE, name + " is a directory, not a file");
            }
            if (!Files.isRegularFile(path) && Files.exists(path)) {
                return fromPipe(path, maxBytes);
            }
            try (InputStream in = Files.newInputStream(path)) {
                return bounded(in, maxBytes, name);
            }
        } catch (NoSuchFileException | InvalidPathException e) {
            throw new TokenException(UNREADABLE, missingFileMessage(name));
        } catch (IOException e) {
            throw new TokenException(UNREADABLE, "cannot read " + name + ": " + e.getMessage());
        }
    }

    /**
     * A pipe or device (a shell's {@code <(pass show key)} is a pipe; /dev/zero a device): opening a FIFO waits for a
     * writer and reading may never end, so both happen on a helper thread the command waits for only so long.
     */
    private byte[] fromPipe(Path path, int maxBytes) throws TokenException {
        int patience = pipePatienceSeconds();
        java.util.concurrent.CompletableFuture<byte[]> read = new java.util.concurrent.CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try (InputStream in = Files.newInputStream(path)) {
                read.complete(bounded(in, maxBytes, name));
            } catch (IOException | TokenException | RuntimeException e) {
                read.completeExceptionally(e);
            }
        }, "tokenbench-read-" + path.getFileName());
        reader.setDaemon(true);  // a writer that never comes must not keep the process alive
        reader.start();
        try {
            return read.get(patience, java.util.concurrent.TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            // a writer that comes late still hands its secret to the reader thread: wiped there, never used
            read.thenAccept(late -> java.util.Arrays.fill(late, (byte) 0));
            throw new TokenException(TIMED_OUT, name + " is a pipe or device that gave no complete input within "
                    + patience + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TokenException(UNREADABLE, "interrupted while reading " + name);
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof TokenException failure) {
                throw failure;
            }
            throw new TokenException(UNREADABLE, "cannot read " + name + ": " + e.getCause().getMessage());
        }
    }

    /**
     * One line of secret text (a PIN, a passphrase): typed without echo when standard input is the terminal; from a
     * pipe only up to the first newline, so what follows stays for the command's questions
     * ({@code printf 'PIN\nyes\n' | … --pin-file -}); a file must hold just that one line.
     */
    public char[] readSecretLine(CommandContext context, String what) throws TokenException {
        if (isStandardInput() && context.terminal() != null) {
            char[] typed = context.terminal().readPassword("%s (not shown): ", what);
            if (typed == null) {
                throw new TokenException(UNREADABLE, "no " + what + " was typed (end of input)");
            }
            return typed;
        }
        if (isStandardInput()) {
            byte[] line = firstLine(context.in());
            try {
                return decodeTrimmed(line);
            } finally {
                Arrays.fill(line, (byte) 0);
            }
        }
        return oneLine(readText(context), what);
    }

    /** {@code text} when it is one line; otherwise wiped and refused. */
    private char[] oneLine(char[] text, String what) throws TokenException {
        for (char c : text) {
            if (c == '\n' || c == '\r') {
                Arrays.fill(text, '\0');
                throw new TokenException(NOT_ONE_LINE, name + " holds more than one line; a " + what + " file holds the " + what + " alone");
            }
        }
        return text;
    }

    private static byte[] firstLine(InputStream in) throws TokenException {
        java.io.ByteArrayOutputStream line = new java.io.ByteArrayOutputStream();
        try {
            for (int b = in.read(); b != -1 && b != '\n'; b = in.read()) {
                if (line.size() >= MAX_TEXT_BYTES) {
                    throw new TokenException(TOO_LARGE, "the first line of standard input is longer than " + MAX_TEXT_BYTES + " bytes");
                }
                line.write(b);
            }
        } catch (IOException e) {
            throw new TokenException(UNREADABLE, "cannot read standard input: " + e.getMessage());
        }
        return line.toByteArray();
    }

    private static byte[] bounded(InputStream in, int maxBytes, String what) throws IOException, TokenException {
        byte[] bytes = in.readNBytes(maxBytes + 1);
        if (bytes.length > maxBytes) {
            Arrays.fill(bytes, (byte) 0);
            throw new TokenException(TOO_LARGE, what + " holds more than " + maxBytes + " bytes: not the expected input");
        }
        return bytes;
    }

    /**
     * One line exactly as written, for a password another tool set (ykman keeps blanks): only the line end is dropped,
     * leading and trailing blanks stay, as the prompt keeps them. A terminal prompts without echo; more than one line is
     * refused. The caller wipes the array.
     */
    public char[] readExactLine(CommandContext context, String what) throws TokenException {
        if (isStandardInput() && context.terminal() != null) {
            return readSecretLine(context, what);
        }
        byte[] bytes = readBytes(context, MAX_TEXT_BYTES);
        CharBuffer chars = StandardCharsets.UTF_8.decode(ByteBuffer.wrap(bytes));
        Arrays.fill(bytes, (byte) 0);
        int end = chars.limit();
        if (end > 0 && chars.get(end - 1) == '\n') {
            end--;
            if (end > 0 && chars.get(end - 1) == '\r') {
                end--;
            }
        }
        char[] line = new char[end];
        chars.get(line, 0, end);
        if (chars.hasArray()) {
            Arrays.fill(chars.array(), '\0');
        }
        return oneLine(line, what);
    }

    /** UTF-8 text with surrounding whitespace removed, as a char array the caller must wipe. */
    public char[] readText(CommandContext context) throws TokenException {
        if (isStandardInput() && context.terminal() != null) {
            // Typed at the terminal: one line without echo, instead of echoing a key and waiting for Ctrl-D.
            return readSecretLine(context, "the input for this option");
        }
        byte[] bytes = readBytes(context, MAX_TEXT_BYTES);
        try {
            return decodeTrimmed(bytes);
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }

    private static char[] decodeTrimmed(byte[] bytes) {
        CharBuffer chars = StandardCharsets.UTF_8.decode(ByteBuffer.wrap(bytes));
        CharBuffer stripped = Chars.strip(chars);
        char[] text = new char[stripped.remaining()];
        stripped.get(text);
        if (chars.hasArray()) {
            Arrays.fill(chars.array(), '\0');
        }
        return text;
    }

    @Override
    public String toString() {
        return name();
    }
}
