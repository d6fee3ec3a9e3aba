package org.tokenbench.cli.internal;

import picocli.CommandLine.TypeConversionException;

/** Whole numbers typed on the command line, refused with the allowed range rather than a parser's message. */
final class Numbers {

    private Numbers() {
    }

    static long inRange(String text, long min, long max, String unit) {
        String range = max == Long.MAX_VALUE ? min + " or more" : min + " to " + max + unit;
        if (!text.matches("-?[0-9]{1,18}")) {
            throw new TypeConversionException("must be a whole number, " + range + "; got '" + text + "'");
        }
        long value = Long.parseLong(text);
        if (value < min || value > max) {
            throw new TypeConversionException("must be " + range + ", got " + value);
        }
        return value;
    }
}
