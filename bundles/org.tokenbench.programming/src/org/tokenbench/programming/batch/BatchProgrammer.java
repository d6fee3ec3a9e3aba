package org.tokenbench.programming.batch;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import org.tokenbench.core.ErrorCode;
import org.tokenbench.core.PrivateFiles;
import org.tokenbench.core.Secret;
import org.tokenbench.core.ProgressMonitor;
import org.tokenbench.core.TokenException;
import org.tokenbench.core.driver.DeviceIdentity;
import org.tokenbench.core.driver.Interaction;
import org.tokenbench.core.driver.TokenSession;
import org.tokenbench.core.fleet.AuditEvent;
import org.tokenbench.core.fleet.AuditLog;
import org.tokenbench.core.fleet.DeviceInventory;
import org.tokenbench.otp.OtpAccount;
import org.tokenbench.programming.ProgrammingChoices;
import org.tokenbench.programming.TokenProgrammer;
import org.tokenbench.programming.batch.BatchJournal.Entry;
import org.tokenbench.programming.batch.BatchJournal.State;
import org.tokenbench.seedfiles.Csv;
import org.tokenbench.seedfiles.SeedEntry;

/**
 * Programs the tokens of a batch as the engineer presents them, one by one: each is matched by its serial (a token the
 * batch has no seed for is refused), checked against the journal (a serial that may already hold its seed is written
 * again only after a yes, and an interrupted one is first offered confirmation by its displayed code), programmed,
 * confirmed and recorded. Every presented token gets a result; only a journal that cannot be written stops the batch.
 */
public final class BatchProgrammer {

    /**
     * @param entry   the token's journal entry after this presentation; empty when it was refused before anything
     * @param failure why it is not confirmed, or why it was refused
     */
    public record Outcome(String serial, Optional<Entry> entry, Optional<TokenException> failure) {
        public boolean confirmed() {
            return entry.map(e -> e.state() == State.CONFIRMED).orElse(false);
        }
    }

    /** Where a batch stands. */
    public record Status(Map<State, Integer> counts, List<String> pending, boolean complete) {
    }

    /** tokenbench codes that mean the burn never began (TokenProgrammer refuses these before writing). */
    private static final List<ErrorCode> NOTHING_WRITTEN = List.of(code(TokenProgrammer.CLOCK_SKEW_TOO_LARGE),
            code(TokenProgrammer.NOT_PROGRAMMABLE), code(TokenProgrammer.SETTINGS_UNSUPPORTED), code(TokenProgrammer.CANCELED));

    private final TokenProgrammer programmer;
    private final BatchPlan plan;
    private final BatchJournal journal;
    private final AuditLog audit;
    private final Optional<DeviceInventory> inventory;

    /** {@code programmer} should record into the same {@code audit} log and inventory. */
    public BatchProgrammer(TokenProgrammer programmer, BatchPlan plan, BatchJournal journal, AuditLog audit,
            Optional<DeviceInventory> inventory) {
        this.programmer = programmer;
        this.plan = plan;
        this.journal = journal;
        this.audit = audit;
        this.inventory = inventory;
    }

    public BatchJournal journal() {
        return journal;
    }

    /**
     * The token in {@code session}, programmed with its seed and confirmed, or refused.
     *
     * @throws TokenException only when the journal cannot be written (then nothing more may be programmed)
     */
    public Outcome program(TokenSession session, ProgrammingChoices choices, Interaction interaction, ProgressMonitor monitor)
            throws TokenException {
        DeviceIdentity token = session.identity();
        String serial = token.serial();
        Optional<OtpAccount> found = plan.accountFor(serial);
        if (found.isEmpty()) {
            return refused(token, BatchCodes.NOT_IN_BATCH, "token " + serial + " is not in this batch (" + plan.source() + "); nothing was written");
        }
        OtpAccount account = found.get();
        Optional<Entry> before = journal.entry(serial);
        if (plan.isOneKey() && before.isEmpty() && started() >= plan.tokens()) {
            return refused(token, BatchCodes.BATCH_COMPLETE, "the batch's " + plan.tokens() + " tokens are done; token " + serial + " was not written");
        }
        if (before.isPresent() && before.get().state().mayHoldSeed()) {
            if (before.get().state() != State.CONFIRMED) {
                Optional<Outcome> confirmed = confirmWithoutWriting(session, account, before.get(), interaction);
                if (confirmed.isPresent()) {
                    return confirmed.get();
                }
            }
            if (!interaction.confirm("Token " + serial + " was already " + describe(before.get()) + " in this batch. Write its seed again?")) {
                return refused(token, BatchCodes.ALREADY_PROGRAMMED, "token " + serial + " was already " + describe(before.get())
                        + "; not written again without a yes");
            }
        } else if (before.isEmpty() && programmedBefore(token)) {
            if (!interaction.confirm("The inventory lists token " + serial + " as programmed already. Program it for this batch?")) {
                return refused(token, BatchCodes.ALREADY_PROGRAMMED, "the inventory lists token " + serial
                        + " as programmed already; not written without a yes");
            }
        }
        return burn(session, choices, account, before, interaction, monitor);
    }

