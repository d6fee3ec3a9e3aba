package org.tokenbench.ui.internal.model;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.eclipse.osgi.util.NLS;
import org.tokenbench.core.ErrorCode;
import org.tokenbench.core.Secret;
import org.tokenbench.core.TokenException;
import org.tokenbench.core.driver.Checklist;
import org.tokenbench.diagnostics.Diagnosis;

/**
 * A checklist run as a view shows it: the results as they come (any thread), the verdict once it ended, the text for a
 * selected step with its diagnosis, and the user's inputs (CA certificate, revocation lists, PIN) read from what was
 * typed. Plain Java: the Guomi Key view and the device editor's Checklist page render it.
 */
public final class ChecklistModel {

    /** tokenbench:0x0002: an input file cannot be read. */
    static final ErrorCode UNREADABLE_INPUT = ErrorCode.of(ErrorCode.TOKENBENCH, 2);

    /** Where a run is. */
    public enum Verdict {
        NOT_RUN, RUNNING, RED, PASSED_WITH_UNCHECKED_STEPS, VERIFIED, COULD_NOT_RUN, CANCELLED
    }

    private final List<Checklist.Result> results = new ArrayList<>();
    private Verdict verdict = Verdict.NOT_RUN;

    public synchronized void started() {
        results.clear();
        verdict = Verdict.RUNNING;
    }

    public synchronized void add(Checklist.Result result) {
        results.add(result);
    }

    /** The run ended (the results are complete). */
    public synchronized Verdict finished() {
        verdict = firstFailure().isPresent() ? Verdict.RED
                : Checklist.passedWithUncheckedSteps(results) ? Verdict.PASSED_WITH_UNCHECKED_STEPS : Verdict.VERIFIED;
        return verdict;
    }

    /** The user cancelled the run before it ended: the steps shown are incomplete, so no verdict on them. */
    public synchronized void cancelled() {
        verdict = Verdict.CANCELLED;
    }

    /** The checklist could not run at all (no library, no key, the device refused): no verdict on the steps. */
    public synchronized void couldNotRun() {
        verdict = Verdict.COULD_NOT_RUN;
    }

    public synchronized Verdict verdict() {
        return verdict;
    }

    public synchronized List<Checklist.Result> results() {
        return List.copyOf(results);
    }

    public synchronized Optional<Checklist.Result> firstFailure() {
        return results.stream().filter(r -> r.status() == Checklist.Status.FAILED).findFirst();
    }

    /** The results and the sentence for them, as one moment of the run (the Job may add a result between two calls). */
    public record Snapshot(List<Checklist.Result> results, String summary) {
    }

    /** What a view shows at once: a summary read apart from its results could say "red" over a half-filled table. */
    public synchronized Snapshot snapshot() {
        return new Snapshot(List.copyOf(results), summary());
    }

    /** The sentence for a finished run (the "could not run" reason is the caller's explanation). */
    public synchronized String summary() {
        return switch (verdict) {
            case NOT_RUN -> "";
            case RUNNING -> Messages.checklist_running;
            case RED -> Messages.checklist_red;
            case PASSED_WITH_UNCHECKED_STEPS -> Messages.checklist_unchecked;
            case VERIFIED -> Messages.checklist_verified;
            case COULD_NOT_RUN -> Messages.checklist_couldNotRun;
            case CANCELLED -> Messages.checklist_cancelled;
        };
    }

    /** A step's title, status, detail and, when the catalog knows its code, the diagnosis with what to do. */
    public static String details(Checklist.Result result, Function<ErrorCode, Optional<Diagnosis>> explain) {
        StringBuilder text = new StringBuilder(result.step().title()).append(": ").append(statusText(result.status())).append('\n')
                .append(result.detail()).append('\n');
        result.code().ifPresent(code -> explain.apply(code).ifPresentOrElse(d -> text.append('\n').append(d.title()).append(" [").append(code)
                .append("]\n").append(d.explanation()).append('\n').append(Messages.checklist_causes).append(' ')
                .append(String.join("; ", d.likelyCauses())).append('\n').append(Messages.checklist_remedy).append(' ').append(d.remedy()),
                () -> text.append('\n').append(Messages.checklist_code).append(' ').append(code)));
        return text.toString();
    }

    public static String statusText(Checklist.Status status) {
        return switch (status) {
            case PASSED -> Messages.checklist_passed;
            case WARNING -> Messages.checklist_warning;
            case FAILED -> Messages.checklist_failed;
            case SKIPPED -> Messages.checklist_skipped;
        };
    }

    /** The most a CA certificate or revocation-list file may hold (CRLs of large CAs run to a few MB). */
    public static final int MAX_INPUT_BYTES = 16 << 20;

    /**
     * What the user typed, taken on the display thread: the two file names (blank: not given) and the PIN as a Secret
     * (empty: not given). The files are read later, in the Job ({@link #inputs(Typed)}); the caller closes the PIN.
     */
    public record Typed(String caFile, String crlFile, Optional<Secret> pin) {
    }

    /** Takes the typed values; {@code typedPin} is wiped, whatever happens. */
    public static Typed typed(String caFile, String crlFile, char[] typedPin) {
        try {
            return new Typed(caFile, crlFile, typedPin.length == 0 ? Optional.empty() : Optional.of(Secret.fromChars(typedPin)));
        } finally {
            java.util.Arrays.fill(typedPin, '\0');
        }
    }

    /**
     * The inputs: reads the CA certificate and revocation-list files, each at most {@link #MAX_INPUT_BYTES} (off the
     * display thread: a file may be large or on a slow mount). The PIN stays the caller's to close.
     */
    public static Checklist.Inputs inputs(Typed typed) throws TokenException {
        Optional<byte[]> ca = read(typed.caFile(), Messages.checklist_caFile);
        Optional<byte[]> crl = read(typed.crlFile(), Messages.checklist_crlFile);
        return new Checklist.Inputs(ca, typed.pin(), crl);
    }

    private static Optional<byte[]> read(String file, String what) throws TokenException {
        if (file == null || file.isBlank()) {
            return Optional.empty();
        }
        try (InputStream in = Files.newInputStream(Path.of(file.strip()))) {
            byte[] bytes = in.readNBytes(MAX_INPUT_BYTES + 1);
            if (bytes.length > MAX_INPUT_BYTES) {
                throw new TokenException(UNREADABLE_INPUT, NLS.bind(Messages.checklist_tooLarge, what, MAX_INPUT_BYTES >> 20));
            }
            return Optional.of(bytes);
        } catch (IOException | java.nio.file.InvalidPathException e) {
            throw new TokenException(UNREADABLE_INPUT, NLS.bind(Messages.checklist_unreadable, what, e.getMessage()));
        }
    }
}
