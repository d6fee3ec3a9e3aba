package org.tokenbench.core;

/**
 * The project's one hex codec: APDU traces, error codes, seeds typed in hex. Parsing reports the first
 * offending character by position so a user can find a typo.
 */
public final class Hex {

    private static final char[] DIGITS = "0123456789ABCDEF".toCharArray();

    private Hex() {
    }

    /** Upper-case hex without separators, e.g. {@code 80CE0000}. */
    public static String format(byte[] bytes, int offset, int length) {
        char[] out = new char[length * 2];
        for (int i = 0; i < length; i++) {
            int b = bytes[offset + i] & 0xFF;
            out[2 * i] = DIGITS[b >>> 4];
            out[2 * i + 1] = DIGITS[b & 0x0F];
        }
        return new String(out);
    }

    public static String format(byte[] bytes) {
        return format(bytes, 0, bytes.length);
    }

    /**
     * Parses hex typed by a person: case-insensitive, spaces, colons and dashes between digit pairs are
     * ignored, an optional {@code 0x} prefix is accepted.
     *
     * @throws IllegalArgumentException naming the first character (1-based position) that is not hex, or an odd digit count
     */
    public static byte[] parse(CharSequence text) {
        int start = 0;
        if (text.length() >= 2 && text.charAt(0) == '0' && (text.charAt(1) == 'x' || text.charAt(1) == 'X')) {
            start = 2;
        }
        int digits = 0;
        for (int i = start; i < text.length(); i++) {
            char c = text.charAt(i);
            if (isSeparator(c)) {
                continue;
            }
            if (Character.digit(c, 16) < 0) {
                throw new IllegalArgumentException("the character at position " + (i + 1) + " is not hexadecimal");
            }
            digits++;
        }
        if (digits % 2 != 0) {
            throw new IllegalArgumentException(digits + " hex digits cannot make whole bytes: one digit is missing or extra");
        }
        byte[] out = new byte[digits / 2];
        int nibble = 0;
        for (int i = start; i < text.length(); i++) {
            char c = text.charAt(i);
            if (isSeparator(c)) {
                continue;
            }
            int value = Character.digit(c, 16);
            if (nibble % 2 == 0) {
                out[nibble / 2] = (byte) (value << 4);
            } else {
                out[nibble / 2] |= (byte) value;
            }
            nibble++;
        }
        return out;
    }

    private static boolean isSeparator(char c) {
        return c == ' ' || c == ':' || c == '-' || c == '\t';
    }
}
