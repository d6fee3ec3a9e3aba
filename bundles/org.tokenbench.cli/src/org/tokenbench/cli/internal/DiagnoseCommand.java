package org.tokenbench.cli.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.osgi.service.component.annotations.Component;
import org.tokenbench.cli.command.CommandContext;
import org.tokenbench.cli.command.CommandProvider;
import org.tokenbench.cli.command.ExitCode;
import org.tokenbench.cli.command.UsageException;
import org.tokenbench.core.ErrorCode;
import org.tokenbench.core.TokenException;
import org.tokenbench.diagnostics.Diagnosis;
import org.tokenbench.diagnostics.DiagnosticsRegistry;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code tokenbench diagnose CODE} explains a code as pasted from an error dialog ("0x21220003", "6982",
 * "skf:0x0A000024"); {@code tokenbench diagnose --list [NAMESPACE]} lists what the catalogs know.
 */
@Command(name = "diagnose", description = "Explain an error code (0x21220003, 6982, skf:0x0A000024): title, explanation, "
        + "causes and what to do. Exit 1 and the closest known codes when it is unknown.")
final class DiagnoseCommand implements Callable<Integer> {

    private final CommandContext context;

    @Option(names = "--list", description = "List every known code, or those of NAMESPACE (skf, pcsc, iso7816, ...).")
    private boolean list;

    @Option(names = "--json", description = "One JSON object per code.")
    private boolean json;

    @Parameters(paramLabel = "CODE", arity = "0..1", description = "The code, optionally with its namespace (skf:0x0A000024); "
            + "with --list, the NAMESPACE.")
    private List<String> words = new ArrayList<>();

    DiagnoseCommand(CommandContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws UsageException, TokenException {
        DiagnosticsRegistry registry = context.requireService(DiagnosticsRegistry.class);
        if (list) {
            if (words.size() > 1) {
                throw new UsageException("--list takes at most one namespace");
            }
            String namespace = words.isEmpty() ? "" : words.get(0);
            List<Diagnosis> entries = registry.entries(namespace);
            if (entries.isEmpty()) {
                context.err().println("no codes in namespace '" + namespace + "'; known namespaces: " + String.join(", ", registry.namespaces()));
                return ExitCode.NEGATIVE;
            }
            for (Diagnosis d : entries) {
                context.out().println(json ? toJson(d) : d.code().namespace() + ":" + d.pattern() + "\t" + d.title());
            }
            return ExitCode.OK;
        }
        if (words.size() != 1) {
            throw new UsageException("give one code, e.g. tokenbench diagnose 0x21220003");
        }
        String query = words.get(0).strip();
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
            context.err().println("unknown code " + (namespace.isEmpty() ? "" : namespace + ":") + query + " in "
                    + String.join(", ", registry.namespaces()));
            List<Diagnosis> closest = registry.closest(value, 3);
            if (!closest.isEmpty()) {
                context.err().println("closest known codes:");
                closest.forEach(d -> context.err().println("  " + d.code() + "  " + d.title()));
            }
            return ExitCode.NEGATIVE;
        }
        for (Diagnosis d : found) {
            context.out().println(json ? toJson(d) : d.render());
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

    @Component(service = CommandProvider.class)
    public static final class Provider implements CommandProvider {
        @Override
        public Object command(CommandContext context) {
            return new DiagnoseCommand(context);
        }
    }
}
