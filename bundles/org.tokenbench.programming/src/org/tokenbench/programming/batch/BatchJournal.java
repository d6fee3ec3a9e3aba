package org.tokenbench.programming.batch;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
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
import java.util.zip.CRC32;

import org.tokenbench.core.ErrorCode;
import org.tokenbench.core.PrivateFiles;
import org.tokenbench.core.TokenException;

/**
 * The batch's memory, and the only source of truth for "never program a serial twice by accident": a small text file
 * under {@code $TOKENBENCH_HOME/batches}, mode 0600. Each change of a token's state is one line appended in a single
 * write, with a CRC-32 of its content, so a record is all there or not at all: a line torn by a crash mid-write is the
 * last one and fails its check, and is ignored (the token's previous state stands); a damaged line elsewhere makes
 * the journal unreadable rather than guessed at. A token is marked {@link State#BURNING} — appended and forced to disk
 * — <em>before</em> the first write to it. Appending instead of rewriting the file keeps that to one small synchronous
 * write per token, and the lines are also the token's history. The journal names the seed source and its SHA-256
 * fingerprint, serials, states, times and error codes; never a seed.
 */
public final class BatchJournal implements AutoCloseable {

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
     * @param attempts how many times this token was marked for writing (checked, and burned unless a check refused it)
     * @param detail   the last failure's message or the confirmation's step offset; never a secret
     */
    public record Entry(String serial, State state, Instant time, int attempts, Optional<ErrorCode> code, String detail) {
    }

    /** What the batch programs: its seed source, fingerprinted so that a resume with another file is refused. */
    public record Header(String source, String fingerprint, String mode, int tokens, int displaySeconds, int profile) {
    }

    private static final String MAGIC = "# TokenBench batch journal v1 (no seeds: serials, states, times, error codes; one checksummed line per change)";

    /** A line per state change of each token: even 10,000 tokens with many retries stay far below this. */
    private static final long MAX_JOURNAL_BYTES = 64L << 20;

