package org.tokenbench.otp;

import java.util.Arrays;

import org.tokenbench.core.Secret;

/**
 * RFC 4648 Base32 as OTP seeds are written: padding optional, case-insensitive, and (for typed or printed
 * keys such as "JBSW Y3DP EHPK 3PXP") spaces and dashes ignored.
 */
public final class Base32 {

    private static final char[] ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".toCharArray();
    /** The longest seed a token accepts is 63 bytes; refuse absurd input before allocating for it. */
    public static final int MAX_SECRET_BYTES = 1024;

    private Base32() {
    }

    /** Decodes a seed; the intermediate buffers are wiped, the result owns the only copy. */
    public static Secret decode(CharSequence text) throws OtpException {
        int symbols = 0;
        int padding = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ' ' || c == '-' || c == '\t') {
                continue;
            }
            if (c == '=') {
                padding++;
                continue;
            }
            if (padding > 0) {
                throw new OtpException(OtpProblem.BAD_BASE32,
                        "the character at position " + (i + 1) + " comes after '=' padding, which may only end the key");
            }
            if (value(c) < 0) {
                // The position, never the character: an error message must not give away part of a key.
                throw new OtpException(OtpProblem.BAD_BASE32, "the character at position " + (i + 1)
                        + " is not Base32 (letters A-Z and digits 2-7 only; 0, 1 and 8 are often mistyped for O, I or L, and B)");
            }
            symbols++;
        }
        if (symbols == 0) {
            throw new OtpException(OtpProblem.EMPTY_SECRET, "the key is empty");
        }
        int leftover = symbols % 8;
        if (leftover == 1 || leftover == 3 || leftover == 6) {
            throw new OtpException(OtpProblem.BAD_BASE32, "a Base32 key cannot have " + symbols
                    + " characters (the last group of " + leftover + " makes no whole byte): a character is missing or extra");
        }
        int length = symbols * 5 / 8;
        if (length > MAX_SECRET_BYTES) {
            throw new OtpException(OtpProblem.SECRET_TOO_LONG, "the key is " + length + " bytes long; at most " + MAX_SECRET_BYTES + " are accepted");
        }
        byte[] out = new byte[length];
        long buffer = 0;
        int bits = 0;
        int written = 0;
        for (int i = 0; i < text.length() && written < length; i++) {
            int v = value(text.charAt(i));
            if (v < 0) {
                continue;
            }
            buffer = (buffer << 5) | v;
            bits += 5;
            if (bits >= 8) {
                bits -= 8;
                out[written++] = (byte) (buffer >>> bits);
            }
        }
        buffer = 0;
        return Secret.adopt(out);
    }

    /** Upper-case Base32 without padding, as otpauth URIs carry it. */
    public static char[] encode(byte[] data) {
        char[] out = new char[(data.length * 8 + 4) / 5];
        int buffer = 0;
        int bits = 0;
        int n = 0;
        for (byte b : data) {
            buffer = (buffer << 8) | (b & 0xFF);
            bits += 8;
            while (bits >= 5) {
                bits -= 5;
                out[n++] = ALPHABET[(buffer >>> bits) & 31];
            }
        }
        if (bits > 0) {
            out[n++] = ALPHABET[(buffer << (5 - bits)) & 31];
        }
        buffer = 0;
        return n == out.length ? out : Arrays.copyOf(out, n);
    }

    private static int value(char c) {
        if (c >= 'A' && c <= 'Z') {
            return c - 'A';
        }
        if (c >= 'a' && c <= 'z') {
            return c - 'a';
        }
        if (c >= '2' && c <= '7') {
            return c - '2' + 26;
        }
        return -1;
    }

    /** The usual misreadings of printed keys. */
}
