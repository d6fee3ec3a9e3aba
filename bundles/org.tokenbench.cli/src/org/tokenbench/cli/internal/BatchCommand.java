package org.tokenbench.cli.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.osgi.service.component.annotations.Component;
import org.tokenbench.cli.command.CommandContext;
import org.tokenbench.cli.command.CommandProvider;
import org.tokenbench.cli.command.ExitCode;
import org.tokenbench.cli.command.InputFile;
import org.tokenbench.cli.command.UsageException;
import org.tokenbench.core.TokenBenchHome;
import org.tokenbench.core.TokenException;
import org.tokenbench.core.device.Device;
import org.tokenbench.core.device.DeviceService;
import org.tokenbench.core.device.DeviceSession;
import org.tokenbench.core.fleet.AuditLog;
import org.tokenbench.core.fleet.DeviceInventory;
import org.tokenbench.otp.OtpAccount;
import org.tokenbench.programming.ProgrammingChoices;
import org.tokenbench.programming.TokenProgrammer;
import org.tokenbench.programming.batch.BatchCodes;
import org.tokenbench.programming.batch.BatchJournal;
import org.tokenbench.programming.batch.BatchPlan;
import org.tokenbench.programming.batch.BatchProgrammer;
import org.tokenbench.seedfiles.SeedEntry;
import org.tokenbench.seedfiles.SeedFiles;
import org.tokenbench.seedfiles.SeedImport;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code tokenbench batch program|resume|status|report|export}: many tokens from one seed file (each serial its own
 * seed) or one key on N tokens, presented one by one on a reader. The journal under {@code $TOKENBENCH_HOME/batches}
 * (no seeds) is what lets a stopped batch continue and keeps a serial from being written twice by accident.
 */
@Command(name = "batch", description = "Program a box of tokens from a seed file (or one key on N tokens), resumably.",
        subcommands = { BatchCommand.Program.class, BatchCommand.Resume.class, BatchCommand.Status.class, BatchCommand.Report.class,
                BatchCommand.Export.class })
final class BatchCommand {

