package org.tokenbench.skf.internal;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * SKF's name lists: NUL-separated names ending in a double NUL. Read defensively: only the bytes the library
 * says it wrote, never past the buffer, and a list without its terminator is an error, not a guess.
 */
public final class NameList {

    private NameList() {
    }

    /** The raw names (without NULs), or null when the list is not terminated inside the first {@code length} bytes. */
    public static List<byte[]> parse(byte[] buffer, int length) {
        int end = Math.min(Math.max(length, 0), buffer.length);
        List<byte[]> names = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < end; i++) {
            if (buffer[i] != 0) {
                continue;
            }
            if (i == start) {
                return names;  // empty name: the closing NUL
            }
            names.add(Arrays.copyOfRange(buffer, start, i));
            start = i + 1;
        }
        // A single trailing NUL after the last name also ends a list in some vendors' output; none at all does not.
        return start == end && end > 0 && buffer[end - 1] == 0 ? names : null;
    }

    /** How a vendor's name bytes are shown: UTF-8 when valid, else GB18030 (Chinese Windows vendors' encoding). */
    public static String display(byte[] name) {
        String utf8 = new String(name, StandardCharsets.UTF_8);
        if (!utf8.contains("\uFFFD")) {
            return utf8;
        }
        return new String(name, Charset.forName("GB18030"));
    }

    /** The name with its terminating NUL, as SKF functions take it. */
    public static byte[] terminated(byte[] name) {
        return Arrays.copyOf(name, name.length + 1);
    }
}
