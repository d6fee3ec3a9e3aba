import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import aQute.bnd.differ.Baseline;
import aQute.bnd.differ.DiffPluginImpl;
import aQute.bnd.osgi.Jar;
import aQute.bnd.osgi.Processor;
import aQute.bnd.service.diff.Delta;
import aQute.bnd.service.diff.Diff;
import aQute.bnd.service.diff.Type;
import aQute.bnd.version.Version;

/**
 * The API baseline check with 0.x versions taken seriously: every exported API package of a bundle must carry at
 * least the version its changes since the baseline need (a breaking change: the next major, an addition: the next
 * minor, anything else: the next micro). Runs in every bundle of the driver SDK at {@code verify}
 * (bundles/pom.xml, {@code tokenbench.baseline.skip=false} in the bundle's pom), next to tycho-baseline-plugin.
 *
 * <p>Why not tycho-baseline-plugin alone: bnd 7.2.1 (which both Tycho and bnd-maven use) follows SemVer's item 4 —
 * "major version zero: anything may change" — and never reports a mismatch while either version is 0.x, so there
 * Tycho only catches a changed bundle that kept the baseline's version. And bnd rates every method that follows a
 * default method in an interface's class file as a default method's (minor) addition, so an abstract method added to
 * a {@code @ConsumerType} interface with a default method slipped through; it is rated major here.
 *
 * <p>Usage: {@code java -cp bndlib... StrictBaseline.java NEW.jar BASELINE_REPOSITORY_DIR}; exit 1 on a problem.
 */
public class StrictBaseline {

    public static void main(String[] args) throws Exception {
        File built = new File(args[0]);
        File plugins = new File(args[1], "plugins");
        try (Processor reporter = new Processor(); Jar newer = new Jar(built)) {
            String bsn = newer.getBsn();
            File[] candidates = plugins.listFiles((dir, name) -> name.startsWith(bsn + "_") && name.endsWith(".jar"));
            if (candidates == null || candidates.length != 1) {
                System.out.println("[strict-baseline] " + bsn + ": not in the baseline " + plugins + " (a new API bundle): nothing to compare");
                return;
            }
            try (Jar older = new Jar(candidates[0])) {
                Baseline baseline = new Baseline(reporter, new DiffPluginImpl());
                Set<Baseline.Info> infos = baseline.baseline(newer, older, null);
                List<String> problems = new ArrayList<>();
                for (Baseline.Info info : infos) {
                    if (isInternal(info) || info.packageDiff.getDelta() == Delta.UNCHANGED) {
                        continue;
                    }
                    Delta delta = effectiveDelta(info.packageDiff);
                    Version needed = bump(delta, info.olderVersion);
                    if (info.newerVersion.compareTo(needed) < 0) {
                        problems.add(String.format("%-6s PACKAGE %s: %s -> %s, needs %s%n%s", delta, info.packageName,
                            info.olderVersion, info.newerVersion, needed, causes(info.packageDiff)));
                    }
                }
                if (!problems.isEmpty()) {
                    System.out.println("[strict-baseline] " + bsn + ": API changed since " + older.getVersion()
                        + " without the package version it needs (Export-Package and package-info.java's @Version):");
                    problems.forEach(System.out::print);
                    System.out.println("Baseline problems found! (strict, 0.x included)");
                    System.exit(1);
                }
                System.out.println("[strict-baseline] " + bsn + ": every API package's version fits its changes since "
                    + older.getVersion());
            }
        }
    }

    private static boolean isInternal(Baseline.Info info) {
        return info.packageName.contains(".internal") || info.attributes != null
            && (info.attributes.containsKey("x-internal:") || info.attributes.containsKey("x-friends:"));
    }

    /** bnd's delta, except that an abstract method added to a consumer interface is major wherever it sits. */
    private static Delta effectiveDelta(Diff packageDiff) {
        Delta delta = packageDiff.getDelta();
        for (Diff type : packageDiff.getChildren()) {
            if (type.getType() == Type.INTERFACE && !isProviderType(type) && addsAbstractMethod(type)) {
                return Delta.MAJOR;
            }
        }
        return delta == Delta.ADDED ? Delta.MINOR : delta == Delta.REMOVED ? Delta.MAJOR : delta;
    }

    private static boolean isProviderType(Diff type) {
        for (Diff child : type.getChildren()) {
            if (child.getType() == Type.ANNOTATED && child.getDelta() != Delta.REMOVED
                && child.getName().endsWith(".ProviderType")) {
                return true;
            }
        }
        return false;
    }

    private static boolean addsAbstractMethod(Diff type) {
        if (type.getDelta() == Delta.ADDED) {
            return false; // a whole new interface is an addition
        }
        for (Diff method : type.getChildren()) {
            if (method.getType() != Type.METHOD || method.getDelta() != Delta.ADDED) {
                continue;
            }
            for (Diff access : method.getChildren()) {
                if (access.getType() == Type.ACCESS && "abstract".equals(access.getName())) {
                    return true;
                }
            }
        }
        return false;
    }

    private static Version bump(Delta delta, Version older) {
        return switch (delta) {
            case MAJOR -> new Version(older.getMajor() + 1, 0, 0);
            case MINOR -> new Version(older.getMajor(), older.getMinor() + 1, 0);
            case MICRO, CHANGED -> new Version(older.getMajor(), older.getMinor(), older.getMicro() + 1);
            default -> new Version(older.getMajor(), older.getMinor(), older.getMicro());
        };
    }

    private static String causes(Diff diff) {
        StringBuilder out = new StringBuilder();
        for (Diff type : diff.getChildren()) {
            if (type.getDelta() == Delta.UNCHANGED || type.getType() == Type.VERSION || type.getType() == Type.ANNOTATED) {
                continue;
            }
            out.append("  ").append(type.getDelta()).append(' ').append(type.getType()).append(' ').append(type.getName()).append('\n');
            for (Diff member : type.getDelta() == Delta.ADDED ? new Diff[0] : type.getChildren().toArray(Diff[]::new)) {
                if (member.getDelta() == Delta.ADDED || member.getDelta() == Delta.REMOVED || member.getDelta() == Delta.MAJOR) {
                    out.append("    ").append(member.getDelta()).append(' ').append(member.getType()).append(' ')
                        .append(type.getName()).append('/').append(member.getName()).append('\n');
                }
            }
        }
        return out.toString();
    }
}