    /** A batch name is a file name in the batches folder: no path, no dot-dot, nothing a shell or a terminal reads specially. */
    private static Path journalFile(String name) throws UsageException {
        if (name == null || !name.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,99}") || name.contains("..")) {
            throw new UsageException("a batch name is 1 to 100 letters, digits, dots, dashes or underscores, starting with a letter or digit");
        }
        return BatchJournal.directory(TokenBenchHome.directory()).resolve(name + ".journal");
    }

    private static BatchJournal existingJournal(String name) throws TokenException, UsageException {
        Path file = journalFile(name);
        return BatchJournal.open(file).orElseThrow(() -> new TokenException(BatchCodes.JOURNAL_UNREADABLE,
                "no batch named '" + name + "' (" + file + ")"));
    }

    /** Where the seeds come from (a picocli mixin): a seed file, or one credential for --count tokens. */
    static final class Source {
        @Option(names = "--seeds", paramLabel = "FILE", description = "The vendor's seed file, PSKC or CSV: each token gets its serial's seed.")
        InputFile seeds;
        @Mixin
        SeedFileOptions seedOptions;
        @Mixin
        CredentialOptions credential;
        @Option(names = "--count", paramLabel = "N", description = "With --uri-file/--secret-file: program this one key on N tokens.")
        Integer count;

        /** The plan; the caller closes it. */
        BatchPlan plan(CommandContext context) throws UsageException, TokenException {
            boolean oneKey = credential.uriFile != null || credential.secretFile != null;
            if ((seeds == null) == !oneKey) {
                throw new UsageException("give --seeds FILE, or --uri-file/--secret-file with --count N");
            }
            if (seeds != null) {
                if (count != null) {
                    throw new UsageException("--count goes with one key (--uri-file/--secret-file); a seed file has its own tokens");
                }
                byte[] content = seeds.readBytes(context, SeedFiles.MAX_BYTES);
                String fingerprint = BatchPlan.fingerprint(content);
                try (SeedImport imported = seedOptions.read(content, seeds.name(), context)) {
                    SeedsCommand.report(imported, false, false, context);
                    // The plan takes the entries over; the import's own copy of the rejected ones is wiped on close.
                    List<SeedEntry> copies = new ArrayList<>();
                    for (SeedEntry e : imported.entries()) {
                        copies.add(new SeedEntry(e.serial(), e.manufacturer(), e.model(), e.account().secret().apply(b -> new OtpAccount(
                                e.account().params(), org.tokenbench.core.Secret.copyOf(b, 0, b.length), List.of()))));
                    }
                    return BatchPlan.perToken(seeds.name(), fingerprint, copies);
                } finally {
                    Arrays.fill(content, (byte) 0);
                }
            }
            if (count == null || count < 1) {
                throw new UsageException("one key on several tokens needs --count N (1 or more)");
            }
            InputFile keySource = credential.uriFile != null ? credential.uriFile : credential.secretFile;
            OtpAccount account = credential.read(context);
            // Like a seed file's, a one-way fingerprint of what is programmed (parameters and key), so that resuming with
            // another key is refused; the key itself is never in the journal.
            String fingerprint = account.secret().apply(key -> {
                byte[] described = (account.params() + "/" + count + "/").getBytes(java.nio.charset.StandardCharsets.UTF_8);
                byte[] both = Arrays.copyOf(described, described.length + key.length);
                System.arraycopy(key, 0, both, described.length, key.length);
                try {
                    return BatchPlan.fingerprint(both);
                } finally {
                    Arrays.fill(both, (byte) 0);
                }
            });
            return BatchPlan.oneKey(keySource.name(), fingerprint, account, count);
        }
    }

    @Command(name = "program", description = "Program the batch's tokens as they are put on the reader, one by one: each matched by "
            + "serial, programmed, confirmed by the code it shows, recorded; prints 'serial STATE' per token. Stops when the batch "
            + "is complete or no token comes within --next-wait; run it again (or resume) to continue.")
    static class Program implements Callable<Integer> {
        final CommandContext context;
        @Mixin
        Source source;
        @Option(names = "--reader", required = true, paramLabel = "READER", description = "The reader the tokens are put on.")
        String reader;
        @Option(names = "--display", paramLabel = "SECONDS", description = "The tokens' display time (default: the family's default).")
        Integer display;
        @Option(names = "--profile", paramLabel = "N", description = "The slot on multi-profile tokens (default 0).")
        int profile;
        @Option(names = "--name", paramLabel = "NAME", description = "The batch's name (its journal's file name); default: from the seed source.")
        String name;
        @Option(names = "--next-wait", paramLabel = "SECONDS", description = "How long to wait for the next token (default 300).")
        int nextWait = 300;
        @Option(names = "--report", paramLabel = "OUT", description = "Write the batch report CSV here at the end (mode 0600).")
        Path report;

        Program(CommandContext context) {
            this.context = context;
        }

        boolean mustExist() {
            return false;
        }

        @Override
        public Integer call() throws UsageException, TokenException {
            DeviceService devices = DeviceAccess.refreshed(context);
            AuditLog audit = context.service(AuditLog.class).orElse(AuditLog.NONE);
            Optional<DeviceInventory> inventory = context.service(DeviceInventory.class);
            try (BatchPlan plan = source.plan(context)) {
                String batchName = name != null ? name : defaultName(plan);
                Path file = journalFile(batchName);
                if (mustExist() && !Files.exists(file)) {
                    throw new TokenException(BatchCodes.JOURNAL_UNREADABLE, "no batch named '" + batchName + "' to resume (" + file + ")");
                }
                Device first = devices.find(reader);
                int displaySeconds = display != null ? display : first.claim().map(c -> ProgrammingChoices.of(c.family()).defaultDisplaySeconds())
                        .orElse(30);
                BatchJournal journal = BatchJournal.openOrCreate(file, plan.header(displaySeconds, profile));
                BatchProgrammer batch = new BatchProgrammer(new TokenProgrammer(Clock.systemUTC(), TokenProgrammer.defaultMaxSkew(), audit,
                        inventory), plan, journal, audit, inventory);
                context.err().println("batch '" + batchName + "' (" + journal.file() + "): " + describe(batch.status()));
                while (!batch.status().complete()) {
                    Optional<Device> token = waitFor(devices, true);
                    if (token.isEmpty()) {
                        context.err().println("no token came within " + nextWait + " s; continue with: tokenbench batch resume --name "
                                + batchName + " …");
                        break;
                    }
                    try (DeviceSession session = DeviceAccess.open(context, devices, token.get().id(), Duration.ofSeconds(10), false)) {
                        BatchProgrammer.Outcome outcome = batch.program(session, ProgrammingChoices.of(session.family()), context.interaction(),
                                context.progress());
                        context.out().println(outcome.serial() + " " + outcome.entry().map(e -> e.state().name()).orElse("REFUSED"));
                        outcome.failure().ifPresent(f -> context.err().println(context.explain(f)));
                    } catch (TokenException e) {
                        // Opening failed (token pulled while identified): nothing was recorded, nothing written.
                        context.err().println(context.explain(e));
                    }
                    context.err().println("take the token off " + reader + "; " + describe(batch.status()));
                    waitFor(devices, false);
                }
                if (report != null) {
                    batch.writeReport(report);
                    context.err().println("report written to " + report);
                }
                BatchProgrammer.Status status = batch.status();
                context.err().println(describe(status));
                return status.complete() ? ExitCode.OK : ExitCode.NEGATIVE;
            }
        }

        /** Waits until a claimed token is on the reader ({@code present}) or the reader is empty again. */
        private Optional<Device> waitFor(DeviceService devices, boolean present) throws TokenException {
            long deadline = System.nanoTime() + Duration.ofSeconds(present ? nextWait : 3600).toNanos();
            while (System.nanoTime() < deadline) {
                devices.refresh();
                Device device = devices.find(reader);
                if (present && device.state() == Device.State.CLAIMED) {
                    return Optional.of(device);
                }
                if (!present && device.state() == Device.State.EMPTY) {
                    return Optional.empty();
                }
                try {
                    Thread.sleep(250);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return Optional.empty();
                }
            }
            return Optional.empty();
        }
    }

    static String defaultName(BatchPlan plan) {
        String base = Path.of(plan.source().replace("standard input", "stdin")).getFileName().toString().replaceAll("[^A-Za-z0-9._-]", "_")
                .replace("..", "_").replaceFirst("^[^A-Za-z0-9]+", "");
        base = base.isEmpty() ? "batch" : base.substring(0, Math.min(base.length(), 80));
        return base + "-" + plan.fingerprint().substring(0, 8);
    }

    static String describe(BatchProgrammer.Status status) {
        StringBuilder text = new StringBuilder();
        status.counts().forEach((state, n) -> {
            if (n > 0) {
                text.append(n).append(' ').append(state.name().toLowerCase(Locale.ROOT)).append(", ");
            }
        });
        text.append(status.pending().size()).append(" not confirmed yet").append(status.complete() ? "; complete" : "");
        return text.toString();
    }

    @Command(name = "resume", description = "Continue a stopped batch (after a crash, a pulled card, a closed terminal) with the same "
            + "seed source and --name; tokens already confirmed are not written again, interrupted ones are confirmed by their code or "
            + "written again after a yes.")
    static final class Resume extends Program {
        Resume(CommandContext context) {
            super(context);
        }

        @Override
        boolean mustExist() {
            return true;
        }

        @Override
        public Integer call() throws UsageException, TokenException {
            if (name == null) {
                throw new UsageException("resume needs the batch's --name (tokenbench batch status lists them)");
            }
            return super.call();
        }
    }

    @Command(name = "status", description = "The batches (without NAME) or one batch's tokens: 'serial STATE' per line.")
    static final class Status implements Callable<Integer> {
        private final CommandContext context;
        @Parameters(arity = "0..1", paramLabel = "NAME", description = "A batch's name.")
        private String name;
        @Option(names = "--json", description = "Print {name, source, mode, tokens, counts, entries: [{serial, state, attempts, time, code, detail}]}.")
        private boolean json;

        Status(CommandContext context) {
            this.context = context;
        }

        @Override
        public Integer call() throws TokenException, UsageException {
            if (name == null) {
                Path directory = BatchJournal.directory(TokenBenchHome.directory());
                try (var files = Files.exists(directory) ? Files.list(directory) : java.util.stream.Stream.<Path>empty()) {
                    files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".journal")).sorted()
                            .forEach(n -> context.out().println(n.substring(0, n.length() - ".journal".length())));
                } catch (java.io.IOException e) {
                    throw new TokenException(BatchCodes.JOURNAL_UNREADABLE, directory + ": " + e.getMessage(), e);
                }
                return ExitCode.OK;
            }
            BatchJournal journal = existingJournal(name);
            long confirmed = journal.entries().stream().filter(e -> e.state() == BatchJournal.State.CONFIRMED).count();
            if (json) {
                List<Json> entries = new ArrayList<>();
                for (BatchJournal.Entry e : journal.entries()) {
                    entries.add(new Json().field("serial", e.serial()).field("state", e.state().name()).field("attempts", e.attempts())
                            .field("time", e.time().toString()).field("code", e.code().map(Object::toString).orElse(null)).field("detail", e.detail()));
                }
                context.out().println(new Json().field("name", name).field("source", journal.header().source()).field("mode", journal.header().mode())
                        .field("tokens", journal.header().tokens()).field("confirmed", confirmed).field("entries", entries));
            } else {
                journal.entries().forEach(e -> context.out().println(e.serial() + " " + e.state()));
                context.err().println(confirmed + " of " + journal.header().tokens() + " tokens confirmed (" + journal.header().source() + ")");
            }
            return confirmed >= journal.header().tokens() ? ExitCode.OK : ExitCode.NEGATIVE;
        }
    }

    @Command(name = "report", description = "The batch report CSV (serial,state,attempts,time,code,detail) from its journal.")
    static final class Report implements Callable<Integer> {
        private final CommandContext context;
        @Parameters(paramLabel = "NAME", description = "The batch's name.")
        private String name;
        @Option(names = "--out", paramLabel = "OUT", description = "Write it here (mode 0600); - or absent: standard output.")
        private String out = "-";

        Report(CommandContext context) {
            this.context = context;
        }

        @Override
        public Integer call() throws TokenException, UsageException {
            String csv = BatchProgrammer.report(existingJournal(name), List.of());
            String where = Outputs.write(out, csv.getBytes(java.nio.charset.StandardCharsets.UTF_8), context);
            if (!out.equals("-")) {
                context.err().println("report written to " + where);
            }
            return ExitCode.OK;
        }
    }

    @Command(name = "export", description = "After a batch: the seeds of the tokens it confirmed, for an identity provider (encrypted "
            + "PSKC, Entra ID or privacyIDEA CSV), written mode 0600 and recorded in the audit log. Needs the batch's seed source.")
    static final class Export implements Callable<Integer> {
        private final CommandContext context;
        @Option(names = "--name", required = true, paramLabel = "NAME", description = "The batch's name.")
        private String name;
        @Mixin
        private Source source;
        @Mixin
        private SeedsCommand.ExportOptions export;

        Export(CommandContext context) {
            this.context = context;
        }

        @Override
        public Integer call() throws UsageException, TokenException {
            BatchJournal recorded = existingJournal(name);
            try (BatchPlan plan = source.plan(context)) {
                if (!plan.fingerprint().equals(recorded.header().fingerprint())) {
                    throw new TokenException(BatchCodes.OTHER_SOURCE, "batch '" + name + "' was programmed from another seed source ("
                            + recorded.header().source() + ")");
                }
                BatchProgrammer batch = new BatchProgrammer(new TokenProgrammer(Clock.systemUTC(), TokenProgrammer.defaultMaxSkew()), plan,
                        recorded, AuditLog.NONE, Optional.empty());
                List<SeedEntry> confirmed = batch.confirmedSeeds();
                try {
                    export.write(confirmed, context);
                } finally {
                    confirmed.forEach(SeedEntry::close);
                }
                return ExitCode.OK;
            }
        }
    }

    @Component(service = CommandProvider.class)
    public static final class Provider implements CommandProvider {
        @Override
        public Object command(CommandContext context) {
            return new BatchCommand();
        }
    }
}
