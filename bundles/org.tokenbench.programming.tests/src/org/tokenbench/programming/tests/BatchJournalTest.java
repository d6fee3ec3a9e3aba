package org.tokenbench.programming.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tokenbench.core.ErrorCode;
import org.tokenbench.core.TokenException;
import org.tokenbench.programming.batch.BatchCodes;
import org.tokenbench.programming.batch.BatchJournal;
import org.tokenbench.programming.batch.BatchJournal.State;

/** The journal file itself: private, read back as written, a torn last record ignored, a damaged one refused. */
class BatchJournalTest {

    @TempDir
    Path dir;

    private static final BatchJournal.Header HEADER = new BatchJournal.Header("box.csv", "ab".repeat(32), "per-token", 2, 30, 0);

    @Test
    void whatIsRecordedIsReadBackAndTheFileIsPrivate() throws Exception {
        Path file = dir.resolve("batches").resolve("b.journal");
        BatchJournal journal = BatchJournal.openOrCreate(file, HEADER);
        journal.record("TB1", State.BURNING, Optional.empty(), "");
        journal.record("TB1", State.INTERRUPTED, Optional.of(ErrorCode.of(ErrorCode.PCSC, 0x80100069L)), "removed\twhile\nwriting");
        journal.record("TB1", State.BURNING, Optional.empty(), "");
        journal.record("TB1", State.CONFIRMED, Optional.empty(), "step offset 0");
        journal.record("TB2", State.FAILED, Optional.of(ErrorCode.of(ErrorCode.TOKENBENCH, 3)), "clock");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));

        BatchJournal again = BatchJournal.open(file).orElseThrow();
        assertEquals(HEADER, again.header());
        assertEquals(List.of("TB1 CONFIRMED 2", "TB2 FAILED 0"), again.entries().stream().map(e -> e.serial() + " " + e.state() + " " + e.attempts()).toList());
        assertEquals(ErrorCode.of(ErrorCode.TOKENBENCH, 3), again.entry("TB2").orElseThrow().code().orElseThrow());
        assertTrue(Files.readAllLines(file).stream().anyMatch(l -> l.contains("removed while writing")), "one line per record");
    }

    @Test
    void aRecordTornByACrashIsIgnoredAndTheTokensPreviousStateStands() throws Exception {
        Path file = dir.resolve("torn.journal");
        BatchJournal journal = BatchJournal.openOrCreate(file, HEADER);
        journal.record("TB1", State.BURNING, Optional.empty(), "");
        String last = Files.readAllLines(file).get(Files.readAllLines(file).size() - 1);
        Files.writeString(file, last.replace("BURNING", "CONFIRMED").substring(0, last.length() - 5), StandardOpenOption.APPEND);
        BatchJournal resumed = BatchJournal.open(file).orElseThrow();
        assertEquals(State.BURNING, resumed.entry("TB1").orElseThrow().state());
        // The torn record is cut off when the resumed batch appends, so the journal stays readable.
        resumed.record("TB1", State.CONFIRMED, Optional.empty(), "confirmed without writing again");
        assertEquals(State.CONFIRMED, BatchJournal.open(file).orElseThrow().entry("TB1").orElseThrow().state());
        assertEquals(2, Files.readAllLines(file).stream().filter(l -> l.startsWith("token\t")).count());
    }

    @Test
    void aDamagedRecordBeforeTheLastMakesTheJournalUnreadableNotGuessed() throws Exception {
        Path file = dir.resolve("damaged.journal");
        BatchJournal journal = BatchJournal.openOrCreate(file, HEADER);
        journal.record("TB1", State.BURNING, Optional.empty(), "");
        journal.record("TB1", State.CONFIRMED, Optional.empty(), "");
        String text = Files.readString(file, StandardCharsets.UTF_8);
        Files.writeString(file, text.replaceFirst("BURNING", "FAILED"));
        TokenException e = assertThrows(TokenException.class, () -> BatchJournal.open(file));
        assertEquals(BatchCodes.JOURNAL_UNREADABLE, e.code());
        assertFalse(BatchJournal.open(dir.resolve("none.journal")).isPresent());
    }

    @Test
    void aJournalIsResumedOnlyWithItsOwnSourceAndSettings() throws Exception {
        Path file = dir.resolve("own.journal");
        BatchJournal.openOrCreate(file, HEADER);
        assertEquals(BatchCodes.OTHER_SOURCE, assertThrows(TokenException.class, () -> BatchJournal.openOrCreate(file,
                new BatchJournal.Header("box.csv", "cd".repeat(32), "per-token", 2, 30, 0))).code());
        assertEquals(BatchCodes.OTHER_SOURCE, assertThrows(TokenException.class, () -> BatchJournal.openOrCreate(file,
                new BatchJournal.Header("box.csv", "ab".repeat(32), "per-token", 2, 60, 0))).code());
    }
}
