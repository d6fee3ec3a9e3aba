package org.tokenbench.skf;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.tokenbench.core.ErrorCode;
import org.tokenbench.core.Texts;
import org.tokenbench.core.driver.Checklist;
import org.tokenbench.core.driver.Checklist.Result;
import org.tokenbench.core.driver.Checklist.Status;
import org.tokenbench.core.driver.Checklist.Step;
import org.tokenbench.skf.internal.SkfTransport;

/**
 * The checklist steps that come before a key, for one vendor library: it is found and loads, it exports the SKF
 * functions (noting whether it reports unplugging), and it lists a key. The SKF transport's
 * {@code checkEnvironment} runs them; a Guomi driver's checklist continues with the device steps.
 */
public final class SkfEnvironment {

    /** The SKF transport's words ({@code messages.properties} in the internal package): step titles and details. */
    private static final Texts TEXTS = SkfTransport.TEXTS;

    /*
     * The constants name each step with its English title (what a log or a test compares by id); the results of
     * check() and steps() carry the title in the JVM's language at that call.
     */
    public static final Step LIBRARY_LOADS = english("library-loads");
    public static final Step FUNCTIONS_EXPORTED = english("functions-exported");
    public static final Step DEVICE_PRESENT = english("device-present");

    /** The steps in the order they run, with English titles; {@link #steps()} for the user's language. */
    public static final List<Step> STEPS = List.of(LIBRARY_LOADS, FUNCTIONS_EXPORTED, DEVICE_PRESENT);

    private SkfEnvironment() {
    }

    /**
     * The steps in the order they run, titled in the JVM's language as it is now.
     *
     * @since 0.2.0
     */
    public static List<Step> steps() {
        return STEPS.stream().map(SkfEnvironment::inUsersLanguage).toList();
    }

    private static Step english(String id) {
        return new Step(id, TEXTS.get(Locale.ROOT, "step." + id));
    }

    private static Step inUsersLanguage(Step step) {
        return new Step(step.id(), TEXTS.get("step." + step.id()));
    }

    /**
     * Runs the steps for {@code source}: a library path, or a slot id ({@code <library path>#<key name>}) to require
     * that key. After a failure the later steps are {@link Status#SKIPPED}.
     */
    public static List<Result> check(String source) {
        Path library = Path.of(source);
        Optional<String> key = Optional.empty();
        int hash = source.lastIndexOf('#');
        if (!Files.exists(library) && hash > 0) {
            library = Path.of(source.substring(0, hash));
            key = Optional.of(source.substring(hash + 1));
        }
        List<Result> results = new ArrayList<>();
        List<Step> steps = steps();
        Step current = steps.get(0);
        try {
            SkfLibrary loaded = SkfLibrary.load(library);
            Optional<String> unsafe = writableByOthers(loaded.path());
            results.add(unsafe.isPresent()
                    ? new Result(current, Status.WARNING, TEXTS.get("library.unsafe", loaded.path().toString(), unsafe.get()),
                            Optional.of(SkfProblem.LIBRARY_WRITABLE_BY_OTHERS.code()))
                    : passed(current, loaded.path().toString()));

            current = steps.get(1);
            List<String> missing = loaded.missingFunctions();
            if (!missing.isEmpty()) {
                throw new SkfException(SkfProblem.FUNCTIONS_MISSING, "missing: " + String.join(", ", missing));
            }
            results.add(passed(current, TEXTS.get(loaded.hasDeviceEvents() ? "functions.withEvents" : "functions",
                    SkfLibrary.requiredFunctionCount())));

            current = steps.get(2);
            List<SkfLibrary.KeyName> keys = loaded.devices();
            if (keys.isEmpty()) {
                throw new SkfException(SkfProblem.NO_DEVICE, "the library lists no key");
            }
            String chosen = keys.get(0).display();
            if (key.isPresent()) {
                String wanted = key.get();
                chosen = keys.stream().map(SkfLibrary.KeyName::display).filter(wanted::equals).findFirst()
                        .orElseThrow(() -> new SkfException(SkfProblem.NO_DEVICE, "no key named " + wanted + " (found: "
                                + keys.stream().map(SkfLibrary.KeyName::display).toList() + ")"));
            }
            results.add(passed(current, keys.size() > 1 ? TEXTS.get("device.oneOf", chosen, keys.size()) : chosen));
        } catch (SkfException e) {
            results.add(new Result(current, Status.FAILED, e.getMessage(), Optional.of(e.code())));
            for (Step later : steps.subList(steps.indexOf(current) + 1, steps.size())) {
                results.add(skippedAfter(later, current));
            }
        }
        return List.copyOf(results);
    }

    /**
     * Why someone besides root and the current user could change the library file (the file a symlink names), if
     * anyone can: its code runs inside TokenBench with the user's PIN. The folders on its path count too: whoever may
     * write to one can rename the library away and put their own in its place. A world-writable folder with the sticky
     * bit (/tmp) is safe: others cannot replace an entry they do not own. Empty where POSIX permissions do not exist.
     */
    static Optional<String> writableByOthers(Path library) {
        try {
            Path file = library.toRealPath();
            if (!file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                return Optional.empty();
            }
            Optional<String> problem = changeableByOthers(file, false);
            for (Path folder = file.getParent(); problem.isEmpty() && folder != null; folder = folder.getParent()) {
                String name = folder.toString();
                problem = changeableByOthers(folder, true).map(why -> TEXTS.get("library.unsafe.folder", name, why));
            }
            return problem;
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return Optional.empty();  // the load just succeeded: what we cannot inspect we do not warn about
        }
    }

    private static Optional<String> changeableByOthers(Path path, boolean folder) throws IOException {
        Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(path);
        boolean sticky = folder && path.getFileSystem().supportedFileAttributeViews().contains("unix")
                && (((Integer) Files.getAttribute(path, "unix:mode")) & 01000) != 0;
        if (permissions.contains(PosixFilePermission.OTHERS_WRITE) && !sticky) {
            return Optional.of(TEXTS.get("library.unsafe.everyone"));
        }
        if (permissions.contains(PosixFilePermission.GROUP_WRITE) && !sticky) {
            return Optional.of(TEXTS.get("library.unsafe.group", Files.readAttributes(path, PosixFileAttributes.class).group().getName()));
        }
        String owner = Files.getOwner(path).getName();
        if (!owner.equals("root") && !owner.equals(System.getProperty("user.name"))) {
            return Optional.of(TEXTS.get("library.unsafe.owner", owner));
        }
        return Optional.empty();
    }

    /** The result of a step not checked because {@code failed} failed: one wording for every checklist. */
    public static Result skippedAfter(Step step, Step failed) {
        return new Result(step, Status.SKIPPED, TEXTS.get("step.notChecked", failed.title()), Optional.<ErrorCode>empty());
    }

    private static Result passed(Step step, String detail) {
        return new Result(step, Status.PASSED, detail, Optional.empty());
    }

    /** Whether every result passed or only warned: the checklist may go on to the device. */
    public static boolean allowsDeviceSteps(List<Checklist.Result> results) {
        return results.stream().allMatch(r -> r.status() == Status.PASSED || r.status() == Status.WARNING);
    }
}
