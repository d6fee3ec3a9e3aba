package org.tokenbench.programming.batch;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.tokenbench.core.ErrorCode;
import org.tokenbench.core.TokenException;

/**
 * The batch's memory, and the only source of truth for "never program a serial twice by accident": a small text file
 * (under {@code $TOKENBENCH_HOME/batches}, mode 0600) rewritten atomically — a new file fsynced, then renamed over the
 * old — each time a token changes state, so a crash, a pulled card or a closed program leaves either the old or the new
 * journal, never half of one. A token is marked {@link State#BURNING} <em>before</em> the first write to it. It names
 * the seed source and its SHA-256 fingerprint, serials, states, times and error codes; never a seed.
 */
public final class BatchJournal {

    /** Where a token is; a token not in the journal has not been presented yet. */
    public enum State {
        /** The burn began and its end was never recorded (the program stopped): the token may hold the seed. */
        BURNING,
        /** The burn failed part-way (card pulled, reader error): the token may hold the seed. */
        INTERRUPTED,
        /** The seed was written, the code the token shows was not confirmed. */
        PROGRAMMED,
        /** Written and confirmed by the code the token shows: done. */
        CONFIRMED,
        /** Refused before anything was written (clock, settings, cancel): safe to try again. */
        FAILED;

        /** Whether the token may hold this batch's seed, so writing it again needs the user's yes. */
        public boolean mayHoldSeed() {
            return this != FAILED;
        }
    }

    /**
     * @param attempts how many times a burn of this token began
     * @param detail   the last failure's message or the confirmation's step offset; never a secret
     */
    public record Entry(String serial, State state, Instant time, int attempts, Optional<ErrorCode> code, String detail) {
    }

    /** What the batch programs: its seed source, fingerprinted so that a resume with another file is refused. */
    public record Header(String source, String fingerprint, String mode, int tokens, int displaySeconds, int profile) {
    }

    private static final String MAGIC = "# TokenBench batch journal v1 (no seeds: serials, states, times, error codes)";

    private final Path file;
    private final Header header;
    private final Map<String, Entry> entries;

    private BatchJournal(Path file, Header header, Map<String, Entry> entries) {
        this.file = file;
        this.header = header;
        this.entries = entries;
    }

    /** Where TokenBench keeps batch journals. */
    public static Path directory(Path tokenBenchHome) {
        return tokenBenchHome.resolve("batches");
    }

    /**
     * Opens the journal at {@code file}, creating it for {@code header} when it does not exist. An existing journal must
     * be for the same source (fingerprint) and settings; otherwise resuming it would program the wrong seeds.
     */
    public static BatchJournal openOrCreate(Path file, Header header) throws TokenException {
        Optional<BatchJournal> existing = open(file);
        if (existing.isPresent()) {
            Header recorded = existing.get().header();
            if (!recorded.fingerprint().equals(header.fingerprint())) {
                throw new TokenException(BatchCodes.OTHER_SOURCE, "the batch journal " + file.getFileName() + " was started with another seed "
                        + "source (" + recorded.source() + "); resume it with that file, or start a new batch");
            }
            if (recorded.displaySeconds() != header.displaySeconds() || recorded.profile() != header.profile()
                    || recorded.tokens() != header.tokens() || !recorded.mode().equals(header.mode())) {
                throw new TokenException(BatchCodes.OTHER_SOURCE, "the batch journal " + file.getFileName() + " was started with other "
                        + "settings (" + describe(recorded) + "); resume it with those");
            }
            return existing.get();
        }
        BatchJournal created = new BatchJournal(file, header, new LinkedHashMap<>());
        created.save(true);
        return created;
    }

    private static String describe(Header header) {
        return header.mode() + ", " + header.tokens() + " tokens, display " + header.displaySeconds() + " s, profile " + header.profile();
    }

