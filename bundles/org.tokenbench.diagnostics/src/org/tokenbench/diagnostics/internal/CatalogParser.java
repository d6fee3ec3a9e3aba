package org.tokenbench.diagnostics.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.tokenbench.diagnostics.Severity;

/**
 * Reads the catalog file format (UTF-8, one entry per line, so a vendor can write one in any editor):
 * <pre>
 * # comment
 * namespace = iso7816
 * family = Smart cards (ISO 7816-4)
 * 0x6982 | error | Security status not satisfied | what happened | cause one; cause two | what to do
 * 0x63C0/0xFFF0 | warning | Wrong PIN, {n} tries left | ... | ... | ...
 * </pre>
 * A code may carry a {@code /mask}; the bits outside the mask are shown as {n}. Bad lines are reported and
 * skipped, so one typo does not hide a vendor's whole catalog.
 * <p>A translation ({@code skf_zh.catalog} beside {@code skf.catalog}, see {@link CatalogTranslations}) has the same
 * format; there any text field may be empty (the catalog's English text is shown) and the severity may be empty.
 */
final class CatalogParser {

    record Result(List<CatalogEntry> entries, List<String> problems) {
    }

    private CatalogParser() {
    }

    static Result parse(InputStream in, String source) throws IOException {
        return parse(in, source, false);
    }

    /** A translation's lines: empty fields are kept empty (shown in English), an empty severity is {@code null}. */
    static Result parseTranslation(InputStream in, String source) throws IOException {
        return parse(in, source, true);
    }

    private static Result parse(InputStream in, String source, boolean translation) throws IOException {
        List<CatalogEntry> entries = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        String namespace = null;
        String family = "";
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                String text = line.strip();
                if (text.isEmpty() || text.startsWith("#")) {
                    continue;
                }
                String where = source + ":" + number + ": ";
                if (!text.contains("|") && text.contains("=")) {
                    String key = text.substring(0, text.indexOf('=')).strip().toLowerCase(Locale.ROOT);
                    String value = text.substring(text.indexOf('=') + 1).strip();
                    switch (key) {
                        case "namespace" -> namespace = value;
                        case "family" -> family = value;
                        default -> problems.add(where + "unknown setting '" + key + "'");
                    }
                    continue;
                }
                String[] fields = Arrays.stream(text.split("\\|", -1)).map(String::strip).toArray(String[]::new);
                if (fields.length != 6) {
                    problems.add(where + "expected 6 fields separated by '|' (code | severity | title | explanation | causes | remedy), found " + fields.length);
                    continue;
                }
                if (namespace == null || namespace.isEmpty()) {
                    problems.add(where + "an entry comes before 'namespace = ...'");
                    continue;
                }
                try {
                    long[] code = code(fields[0]);
                    Severity severity = translation && fields[1].isEmpty() ? null : Severity.valueOf(fields[1].toUpperCase(Locale.ROOT));
                    if (!translation && (fields[2].isEmpty() || fields[5].isEmpty())) {
                        problems.add(where + "every entry needs a title and a remedy");
                        continue;
                    }
                    List<String> causes = fields[4].isEmpty() ? List.of()
                            : Arrays.stream(fields[4].split(";")).map(String::strip).filter(c -> !c.isEmpty()).toList();
                    entries.add(new CatalogEntry(namespace, code[0], code[1], severity, fields[2], fields[3], causes, fields[5], family, source));
                } catch (IllegalArgumentException e) {
                    problems.add(where + e.getMessage());
                }
            }
        }
        return new Result(entries, problems);
    }

    /** {value, mask}; an entry's value must have no bits outside its mask. */
    private static long[] code(String text) {
        String[] parts = text.split("/", -1);
        long value = number(parts[0]);
        long mask = parts.length > 1 ? number(parts[1]) : 0xFFFF_FFFFL;
        if (parts.length > 2 || (value & ~mask) != 0) {
            throw new IllegalArgumentException("'" + text + "' is not a code or a code/mask with the code inside the mask");
        }
        return new long[] {value, mask};
    }

    static long number(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        try {
            long value = t.startsWith("0x") ? Long.parseLong(t.substring(2), 16) : Long.parseLong(t, 16);
            if (value < 0 || value > 0xFFFF_FFFFL) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is not a 32-bit hex code");
        }
    }
}
