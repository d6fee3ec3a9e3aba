package org.tokenbench.skf;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.tokenbench.core.ErrorCode;
import org.tokenbench.core.driver.Checklist;
import org.tokenbench.core.driver.Checklist.Result;
import org.tokenbench.core.driver.Checklist.Status;
import org.tokenbench.core.driver.Checklist.Step;

/**
 * The checklist steps that come before a key, for one vendor library: it is found and loads, it exports the SKF
 * functions (noting whether it reports unplugging), and it lists a key. The SKF transport's
 * {@code checkEnvironment} runs them; a Guomi driver's checklist continues with the device steps.
 */
public final class SkfEnvironment {

    public static final Step LIBRARY_LOADS = new Step("library-loads", "Vendor SKF library found and loadable");
    public static final Step FUNCTIONS_EXPORTED = new Step("functions-exported", "Library exports the SKF functions");
    public static final Step DEVICE_PRESENT = new Step("device-present", "USB key present");

    /** The steps in the order they run. */
    public static final List<Step> STEPS = List.of(LIBRARY_LOADS, FUNCTIONS_EXPORTED, DEVICE_PRESENT);

    private SkfEnvironment() {
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
        Step current = LIBRARY_LOADS;
        try {
            SkfLibrary loaded = SkfLibrary.load(library);
            Optional<String> unsafe = writableByOthers(loaded.path());
            results.add(unsafe.isPresent()
                    ? new Result(current, Status.WARNING, loaded.path() + ": " + unsafe.get(),
                            Optional.of(SkfProblem.LIBRARY_WRITABLE_BY_OTHERS.code()))
                    : passed(current, loaded.path().toString()));

            current = FUNCTIONS_EXPORTED;
            List<String> missing = loaded.missingFunctions();
            if (!missing.isEmpty()) {
                throw new SkfException(SkfProblem.FUNCTIONS_MISSING, "missing: " + String.join(", ", missing));
            }
            results.add(passed(current, SkfLibrary.requiredFunctionCount() + " functions"
                    + (loaded.hasDeviceEvents() ? ", plus unplug events" : "")));

            current = DEVICE_PRESENT;
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
            results.add(passed(current, chosen + (keys.size() > 1 ? " (of " + keys.size() + " keys)" : "")));
        } catch (SkfException e) {
            results.add(new Result(current, Status.FAILED, e.getMessage(), Optional.of(e.code())));
            for (Step later : STEPS.subList(STEPS.indexOf(current) + 1, STEPS.size())) {
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
                problem = changeableByOthers(folder, true).map(why -> "its folder " + name + " is " + why);
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
            return Optional.of("writable by every user");
        }
        if (permissions.contains(PosixFilePermission.GROUP_WRITE) && !sticky) {
            return Optional.of("writable by group " + Files.readAttributes(path, PosixFileAttributes.class).group().getName());
        }
        String owner = Files.getOwner(path).getName();
        if (!owner.equals("root") && !owner.equals(System.getProperty("user.name"))) {
            return Optional.of("owned by user " + owner);
        }
        return Optional.empty();
    }

    /** The result of a step not checked because {@code failed} failed: one wording for every checklist. */
    public static Result skippedAfter(Step step, Step failed) {
        return new Result(step, Status.SKIPPED, "not checked: \"" + failed.title() + "\" failed", Optional.<ErrorCode>empty());
    }

    private static Result passed(Step step, String detail) {
        return new Result(step, Status.PASSED, detail, Optional.empty());
    }

    /** Whether every result passed or only warned: the checklist may go on to the device. */
    public static boolean allowsDeviceSteps(List<Checklist.Result> results) {
        return results.stream().allMatch(r -> r.status() == Status.PASSED || r.status() == Status.WARNING);
    }
}
