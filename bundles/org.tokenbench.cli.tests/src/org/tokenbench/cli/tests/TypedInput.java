package org.tokenbench.cli.tests;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * Standard input typed the way a person answers prompts: each line is taken from {@code nextLine} only when the
 * command reads past the one before, so it can be what the token displays at that moment; null ends the input.
 */
final class TypedInput extends InputStream {

    private final Supplier<String> nextLine;
    private ByteArrayInputStream line = new ByteArrayInputStream(new byte[0]);
    private boolean ended;

    TypedInput(Supplier<String> nextLine) {
        this.nextLine = nextLine;
    }

    /** One line, read from {@code display} when the command first asks; then the input ends. */
    static TypedInput once(Supplier<String> display) {
        AtomicBoolean typed = new AtomicBoolean();
        return new TypedInput(() -> typed.getAndSet(true) ? null : display.get());
    }

    @Override
    public int read() {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) {
        if (line.available() == 0 && !ended) {
            String next = nextLine.get();
            ended = next == null;
            line = new ByteArrayInputStream(ended ? new byte[0] : (next + "\n").getBytes(StandardCharsets.US_ASCII));
        }
        return line.read(b, off, len);
    }
}
