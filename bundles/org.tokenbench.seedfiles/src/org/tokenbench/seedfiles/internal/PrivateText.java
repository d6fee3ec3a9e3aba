package org.tokenbench.seedfiles.internal;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A text buffer for files that carry seeds in the clear (CSV exports, the rejected lines of an import): unlike a
 * StringBuilder it wipes every array it outgrows and its content on {@link #toUtf8AndWipe()}, so no copy of a seed is
 * left behind for the garbage collector.
 */
public final class PrivateText {

    private char[] chars = new char[1024];
    private int length;

    public PrivateText append(CharSequence text) {
        ensure(text.length());
        for (int i = 0; i < text.length(); i++) {
            chars[length++] = text.charAt(i);
        }
        return this;
    }

    public PrivateText append(char[] text) {
        return append(text, text.length);
    }

    /** The first {@code count} characters of {@code text}. */
    public PrivateText append(char[] text, int count) {
        ensure(count);
        System.arraycopy(text, 0, chars, length, count);
        length += count;
        return this;
    }

    public PrivateText append(char c) {
        ensure(1);
        chars[length++] = c;
        return this;
    }

    private void ensure(int more) {
        if (length + more > chars.length) {
            char[] bigger = Arrays.copyOf(chars, Math.max(chars.length * 2, length + more));
            Arrays.fill(chars, '\0');
            chars = bigger;
        }
    }

    /** The text as UTF-8 (the caller wipes it); this buffer is wiped. */
    public byte[] toUtf8AndWipe() {
        ByteBuffer encoded = StandardCharsets.UTF_8.encode(CharBuffer.wrap(chars, 0, length));
        byte[] out = new byte[encoded.remaining()];
        encoded.get(out);
        if (encoded.hasArray()) {
            Arrays.fill(encoded.array(), (byte) 0);
        }
        Arrays.fill(chars, '\0');
        length = 0;
        return out;
    }
}
