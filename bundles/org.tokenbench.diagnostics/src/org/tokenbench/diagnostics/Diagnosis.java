package org.tokenbench.diagnostics;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

import org.tokenbench.core.ErrorCode;
import org.tokenbench.diagnostics.internal.Labels;

/**
 * What a code means and what to do about it.
 *
 * @param code         the code as reported (for a range entry, the concrete code that was looked up)
 * @param pattern      how the catalog writes the entry: the code's hex, or a range such as {@code 0x63Cx}
 * @param title        a short name, e.g. "Wrong PIN (SAR_PIN_INCORRECT)"
 * @param explanation  what happened, in a sentence or two
 * @param likelyCauses the usual reasons, most likely first
 * @param remedy       what the user should do
 * @param severity     how bad it is
 * @param family       the device family or component the catalog speaks for
 * @param source       which catalog it came from (bundle and file), for support
 * @param locale       the language asked for ({@link Locale#ROOT}: the catalog's English): the texts are in it where the
 *                     catalog has a translation (English where not), {@link #render()}'s labels always are
 */
public record Diagnosis(ErrorCode code, String pattern, String title, String explanation, List<String> likelyCauses, String remedy,
        Severity severity, String family, String source, Locale locale) {

    public Diagnosis {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(pattern, "pattern");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(remedy, "remedy");
        Objects.requireNonNull(locale, "locale");
        likelyCauses = List.copyOf(likelyCauses);
    }

    /** A diagnosis in the catalog's own language (English). */
    public Diagnosis(ErrorCode code, String pattern, String title, String explanation, List<String> likelyCauses, String remedy,
            Severity severity, String family, String source) {
        this(code, pattern, title, explanation, likelyCauses, remedy, severity, family, source, Locale.ROOT);
    }

    /** Title, cause and remedy for a terminal, the raw code kept visible for support; labels in {@link #locale()}. */
    public String render() {
        Labels labels = Labels.of(locale);
        StringBuilder text = new StringBuilder();
        text.append(title).append(" [").append(code).append("]");
        if (!explanation.isEmpty()) {
            text.append(System.lineSeparator()).append("  ").append(explanation);
        }
        if (!likelyCauses.isEmpty()) {
            text.append(System.lineSeparator()).append("  ").append(labels.causes(likelyCauses));
        }
        text.append(System.lineSeparator()).append("  ").append(labels.remedy(remedy));
        return text.toString();
    }
}