    /** Reads a journal; empty when there is none. */
    public static Optional<BatchJournal> open(Path file) throws TokenException {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new TokenException(BatchCodes.JOURNAL_UNREADABLE, file + ": cannot be read (" + e.getMessage() + ")", e);
        }
        try {
            if (lines.isEmpty() || !lines.get(0).equals(MAGIC)) {
                throw new IllegalArgumentException("it does not start with the journal header");
            }
            Map<String, String> fields = new LinkedHashMap<>();
            Map<String, Entry> entries = new LinkedHashMap<>();
            for (String line : lines.subList(1, lines.size())) {
                if (line.startsWith("token\t")) {
                    Entry entry = parseEntry(line);
                    entries.put(entry.serial(), entry);
                } else if (!line.isBlank()) {
                    int eq = line.indexOf('=');
                    fields.put(line.substring(0, eq), line.substring(eq + 1));
                }
            }
            Header header = new Header(fields.get("source"), fields.get("fingerprint"), fields.get("mode"),
                    Integer.parseInt(fields.get("tokens")), Integer.parseInt(fields.get("display")), Integer.parseInt(fields.get("profile")));
            return Optional.of(new BatchJournal(file, header, entries));
        } catch (RuntimeException e) {
            throw new TokenException(BatchCodes.JOURNAL_UNREADABLE, file + ": not a batch journal, or damaged (" + e.getMessage()
                    + "); it is left as it is", e);
        }
    }

    private static Entry parseEntry(String line) {
        String[] f = line.split("\t", -1);
        Optional<ErrorCode> code = f[5].isEmpty() ? Optional.empty() : Optional.of(parseCode(f[5]));
        try {
            return new Entry(f[1], State.valueOf(f[2]), Instant.parse(f[3]), Integer.parseInt(f[4]), code, f[6]);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("bad time " + f[3], e);
        }
    }

    private static ErrorCode parseCode(String text) {
        int colon = text.lastIndexOf(':');
        return ErrorCode.of(text.substring(0, colon), Long.parseLong(text.substring(colon + 3), 16));
    }

    public Path file() {
        return file;
    }

    public Header header() {
        return header;
    }

    public synchronized Optional<Entry> entry(String serial) {
        return Optional.ofNullable(entries.get(serial));
    }

    /** Every token presented so far, in the order first presented. */
    public synchronized List<Entry> entries() {
        return Collections.unmodifiableList(new ArrayList<>(entries.values()));
    }

    /** Records a token's new state, on disk before this returns. */
    public synchronized Entry record(String serial, State state, Optional<ErrorCode> code, String detail) throws TokenException {
        Entry before = entries.get(serial);
        int attempts = (before == null ? 0 : before.attempts()) + (state == State.BURNING ? 1 : 0);
        Entry entry = new Entry(serial, state, Instant.now(), attempts, code, oneLine(detail));
        entries.put(serial, entry);
        try {
            save(state == State.BURNING);
        } catch (TokenException e) {
            if (before == null) {
                entries.remove(serial);
            } else {
                entries.put(serial, before);
            }
            throw e;
        }
        return entry;
    }

    private static String oneLine(String text) {
        return text.replace('\t', ' ').replace('\n', ' ').replace('\r', ' ');
    }

    private void save(boolean durable) throws TokenException {
        StringBuilder out = new StringBuilder(MAGIC).append('\n');
        out.append("source=").append(oneLine(header.source())).append('\n');
        out.append("fingerprint=").append(header.fingerprint()).append('\n');
        out.append("mode=").append(header.mode()).append('\n');
        out.append("tokens=").append(header.tokens()).append('\n');
        out.append("display=").append(header.displaySeconds()).append('\n');
        out.append("profile=").append(header.profile()).append('\n');
        for (Entry e : entries.values()) {
            out.append("token\t").append(e.serial()).append('\t').append(e.state()).append('\t').append(e.time()).append('\t')
                    .append(e.attempts()).append('\t').append(e.code().map(ErrorCode::toString).orElse("")).append('\t').append(e.detail())
                    .append('\n');
        }
        // Only the mark before a burn must reach the disk before anything else happens: it is what a crash must not lose.
        // Any later state lost with the machine's power leaves that mark, and the next run asks for the token's code
        // (or a yes) instead of writing again, so the other states are not forced to disk one by one.
        writeAtomically(file, out.toString().getBytes(StandardCharsets.UTF_8), durable);
    }

    /**
     * New content in a private temporary file beside the target, then renamed over it (readers see the old or the new
     * journal, never a mix); {@code force}d to disk first when it must survive a power loss.
     */
    static void writeAtomically(Path target, byte[] content, boolean force) throws TokenException {
        Path temporary = target.resolveSibling(target.getFileName() + ".tmp");
        try {
            Files.createDirectories(target.getParent());
            Files.deleteIfExists(temporary);
            try {
                Files.createFile(temporary, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException e) {
                Files.createFile(temporary);
            }
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                channel.write(java.nio.ByteBuffer.wrap(content));
                if (force) {
                    channel.force(false);
                }
            }
            try {
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new TokenException(BatchCodes.JOURNAL_UNWRITABLE, target + ": the batch journal cannot be written (" + e.getMessage()
                    + "); nothing more is programmed until it can", e);
        }
    }
}
