package org.tokenbench.core.driver;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * An ATR pattern in the spelling of pcsc-tools' smartcard_list.txt: hex bytes separated by spaces, {@code ..} for
 * any byte, a nibble wildcard such as {@code 8.} ("8 then any"), and a final {@code *} for any number of further
 * bytes. {@code 3B 8. 80 01 *} matches every ISO 14443-4 contactless card behind a PC/SC part 3 reader.
 */
public final class AtrPattern {

    private final String text;
    private final int[] values;
    private final int[] masks;
    private final boolean openEnded;

    private AtrPattern(String text, int[] values, int[] masks, boolean openEnded) {
        this.text = text;
        this.values = values;
        this.masks = masks;
        this.openEnded = openEnded;
    }

    public static AtrPattern parse(String pattern) {
        String[] words = pattern.strip().toUpperCase(Locale.ROOT).split("\\s+");
        List<int[]> bytes = new ArrayList<>();
        boolean openEnded = false;
        for (int i = 0; i < words.length; i++) {
            String word = words[i];
            if (word.equals("*") && i == words.length - 1) {
                openEnded = true;
                continue;
            }
            if (word.length() != 2) {
                throw new IllegalArgumentException("ATR pattern '" + pattern + "': '" + word + "' is not a byte (two hex digits or dots)");
            }
            int value = 0;
            int mask = 0;
            for (char c : word.toCharArray()) {
                value <<= 4;
                mask <<= 4;
                if (c != '.') {
                    int digit = Character.digit(c, 16);
                    if (digit < 0) {
                        throw new IllegalArgumentException("ATR pattern '" + pattern + "': '" + word + "' is not hex");
                    }
                    value |= digit;
                    mask |= 0xF;
                }
            }
            bytes.add(new int[] {value, mask});
        }
        if (bytes.isEmpty()) {
            throw new IllegalArgumentException("ATR pattern '" + pattern + "' names no byte");
        }
        int[] values = bytes.stream().mapToInt(b -> b[0]).toArray();
        int[] masks = bytes.stream().mapToInt(b -> b[1]).toArray();
        return new AtrPattern(pattern.strip(), values, masks, openEnded);
    }

    public boolean matches(Atr atr) {
        if (atr.length() < values.length || (!openEnded && atr.length() != values.length)) {
            return false;
        }
        for (int i = 0; i < values.length; i++) {
            if ((atr.at(i) & masks[i]) != values[i]) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return text;
    }
}
