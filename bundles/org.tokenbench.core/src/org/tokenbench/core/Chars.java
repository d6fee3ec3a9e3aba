package org.tokenbench.core;

import java.nio.CharBuffer;

/**
 * Text held in character buffers rather than Strings, because it may be a secret (a pasted otpauth URI, a key file, a
 * passphrase): a String cannot be wiped, a {@code char[]} can.
 *
 * @since 0.3.0
 */
public final class Chars {

    private Chars() {
    }

    /**
     * {@code text} without the white space around it, as a view of the same characters: nothing is copied, so wiping
     * {@code text} wipes what this returns and no second copy of a secret is left behind.
     */
    public static CharBuffer strip(char[] text) {
        return strip(CharBuffer.wrap(text));
    }

    /**
     * The remaining characters of {@code text} without the white space around them (as {@link Character#isWhitespace}
     * defines it), as a view sharing {@code text}'s content; {@code text}'s position is left as it was.
     */
    public static CharBuffer strip(CharBuffer text) {
        int start = 0;
        int end = text.remaining();
        while (start < end && Character.isWhitespace(text.charAt(start))) {
            start++;
        }
        while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        return text.subSequence(start, end);
    }
}
