package org.tokenbench.cli.internal;

import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.tokenbench.core.ErrorCode;
import org.tokenbench.core.TokenException;
import org.tokenbench.diagnostics.Diagnosis;
import org.tokenbench.diagnostics.DiagnosticsRegistry;

/**
 * {@code tokenbench diagnose CODE} explains a code as pasted from an error dialog ("0x21220003", "6982",
 * "skf:0x0A000024"); {@code tokenbench diagnose --list [NAMESPACE]} lists what the catalogs know.
 */
final class DiagnoseCommand implements Command {

    @Override
    public String name() {
        return "diagnose";
    }

    @Override
    public String summary() {
        return "explain an error code (0x21220003, 6982, skf:0x0A000024); --list [namespace]";
    }

    @Override
    public int run(List<String> args, Console console) throws UsageException, TokenException {
        Arguments arguments = Arguments.parse(args, Set.of("list", "json"), Set.of());
        DiagnosticsRegistry registry = console.service(DiagnosticsRegistry.class)
                .orElseThrow(() -> new TokenException(ErrorCode.of(ErrorCode.TOKENBENCH, 1), "the diagnostics registry did not start"));
        boolean json = arguments.has("json");
        if (arguments.has("list")) {
            if (arguments.positionals().size() > 1) {
                throw new UsageException("--list takes at most one namespace");
            }
            String namespace = arguments.positionals().isEmpty() ? "" : arguments.positionals().get(0);
            List<Diagnosis> entries = registry.entries(namespace);
            if (entries.isEmpty()) {
                console.err().println("no codes in namespace '" + namespace + "'; known namespaces: " + String.join(", ", registry.namespaces()));
                return ExitCode.NEGATIVE;
            }
            for (Diagnosis d : entries) {
                console.out().println(json ? toJson(d) : d.code().namespace() + ":" + d.pattern() + "\t" + d.title());
            }
            return ExitCode.OK;
        }
        if (arguments.positionals().size() != 1) {
            throw new UsageException("give one code, e.g. tokenbench diagnose 0x21220003");
        }
        String query = arguments.positionals().get(0).strip();
        String namespace = "";
        int colon = query.lastIndexOf(':');
        if (colon > 0) {
            namespace = query.substring(0, colon).toLowerCase(Locale.ROOT);
            query = query.substring(colon + 1);
        }
        long value = parseCode(query);
        List<Diagnosis> found = namespace.isEmpty() ? registry.lookup(value)
                : registry.explain(ErrorCode.of(namespace, value)).map(List::of).orElse(List.of());
        if (found.isEmpty()) {
            console.err().println("unknown code " + (namespace.isEmpty() ? "" : namespace + ":") + query + " in "
                    + String.join(", ", registry.namespaces()));
            List<Diagnosis> closest = registry.closest(value, 3);
            if (!closest.isEmpty()) {
                console.err().println("closest known codes:");
                closest.forEach(d -> console.err().println("  " + d.code() + "  " + d.title()));
            }
            return ExitCode.NEGATIVE;
        }
        for (Diagnosis d : found) {
            console.out().println(json ? toJson(d) : d.render());
        }
        return ExitCode.OK;
    }

    private static long parseCode(String text) throws UsageException {
        String digits = text.toLowerCase(Locale.ROOT).startsWith("0x") ? text.substring(2) : text;
        digits = digits.replace(" ", "");
        if (digits.isEmpty() || digits.length() > 8 || !digits.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
            throw new UsageException("'" + text + "' is not a hex code such as 0x21220003 or 6982");
        }
        return Long.parseLong(digits, 16);
    }

    private static String toJson(Diagnosis d) {
        return new Json().field("namespace", d.code().namespace()).field("code", d.code().hex()).field("title", d.title())
                .field("explanation", d.explanation()).field("likelyCauses", d.likelyCauses()).field("remedy", d.remedy())
                .field("severity", d.severity().name()).field("family", d.family()).field("pattern", d.pattern()).toString();
    }
}
