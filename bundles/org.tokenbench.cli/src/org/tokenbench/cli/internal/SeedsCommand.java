package org.tokenbench.cli.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.osgi.service.component.annotations.Component;
import org.tokenbench.cli.command.CommandContext;
import org.tokenbench.cli.command.CommandProvider;
import org.tokenbench.cli.command.ExitCode;
import org.tokenbench.cli.command.InputFile;
import org.tokenbench.cli.command.UsageException;
import org.tokenbench.core.TokenException;
import org.tokenbench.core.fleet.AuditLog;
import org.tokenbench.seedfiles.Rejection;
import org.tokenbench.seedfiles.SeedEntry;
import org.tokenbench.seedfiles.SeedExport;
import org.tokenbench.seedfiles.SeedImport;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code tokenbench seeds check|export}: vendor seed files (PSKC RFC 6030, CSV) read entry by entry, and the seeds
 * handed on in an identity provider's format. There is no {@code seeds import} into TokenBench itself: seeds stay in
 * the vendor's file (batches read them from it); storing them is the fleet database's opt-in.
 */
@Command(name = "seeds", description = "Check vendor seed files (PSKC, CSV) and convert them for identity providers.",
        subcommands = { SeedsCommand.Check.class, SeedsCommand.Export.class })
final class SeedsCommand {

    @Command(name = "check", description = "Read every entry of a seed file: the usable serials on stdout, each rejected entry and "
            + "why on stderr (exit 1 when any was rejected); --rejects writes those entries to a file to fix and read again.")
    static final class Check implements Callable<Integer> {
        private final CommandContext context;
        @Parameters(paramLabel = "FILE", description = "The PSKC (XML) or CSV seed file (- reads stdin).")
        private InputFile file;
        @Mixin
        private SeedFileOptions options;
        @Option(names = "--rejects", paramLabel = "OUT", description = "Write the rejected entries, in the file's own format, to OUT (mode 0600).")
        private Path rejects;
        @Option(names = "--json", description = "Print {imported: [{serial, type, algorithm, digits, period, account}], rejected: [{position, serial, code, reason}]}.")
        private boolean json;

        Check(CommandContext context) {
            this.context = context;
        }

        @Override
        public Integer call() throws UsageException, TokenException {
            try (SeedImport result = options.read(file, context)) {
                report(result, json, true, context);
                if (rejects != null && result.writeRejected(rejects)) {
                    context.err().println("rejected entries written to " + rejects);
                }
                return result.rejections().isEmpty() ? ExitCode.OK : ExitCode.NEGATIVE;
            }
        }
    }

    /** The usable serials on stdout (or JSON) when asked, the rejections and a summary on stderr. */
    static void report(SeedImport result, boolean json, boolean listOnStdout, CommandContext context) {
        if (json) {
            List<Json> imported = new ArrayList<>();
            for (SeedEntry e : result.entries()) {
                var p = e.account().params();
                imported.add(new Json().field("serial", e.serial()).field("type", p.type().name()).field("algorithm", p.algorithm().name())
                        .field("digits", p.digits()).field("period", p.periodSeconds()).field("account", p.account()));
            }
            List<Json> rejected = new ArrayList<>();
            for (Rejection r : result.rejections()) {
                rejected.add(new Json().field("position", r.position()).field("serial", r.serial()).field("code", r.code().toString())
                        .field("reason", r.reason()));
            }
            context.out().println(new Json().field("imported", imported).field("rejected", rejected));
        } else if (listOnStdout) {
            result.entries().forEach(e -> context.out().println(e.serial()));
        }
        for (Rejection r : result.rejections()) {
            context.err().println("not imported: entry " + r.position() + (r.serial().isEmpty() ? "" : " (" + r.serial() + ")") + ": "
                    + r.reason() + " [" + r.code() + "]");
        }
        context.err().println(result.summary());
    }

    enum Format {
        pskc, entra, privacyidea;

        SeedExport.Format engine() {
            return switch (this) {
                case pskc -> SeedExport.Format.PSKC;
                case entra -> SeedExport.Format.ENTRA_CSV;
                case privacyidea -> SeedExport.Format.PRIVACYIDEA_CSV;
            };
        }
    }

    /** Where exported seeds go and how a PSKC export is encrypted (a picocli mixin). */
    static final class ExportOptions {
        @Option(names = "--format", required = true, paramLabel = "FORMAT", description = "${COMPLETION-CANDIDATES}: encrypted PSKC, "
                + "Microsoft Entra ID hardware OATH CSV, or privacyIDEA's token import CSV.")
        Format format;
        @Option(names = "--out", required = true, paramLabel = "OUT", description = "The file to write (mode 0600; it holds seeds; "
                + "never standard output).")
        Path out;
        @Option(names = "--out-psk-file", paramLabel = "FILE", description = "PSKC: encrypt with this pre-shared AES key (hex, 32 or 64 digits).")
        InputFile outPskFile;
        @Option(names = "--out-password-file", paramLabel = "FILE", description = "PSKC: encrypt with a key derived from this password (PBKDF2).")
        InputFile outPasswordFile;
        @Option(names = "--key-name", paramLabel = "NAME", description = "PSKC: the name the file gives its key, for the receiver (default: TokenBench export).")
        String keyName = "TokenBench export";

        void write(List<SeedEntry> entries, CommandContext context) throws UsageException, TokenException {
            if (format != Format.pskc && (outPskFile != null || outPasswordFile != null)) {
                throw new UsageException("--out-psk-file and --out-password-file encrypt PSKC exports; the " + format + " CSV is plain "
                        + "(its file is written readable by you only)");
            }
            if (out.toString().equals("-")) {
                throw new UsageException("--out -: seeds go to a file written readable by you only, never to standard output");
            }
            if (format == Format.pskc && outPskFile == null && outPasswordFile == null) {
                throw new UsageException("a PSKC export is encrypted: give --out-psk-file or --out-password-file");
            }
            try (SeedFileOptions.Protection protection = SeedFileOptions.protection(outPskFile, outPasswordFile, keyName, context)) {
                SeedExport.write(format.engine(), entries, protection.value(), out, context.service(AuditLog.class).orElse(AuditLog.NONE));
            }
            context.err().println(entries.size() + " seeds written to " + out + " (" + format.name().toLowerCase(Locale.ROOT) + ")");
            context.out().println(out);
        }
    }

    @Command(name = "export", description = "Convert a seed file's usable entries for an identity provider: encrypted PSKC, Entra ID "
            + "or privacyIDEA CSV (written mode 0600 and recorded in the audit log). After a batch, use tokenbench batch export.")
    static final class Export implements Callable<Integer> {
        private final CommandContext context;
        @Parameters(paramLabel = "FILE", description = "The PSKC (XML) or CSV seed file (- reads stdin).")
        private InputFile file;
        @Mixin
        private SeedFileOptions options;
        @Mixin
        private ExportOptions export;

        Export(CommandContext context) {
            this.context = context;
        }

        @Override
        public Integer call() throws UsageException, TokenException {
            try (SeedImport result = options.read(file, context)) {
                report(result, false, false, context);
                export.write(result.entries(), context);
                return ExitCode.OK;
            }
        }
    }

    @Component(service = CommandProvider.class)
    public static final class Provider implements CommandProvider {
        @Override
        public Object command(CommandContext context) {
            return new SeedsCommand();
        }
    }
}
