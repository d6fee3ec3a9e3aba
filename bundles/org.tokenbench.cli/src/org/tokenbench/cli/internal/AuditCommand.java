package org.tokenbench.cli.internal;

import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.osgi.service.component.annotations.Component;
import org.tokenbench.cli.command.CommandContext;
import org.tokenbench.cli.command.CommandProvider;
import org.tokenbench.cli.command.ExitCode;
import org.tokenbench.core.ErrorCode;
import org.tokenbench.core.TokenException;
import org.tokenbench.core.fleet.AuditEntry;
import org.tokenbench.core.fleet.AuditEvent;
import org.tokenbench.core.fleet.AuditLog;
import org.tokenbench.fleet.AuditTrail;
import org.tokenbench.fleet.AuditVerification;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code tokenbench audit list|verify}: the hash-chained audit log the fleet bundle keeps. */
@Command(name = "audit", description = "List the audit log, or verify that no row of it was edited, deleted, inserted or moved.",
        subcommands = { AuditCommand.ListEntries.class, AuditCommand.Verify.class })
final class AuditCommand {

    static String line(AuditEntry entry) {
        AuditEvent event = entry.event();
        return String.join("\t", Long.toString(entry.sequence()), entry.time().truncatedTo(ChronoUnit.SECONDS).toString(), entry.user(),
                event.action(), event.family(), event.serial(), event.outcome().name().toLowerCase(Locale.ROOT),
                event.code().map(ErrorCode::toString).orElse(""), event.detail());
    }

    static Json toJson(AuditEntry entry) {
        AuditEvent event = entry.event();
        return new Json().field("sequence", entry.sequence()).field("time", entry.time().toString()).field("user", entry.user())
                .field("action", event.action()).field("family", event.family()).field("serial", event.serial())
                .field("outcome", event.outcome().name().toLowerCase(Locale.ROOT)).field("code", event.code().map(ErrorCode::toString).orElse(null))
                .field("detail", event.detail());
    }

    /** Records {@code event} when a fleet bundle provides the log; commands call it after the work it describes. */
    static void record(CommandContext context, AuditEvent event) throws TokenException {
        context.service(AuditLog.class).orElse(AuditLog.NONE).record(event);
    }

    /**
     * Records that the work failed with {@code failure}; a log that cannot be written then is told on stderr, not
     * thrown, so the user sees the original failure.
     */
    static void recordFailure(CommandContext context, String action, TokenException failure, String detail) {
        try {
            record(context, AuditEvent.failed(action, "", "", failure.code(), detail));
        } catch (TokenException e) {
            context.err().println("the audit log could not record the failure: " + e.getMessage());
        }
    }

    @Command(name = "list", description = "The newest entries, oldest first: sequence, time, user, action, family, serial, outcome, "
            + "error code, detail (tab-separated).")
    static final class ListEntries implements Callable<Integer> {
        private final CommandContext context;
        @Option(names = "--limit", paramLabel = "N", description = "How many of the newest entries (default 50).")
        private int limit = 50;
        @Option(names = "--serial", paramLabel = "SERIAL", description = "Only entries about this device serial.")
        private String serial;
        @Option(names = "--json", description = "One JSON object per entry: sequence, time, user, action, family, serial, outcome, code, detail.")
        private boolean json;

        ListEntries(CommandContext context) {
            this.context = context;
        }

        @Override
        public Integer call() throws TokenException {
            List<AuditEntry> newest = context.requireService(AuditLog.class).recent(serial == null ? Math.max(1, limit) : Integer.MAX_VALUE);
            List<AuditEntry> shown = newest.stream().filter(e -> serial == null || e.event().serial().equals(serial)).limit(Math.max(1, limit))
                    .toList().reversed();
            shown.forEach(entry -> context.out().println(json ? toJson(entry) : line(entry)));
            return ExitCode.OK;
        }
    }

    @Command(name = "verify", description = "Walk the hash chain: print intact, the row count and the head hash (note it to detect a "
            + "rewrite later), or the first row edited, deleted, inserted or moved (exit 1).")
    static final class Verify implements Callable<Integer> {
        private final CommandContext context;
        @Option(names = "--json", description = "Print {intact, checked, headSequence, headHash, break: {kind, sequence, description}}.")
        private boolean json;

        Verify(CommandContext context) {
            this.context = context;
        }

        @Override
        public Integer call() throws TokenException {
            AuditVerification result = context.requireService(AuditTrail.class).verify();
            if (json) {
                context.out().println(new Json().field("intact", result.intact()).field("checked", result.checked())
                        .field("headSequence", result.headSequence()).field("headHash", result.headHash())
                        .field("break", result.firstBreak().map(b -> new Json().field("kind", b.kind().name().toLowerCase(Locale.ROOT))
                                .field("sequence", b.sequence()).field("description", b.description())).orElse(null)));
            } else if (result.intact()) {
                context.out().println("intact");
                context.out().println("rows: " + result.checked());
                context.out().println("head: " + result.headSequence() + " " + result.headHash());
            } else {
                AuditVerification.Break found = result.firstBreak().get();
                context.out().println(found.kind().name().toLowerCase(Locale.ROOT) + "\t" + found.sequence());
                context.err().println("the audit log was changed: " + found.description());
            }
            return result.intact() ? ExitCode.OK : ExitCode.NEGATIVE;
        }
    }

    @Component(service = CommandProvider.class)
    public static final class Provider implements CommandProvider {
        @Override
        public Object command(CommandContext context) {
            return new AuditCommand();
        }
    }
}