    /**
     * The state to record when nothing was written this time: FAILED, unless an earlier attempt may have left the seed on
     * the token (then that state stays, so the serial is still not written again without a question, and a confirmed
     * token stays in the exports).
     */
    private static State nothingWrittenNow(Optional<Entry> before) {
        return before.map(Entry::state).filter(State::mayHoldSeed).orElse(State.FAILED);
    }

    private Outcome burn(TokenSession session, ProgrammingChoices choices, OtpAccount account, Optional<Entry> before,
            Interaction interaction, ProgressMonitor monitor) throws TokenException {
        String serial = session.identity().serial();
        BatchJournal.Header header = journal.header();
        // The BURNING mark must be on disk before the first write: a crash from then on leaves it, and the serial is not
        // written again by accident. It is forced to disk while the token's clock and settings are checked; the burn
        // waits for it, the token does not.
        CompletableFuture<Entry> mark = CompletableFuture.supplyAsync(() -> {
            try {
                return journal.record(serial, State.BURNING, Optional.empty(), "");
            } catch (TokenException e) {
                throw new CompletionException(e);
            }
        });
        TokenProgrammer.Prepared prepared;
        try {
            prepared = programmer.prepare(session, choices, account, header.displaySeconds(), header.profile(), false, interaction);
            if (monitor.isCanceled()) {
                throw new TokenException(code(TokenProgrammer.CANCELED), "canceled before token " + serial + " was written");
            }
        } catch (TokenException e) {
            await(mark);
            return new Outcome(serial, Optional.of(journal.record(serial, nothingWrittenNow(before), Optional.of(e.code()), e.getMessage())),
                    Optional.of(e));
        }
        await(mark);
        try {
            prepared.burn(monitor);
        } catch (TokenException e) {
            State state = NOTHING_WRITTEN.contains(e.code()) ? nothingWrittenNow(before) : State.INTERRUPTED;
            return new Outcome(serial, Optional.of(journal.record(serial, state, Optional.of(e.code()), e.getMessage())), Optional.of(e));
        }
        // Still BURNING on disk until the confirmation is known: a crash now is resumed by asking for the token's code.
        try {
            TokenProgrammer.Result result = prepared.confirm(interaction);
            return new Outcome(serial, Optional.of(journal.record(serial, State.CONFIRMED, Optional.empty(),
                    "step offset " + result.confirmedOffset())), Optional.empty());
        } catch (TokenException e) {
            return new Outcome(serial, Optional.of(journal.record(serial, State.PROGRAMMED, Optional.of(e.code()), e.getMessage())),
                    Optional.of(e));
        }
    }

