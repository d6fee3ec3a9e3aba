package org.tokenbench.diagnostics.internal;

import java.util.List;

import org.tokenbench.core.ErrorCode;
import org.tokenbench.diagnostics.Diagnosis;
import org.tokenbench.diagnostics.Severity;

/**
 * One line of a catalog. {@code mask} selects the bits that must equal {@code value}; the other bits are a
 * parameter that texts show as {n} (e.g. ISO 7816 {@code 63Cx}: x tries left).
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

    Diagnosis diagnose(long code) {
        String n = Long.toString(code & ~mask & 0xFFFF_FFFFL);
        return new Diagnosis(ErrorCode.of(namespace, code), title.replace("{n}", n), explanation.replace("{n}", n),
                causes.stream().map(c -> c.replace("{n}", n)).toList(), remedy.replace("{n}", n), severity, family, source);
    }
}
