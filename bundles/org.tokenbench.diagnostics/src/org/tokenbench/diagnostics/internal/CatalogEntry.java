package org.tokenbench.diagnostics.internal;

import java.util.List;
import java.util.Locale;

import org.tokenbench.core.ErrorCode;
import org.tokenbench.diagnostics.Diagnosis;
import org.tokenbench.diagnostics.Severity;

/**
 * One line of a catalog. {@code mask} selects the bits that must equal {@code value}; the other bits are a
 * parameter that texts show as {n} (e.g. ISO 7816 {@code 63Cx}: x tries left). In a translation the severity may be
 * {@code null} and any text empty (see {@link CatalogTranslations}).
 */
record CatalogEntry(String namespace, long value, long mask, Severity severity, String title, String explanation,
        List<String> causes, String remedy, String family, String source) {

    boolean matches(String otherNamespace, long code) {
        return namespace.equals(otherNamespace) && matches(code);
    }

    boolean matches(long code) {
        return (code & mask) == value;
    }

    boolean isExact() {
        return mask == 0xFFFF_FFFFL;
    }

    /** The entry applied to a concrete code: {n} becomes the code's parameter bits. */
    Diagnosis diagnose(long code, Locale locale) {
        return diagnosis(code, Long.toString(code & ~mask & 0xFFFF_FFFFL), locale);
    }

    /** The entry as the catalog lists it: a range keeps "n" in its texts. */
    Diagnosis describe(Locale locale) {
        return diagnosis(value, "n", locale);
    }

    private Diagnosis diagnosis(long code, String n, Locale locale) {
        return new Diagnosis(ErrorCode.of(namespace, code), pattern(), title.replace("{n}", n), explanation.replace("{n}", n),
                causes.stream().map(c -> c.replace("{n}", n)).toList(), remedy.replace("{n}", n), severity, family, source, locale);
    }

    /** 0x6982, or 0x63Cx for value 63C0 with mask FFF0: each hex digit outside the mask is an x. */
    String pattern() {
        String hex = ErrorCode.of(namespace, value).hex().substring(2);
        StringBuilder out = new StringBuilder("0x");
        for (int i = 0; i < hex.length(); i++) {
            int shift = 4 * (hex.length() - 1 - i);
            out.append(((mask >>> shift) & 0xF) == 0xF ? hex.charAt(i) : 'x');
        }
        return out.toString();
    }
}