    /** Waits for the BURNING mark; a journal that could not be written stops the batch before anything is written. */
    private static void await(CompletableFuture<Entry> mark) throws TokenException {
        try {
            mark.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof TokenException unwritable) {
                throw unwritable;
            }
            throw e;
        }
    }

    /** A token whose burn may have taken: if the code it shows matches, it is confirmed without a second write. */
    private Optional<Outcome> confirmWithoutWriting(TokenSession session, OtpAccount account, Entry before, Interaction interaction)
            throws TokenException {
        String serial = session.identity().serial();
        interaction.inform("Token " + serial + " was " + describe(before) + ": if it shows a code, it may already hold its seed.");
        try {
            TokenProgrammer.Result result = programmer.confirm(session, account, Duration.ZERO, interaction);
            return Optional.of(new Outcome(serial, Optional.of(journal.record(serial, State.CONFIRMED, Optional.empty(),
                    "confirmed without writing again, step offset " + result.confirmedOffset())), Optional.empty()));
        } catch (TokenException notConfirmed) {
            return Optional.empty();
        }
    }

    private boolean programmedBefore(DeviceIdentity token) throws TokenException {
        if (inventory.isEmpty()) {
            return false;
        }
        return inventory.get().find(token.family(), token.serial()).map(e -> e.state() == DeviceInventory.State.PROGRAMMED
                || e.state() == DeviceInventory.State.CONFIRMED).orElse(false);
    }

    private static String describe(Entry entry) {
        String when = " (" + entry.time() + ")";
        return switch (entry.state()) {
            case CONFIRMED -> "programmed and confirmed" + when;
            case PROGRAMMED -> "programmed but not confirmed" + when;
            case BURNING -> "being written when the program stopped" + when;
            case INTERRUPTED -> "interrupted while being written" + when;
            case FAILED -> "refused before writing" + when;
        };
    }

    private Outcome refused(DeviceIdentity token, ErrorCode code, String message) throws TokenException {
        TokenException refusal = new TokenException(code, message);
        try {
            audit.record(new AuditEvent(AuditEvent.PROGRAM, token.family(), token.serial(), AuditEvent.Outcome.REFUSED, Optional.of(code),
                    "batch " + plan.source()));
        } catch (TokenException e) {
            refusal.addSuppressed(e);
        }
        return new Outcome(token.serial(), journal.entry(token.serial()), Optional.of(refusal));
    }

    /** Tokens presented whose burn began or may have (all but those refused before writing). */
    private int started() {
        return (int) journal.entries().stream().filter(e -> e.state() != State.FAILED).count();
    }

    public Status status() {
        Map<State, Integer> counts = new EnumMap<>(State.class);
        for (State s : State.values()) {
            counts.put(s, 0);
        }
        journal.entries().forEach(e -> counts.merge(e.state(), 1, Integer::sum));
        List<String> pending = new ArrayList<>();
        for (String serial : plan.serials()) {
            if (journal.entry(serial).map(e -> e.state() != State.CONFIRMED).orElse(true)) {
                pending.add(serial);
            }
        }
        boolean complete = plan.isOneKey() ? counts.get(State.CONFIRMED) >= plan.tokens() : pending.isEmpty();
        return new Status(counts, pending, complete);
    }

    /**
     * The batch report: one line per token ({@code serial,state,attempts,time,code,detail}; tokens never presented are
     * {@code PENDING}), written readable by the owner only.
     */
    public void writeReport(Path out) throws TokenException {
        PrivateFiles.write(out, report().getBytes(StandardCharsets.UTF_8));
    }

    public String report() {
        return report(journal, plan.serials());
    }

    /** The report from the journal alone; {@code expected} serials never presented are listed as PENDING. */
    public static String report(BatchJournal journal, List<String> expected) {
        StringBuilder csv = new StringBuilder("serial,state,attempts,time,code,detail\n");
        for (Entry e : journal.entries()) {
            csv.append(Csv.field(e.serial())).append(',').append(e.state()).append(',').append(e.attempts()).append(',').append(e.time())
                    .append(',').append(e.code().map(ErrorCode::toString).orElse("")).append(',').append(Csv.field(e.detail())).append('\n');
        }
        for (String serial : expected) {
            if (journal.entry(serial).isEmpty()) {
                csv.append(Csv.field(serial)).append(",PENDING,0,,,\n");
            }
        }
        return csv.toString();
    }

    /**
     * The seeds of the tokens this batch confirmed, for an identity provider ({@code SeedExport}): a per-token batch
     * gives the file's entries, one key on N tokens gives that key under each confirmed serial. The caller closes them.
     */
    public List<SeedEntry> confirmedSeeds() {
        List<SeedEntry> seeds = new ArrayList<>();
        for (Entry e : journal.entries()) {
            if (e.state() != State.CONFIRMED) {
                continue;
            }
            OtpAccount account = plan.accountFor(e.serial()).orElseThrow();
            Optional<SeedEntry> fromFile = plan.entryFor(e.serial());
            seeds.add(new SeedEntry(e.serial(), fromFile.map(SeedEntry::manufacturer).orElse(""), fromFile.map(SeedEntry::model).orElse(""),
                    account.secret().apply(bytes -> new OtpAccount(account.params(), Secret.copyOf(bytes, 0, bytes.length), List.of()))));
        }
        return seeds;
    }

    private static ErrorCode code(long value) {
        return ErrorCode.of(ErrorCode.TOKENBENCH, value);
    }
}