    private final Path file;
    private final Header header;
    private final Map<String, Entry> entries;
    /** Where a record torn by a crash begins (it is cut off before the next append), or -1. */
    private long tornTail = -1;
    /** Held by the one process (and engine) programming this batch; read-only openers do not take it. */
    private FileChannel lockChannel;
    private java.nio.channels.FileLock lock;

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
        BatchJournal journal = openOrCreateUnlocked(file, header);
        journal.lockForProgramming();
        return journal;
    }

    /**
     * Only one engine may program a batch at a time: two stations (or windows) working from their own copy of the
     * journal would each burn a token the other left interrupted, and a crash recovery on one could cut off the other's
     * BURNING mark. The lock is a sibling file's OS lock, released by {@link #close()} or when the process ends.
     */
    private void lockForProgramming() throws TokenException {
        Path lockFile = file.resolveSibling(file.getFileName() + ".lock");
        try {
            lockChannel = FileChannel.open(lockFile, java.util.Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE),
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            lock = lockChannel.tryLock();
        } catch (java.nio.channels.OverlappingFileLockException e) {
            lock = null;
        } catch (IOException e) {
            throw unwritable(e);
        }
        if (lock == null) {
            close();
            throw new TokenException(BatchCodes.JOURNAL_IN_USE, "the batch " + file.getFileName() + " is being programmed by another "
                    + "TokenBench (another station, window or command); finish or close that one first");
        }
    }

    /** Releases the programming lock; the journal can still be read. */
    @Override
    public void close() {
        try {
            if (lock != null) {
                lock.release();
            }
            if (lockChannel != null) {
                lockChannel.close();
            }
        } catch (IOException e) {
            // the process ends soon, and the OS drops the lock with it
        }
        lock = null;
        lockChannel = null;
    }

    private static BatchJournal openOrCreateUnlocked(Path file, Header header) throws TokenException {
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
        created.create();
        return created;
    }

    private static String describe(Header header) {
        return header.mode() + ", " + header.tokens() + " tokens, display " + header.displaySeconds() + " s, profile " + header.profile();
    }

    /** Reads a journal; empty when there is none. */
    public static Optional<BatchJournal> open(Path file) throws TokenException {
        String text;
        try {
            if (Files.exists(file, java.nio.file.LinkOption.NOFOLLOW_LINKS) && !Files.isRegularFile(file, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                throw new TokenException(BatchCodes.JOURNAL_UNREADABLE, file + ": not a regular file (a link, pipe or device); not read");
            }
            if (Files.size(file) > MAX_JOURNAL_BYTES) {
                throw new TokenException(BatchCodes.JOURNAL_UNREADABLE, file + ": larger than any batch journal (" + (MAX_JOURNAL_BYTES >> 20)
                        + " MB); not read");
            }
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new TokenException(BatchCodes.JOURNAL_UNREADABLE, file + ": cannot be read (" + e.getMessage() + ")", e);
        }
        List<String> lines = List.of(text.split("\n", -1));
        // The text after the last newline is empty, or a record torn by a crash: dropped before the next append.
        long tornTail = lines.get(lines.size() - 1).isEmpty() ? -1 : text.substring(0, text.lastIndexOf('\n') + 1)
                .getBytes(StandardCharsets.UTF_8).length;
        lines = lines.subList(0, lines.size() - 1);
        try {
            if (lines.isEmpty() || !lines.get(0).equals(MAGIC)) {
                throw new IllegalArgumentException("it does not start with the journal header");
            }
            Map<String, String> fields = new LinkedHashMap<>();
            Map<String, Entry> entries = new LinkedHashMap<>();
            for (int i = 1; i < lines.size(); i++) {
                String line = lines.get(i);
                if (line.startsWith("token\t")) {
                    Optional<Entry> entry = checked(line);
                    if (entry.isEmpty()) {
                        throw new IllegalArgumentException("line " + (i + 1) + " fails its checksum");
                    }
                    entries.put(entry.get().serial(), entry.get());
                } else if (!line.isBlank()) {
                    int eq = line.indexOf('=');
                    fields.put(line.substring(0, eq), line.substring(eq + 1));
                }
            }
            Header header = new Header(fields.get("source"), fields.get("fingerprint"), fields.get("mode"),
                    Integer.parseInt(fields.get("tokens")), Integer.parseInt(fields.get("display")), Integer.parseInt(fields.get("profile")));
            BatchJournal journal = new BatchJournal(file, header, entries);
            journal.tornTail = tornTail;
            return Optional.of(journal);
        } catch (RuntimeException e) {
            throw new TokenException(BatchCodes.JOURNAL_UNREADABLE, file + ": not a batch journal, or damaged (" + e.getMessage()
                    + "); it is left as it is", e);
        }
    }

    /** The entry of a record line whose checksum matches, empty when it does not. */
    private static Optional<Entry> checked(String line) {
        int last = line.lastIndexOf('\t');
        if (last < 0 || !line.substring(last + 1).equals(crc(line.substring(0, last)))) {
            return Optional.empty();
        }
        return Optional.of(parseEntry(line.substring(0, last)));
    }

    private static String crc(String content) {
        CRC32 crc = new CRC32();
        crc.update(content.getBytes(StandardCharsets.UTF_8));
        return String.format("%08x", crc.getValue());
    }

    private static Entry parseEntry(String line) {
        String[] f = line.split("\t", -1);
        Optional<ErrorCode> code = f[5].isEmpty() ? Optional.empty()
                : Optional.of(ErrorCode.parse(f[5]).orElseThrow(() -> new IllegalArgumentException("bad error code " + f[5])));
        try {
            return new Entry(f[1], State.valueOf(f[2]), Instant.parse(f[3]), Integer.parseInt(f[4]), code, f[6]);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("bad time " + f[3], e);
        }
    }

    public Path file() {
        return file;
    }

    public Header header() {
        return header;
    }

    public synchronized Optional<Entry> entry(String serial) {
        return Optional.ofNullable(entries.get(oneLine(serial)));
    }

    /** Every token presented so far, in the order first presented. */
    public synchronized List<Entry> entries() {
        return Collections.unmodifiableList(new ArrayList<>(entries.values()));
    }

    /** Records a token's new state, on disk before this returns. */
    public synchronized Entry record(String rawSerial, State state, Optional<ErrorCode> code, String detail) throws TokenException {
        // The serial as it is written on disk: a TAB or newline from a device must not make it another token after a resume.
        String serial = oneLine(rawSerial);
        Entry before = entries.get(serial);
        int attempts = (before == null ? 0 : before.attempts()) + (state == State.BURNING ? 1 : 0);
        Entry entry = new Entry(serial, state, Instant.now(), attempts, code, oneLine(detail));
        entries.put(serial, entry);
        try {
            append(entry, state == State.BURNING);
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

    /** The new journal: magic line and header, forced to disk, created readable by the owner only. */
    private void create() throws TokenException {
        StringBuilder out = new StringBuilder(MAGIC).append('\n');
        out.append("source=").append(oneLine(header.source())).append('\n');
        out.append("fingerprint=").append(header.fingerprint()).append('\n');
        out.append("mode=").append(header.mode()).append('\n');
        out.append("tokens=").append(header.tokens()).append('\n');
        out.append("display=").append(header.displaySeconds()).append('\n');
        out.append("profile=").append(header.profile()).append('\n');
        try {
            PrivateFiles.privateDirectory(file.getParent());
            try {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException e) {
                Files.createFile(file);
            }
        } catch (IOException e) {
            throw unwritable(e);
        }
        write(out.toString(), true);
    }

    /** One record line, in one write; forced to disk when {@code durable}. */
    private void append(Entry e, boolean durable) throws TokenException {
        String content = "token\t" + oneLine(e.serial()) + '\t' + e.state() + '\t' + e.time() + '\t' + e.attempts() + '\t'
                + e.code().map(ErrorCode::toString).orElse("") + '\t' + e.detail();
        write(content + '\t' + crc(content) + '\n', durable);
    }

    private void write(String text, boolean durable) throws TokenException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            if (tornTail >= 0) {
                channel.truncate(tornTail);
                tornTail = -1;
            }
            channel.position(channel.size());
            ByteBuffer bytes = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
            while (bytes.hasRemaining()) {
                channel.write(bytes);
            }
            if (durable) {
                channel.force(false);
            }
        } catch (IOException e) {
            throw unwritable(e);
        }
    }

    private TokenException unwritable(IOException e) {
        return new TokenException(BatchCodes.JOURNAL_UNWRITABLE, file + ": the batch journal cannot be written (" + e.getMessage()
                + "); nothing more is programmed until it can", e);
    }
}
