package org.tokenbench.core;

import java.util.Locale;
import java.util.Objects;

/**
 * A code as a device, library or protocol reports it, qualified by the namespace that gives it meaning:
 * {@code 0x6982} means one thing as an ISO 7816 status word and nothing as an SKF return value. The
 * diagnostics registry turns a code into a title, cause and remedy.
 *
 * @param namespace who defines the code, e.g. {@link #ISO7816}, {@link #PCSC}, {@link #SKF} or a vendor's id
 * @param value     the raw value, unsigned 32-bit values kept as non-negative longs
 */
public record ErrorCode(String namespace, long value) {

    public static final String ISO7816 = "iso7816";
    public static final String PCSC = "pcsc";
    public static final String SKF = "skf";
    /** TokenBench's own conditions (wrong input, unsafe operation refused, ...). */
    public static final String TOKENBENCH = "tokenbench";

    public ErrorCode {
        Objects.requireNonNull(namespace, "namespace");
        if (namespace.isBlank()) {
            throw new IllegalArgumentException("an error code needs a namespace");
        }
        if (value < 0 || value > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("error code values are unsigned 32-bit numbers");
        }
    }

    public static ErrorCode of(String namespace, long value) {
        return new ErrorCode(namespace, value);
    }

    /** A code as {@link #toString()} writes it ({@code skf:0x0A000024}); empty for anything else. */
    public static java.util.Optional<ErrorCode> parse(String text) {
        int colon = text.lastIndexOf(':');
        if (colon <= 0 || !text.startsWith("0x", colon + 1) || text.length() > colon + 3 + 8) {
            return java.util.Optional.empty();
        }
        try {
            return java.util.Optional.of(of(text.substring(0, colon), Long.parseLong(text.substring(colon + 3), 16)));
        } catch (IllegalArgumentException e) {
            return java.util.Optional.empty();
        }
    }

    /** The code as users see it in vendor manuals: {@code 0x6982}, {@code 0x0A000024}, {@code 0x8010000C}. */
    public String hex() {
        int digits = value <= 0xFFFF ? 4 : 8;
        return "0x" + String.format(Locale.ROOT, "%0" + digits + "X", value);
    }

    @Override
    public String toString() {
        return namespace + ":" + hex();
    }
}
