package org.tokenbench.core.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.FrameworkListener;
import org.osgi.framework.wiring.FrameworkWiring;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.tokenbench.core.TokenBenchHome;
import org.tokenbench.core.TokenException;
import org.tokenbench.core.driver.DriverDescriptor;
import org.tokenbench.core.install.DriverInstaller;
import org.tokenbench.core.install.DriverJar;

/**
 * The user's drivers folder ({@code ~/.tokenbench/drivers}) and the bundles installed from it. The product folder is
 * read-only and shared, and Equinox's own state is a cache that may be wiped, so the folder is the truth: at every
 * start each jar there is installed (from a copy: the jar can then be replaced or deleted at any time) and started,
 * and a bundle installed from it earlier whose jar is gone is uninstalled. Each bundle's failure is kept with its
 * name and does not stop the others.
 */
@Component(service = DriverInstaller.class, immediate = true)
public final class UserDriverFolder implements DriverInstaller {

    /** The manifest header naming a bundle's error catalogs (DiagnosticsRegistry.CATALOG_HEADER; core does not import diagnostics). */
    static final String CATALOG_HEADER = "TokenBench-ErrorCatalog";
    /** Bundle locations of added drivers: the prefix, then the jar's file name in the folder. */
    static final String LOCATION_PREFIX = "tokenbench-user-driver:";

    private final Map<String, String> problems = new ConcurrentHashMap<>();
    private BundleContext context;
    private Path folder;

    @Activate
    void activate(BundleContext bundleContext) {
        this.context = bundleContext;
        this.folder = TokenBenchHome.directory().resolve("drivers");
        try {
            synchronize();
        } catch (RuntimeException e) {
            // The drivers TokenBench ships must work whatever the user's folder holds.
            System.err.println("TokenBench: the drivers in " + folder + " were not loaded: " + e);
        }
    }

    @Override
    public Path folder() {
        return folder;
    }

    /**
     * Brings the framework in line with the folder: uninstalls bundles whose jar is gone, installs new jars and updates
     * replaced ones, then resolves them as one group and starts them, so added bundles that need each other work
     * whatever their order.
     */
    synchronized void synchronize() {
        List<Path> jars = jars();
        List<String> names = jars.stream().map(jar -> jar.getFileName().toString()).toList();
        boolean uninstalled = false;
        for (Bundle bundle : addedBundles()) {
            if (!names.contains(bundle.getLocation().substring(LOCATION_PREFIX.length()))) {
                uninstalled |= uninstall(bundle);
            }
        }
        Map<Path, Bundle> loaded = new LinkedHashMap<>();
        for (Path jar : jars) {
            installOrUpdate(jar, jar).ifPresent(bundle -> loaded.put(jar, bundle));
        }
        if (uninstalled) {
            refresh(null);
        }
        startAll(loaded);
    }

    @Override
    public List<AddedBundle> added() {
        List<AddedBundle> result = new ArrayList<>();
        for (Path jar : jars()) {
            String fileName = jar.getFileName().toString();
            Bundle bundle = context.getBundle(LOCATION_PREFIX + fileName);
            Optional<DriverJar> name = DriverJar.read(jar);
            String symbolicName = bundle != null ? bundle.getSymbolicName() : name.map(DriverJar::symbolicName).orElse(fileName);
            String version = bundle != null ? bundle.getVersion().toString() : name.map(DriverJar::version).orElse("unknown");
            boolean active = bundle != null && (bundle.getState() & (Bundle.ACTIVE | Bundle.STARTING)) != 0;
            Optional<String> problem = Optional.ofNullable(problems.get(fileName))
                    .or(() -> active ? Optional.empty() : Optional.of("not started"));
            result.add(new AddedBundle(symbolicName, version, jar, active, problem));
        }
        result.sort(Comparator.comparing(AddedBundle::symbolicName));
        return result;
    }

    /**
     * Stages every bundle of {@code source} next to the folder, installs (or updates) them all, resolves and starts
     * them as a group, and only when every one runs moves the staged jars into place. When one fails, every bundle
     * goes back to what ran before (a failed upgrade keeps the working driver) and the folder is as it was.
     */
    @Override
    public synchronized List<AddedBundle> install(Path source) throws TokenException {
        List<Path> candidates = candidates(source);
        Map<Path, DriverJar> staged = new LinkedHashMap<>();
        Map<Path, Bundle> loaded = new LinkedHashMap<>();
        List<Bundle> fresh = new ArrayList<>();
        try {
            for (Path jar : candidates) {
                DriverJar name = installable(jar);
                Files.createDirectories(folder);
                Path copy = Files.createTempFile(folder, ".installing-", ".part");
                staged.put(copy, name);
                Files.copy(jar, copy, StandardCopyOption.REPLACE_EXISTING);
            }
            // A plain library bundle would start with every launch and do nothing for TokenBench; a vendor's repository may
            // hold such libraries beside its driver, so only a source where no bundle contributes anything is refused.
            // What is checked is what gets installed: the staged copies, not the source that could change meanwhile.
            Set<String> hosts = new HashSet<>();
            added().forEach(bundle -> hosts.add(bundle.symbolicName()));
            staged.values().forEach(jar -> hosts.add(jar.symbolicName()));
            if (staged.keySet().stream().noneMatch(copy -> contributes(copy, hosts))) {
                String what = Files.isRegularFile(source) ? "'" + source.getFileName() + "' contributes no"
                        : "no bundle in '" + source + "' contributes a";
                throw new TokenException(NOT_INSTALLABLE, what + " TokenBench driver, catalog or view (no " + DriverDescriptor.DEFAULT_RESOURCE
                        + ", no " + CATALOG_HEADER + " header, no device view or command): nothing was installed");
            }
            for (Map.Entry<Path, DriverJar> entry : staged.entrySet()) {
                Path target = folder.resolve(entry.getValue().symbolicName() + ".jar");
                boolean existed = context.getBundle(LOCATION_PREFIX + target.getFileName()) != null;
                Optional<Bundle> bundle = installOrUpdate(entry.getKey(), target);
                if (bundle.isPresent()) {
                    loaded.put(target, bundle.get());
                    if (!existed) {
                        fresh.add(bundle.get());
                    }
                }
            }
            startAll(loaded);
            List<String> failures = new ArrayList<>();
            for (Map.Entry<Path, DriverJar> entry : staged.entrySet()) {
                String fileName = entry.getValue().symbolicName() + ".jar";
                String problem = problems.get(fileName);
                if (problem != null) {
                    failures.add(entry.getValue().symbolicName() + " " + entry.getValue().version() + " was not installed: " + problem);
                }
            }
            if (!failures.isEmpty()) {
                rollBack(staged, loaded, fresh);
                throw new TokenException(UNRESOLVED, String.join("; ", failures));
            }
            List<String> installed = new ArrayList<>();
            for (Map.Entry<Path, DriverJar> entry : staged.entrySet()) {
                Files.move(entry.getKey(), folder.resolve(entry.getValue().symbolicName() + ".jar"),
                        StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                installed.add(entry.getValue().symbolicName());
            }
            staged.clear();
            return added().stream().filter(a -> installed.contains(a.symbolicName())).toList();
        } catch (IOException e) {
            rollBack(staged, loaded, fresh);
            throw new TokenException(NOT_INSTALLABLE, "cannot copy '" + source + "' into " + folder + ": " + e.getMessage(), e);
        } finally {
            for (Path copy : staged.keySet()) {
                deleteQuietly(copy);
            }
        }
    }

    /** Puts back what ran before an install failed: new bundles go, updated ones run their previous jar again. */
    private void rollBack(Map<Path, DriverJar> staged, Map<Path, Bundle> loaded, List<Bundle> fresh) {
        Map<Path, Bundle> restored = new LinkedHashMap<>();
        for (Map.Entry<Path, Bundle> entry : loaded.entrySet()) {
            Bundle bundle = entry.getValue();
            if (fresh.contains(bundle)) {
                uninstall(bundle);
            } else if (Files.isRegularFile(entry.getKey())) {
                installOrUpdate(entry.getKey(), entry.getKey()).ifPresent(b -> restored.put(entry.getKey(), b));
            }
        }
        for (DriverJar name : staged.values()) {
            problems.remove(name.symbolicName() + ".jar");
        }
        refresh(null);
        startAll(restored);
    }

    /** The jar's bundle headers, when it may be added: a bundle, a safe name, and nothing TokenBench ships or extends. */
    private DriverJar installable(Path jar) throws TokenException {
        DriverJar name = DriverJar.read(jar).orElseThrow(() -> new TokenException(NOT_INSTALLABLE,
                "'" + jar + "' is not an OSGi bundle (no Bundle-SymbolicName in its manifest)"));
        // The name becomes a file name in the drivers folder: a manifest saying "../../x" must not write elsewhere.
        if (!name.symbolicName().matches("[A-Za-z0-9_][A-Za-z0-9._-]{0,199}") || name.symbolicName().contains("..")) {
            throw new TokenException(NOT_INSTALLABLE, "'" + jar + "' names itself '" + name.symbolicName()
                    + "', which is not a bundle symbolic name (letters, digits, dots, dashes, underscores)");
        }
        if (shipped(name.symbolicName())) {
            throw new TokenException(NOT_INSTALLABLE, "'" + name.symbolicName() + "' is part of TokenBench itself; it is not replaced by '" + jar + "'");
        }
        Optional<String> host = name.fragmentHost();
        // A framework extension (Fragment-Host: system.bundle; extension:=framework) runs code inside the framework on
        // every start, before any driver or check could stop it: never a driver.
        if (host.isPresent() && (host.get().equals("system.bundle") || host.get().equals("org.eclipse.osgi"))) {
            throw new TokenException(NOT_INSTALLABLE, "'" + name.symbolicName() + "' extends the OSGi framework itself (Fragment-Host: "
                    + host.get() + "): a driver never does, so it is not added");
        }
        if (host.isPresent() && shipped(host.get())) {
            throw new TokenException(NOT_INSTALLABLE, "'" + name.symbolicName() + "' is a fragment of TokenBench's own '" + host.get()
                    + "': it would change TokenBench itself, so it is not added");
        }
        return name;
    }

    /**
     * Whether {@code jar} adds something to TokenBench (docs/driver-guide.md): a driver descriptor, an error catalog, a
     * device view or a headless command; or is a fragment of a driver the user added or adds now ({@code userHosts}: a
     * translation, a patch).
     */
    private static boolean contributes(Path jar, Set<String> userHosts) {
        Optional<DriverJar> name = DriverJar.read(jar);
        if (name.isEmpty()) {
            return false;
        }
        if (name.get().fragmentHost().filter(userHosts::contains).isPresent()) {
            return true;
        }
        try (JarFile file = new JarFile(jar.toFile())) {
            if (file.getEntry(DriverDescriptor.DEFAULT_RESOURCE) != null
                    || file.getManifest().getMainAttributes().getValue(CATALOG_HEADER) != null
                    || mentions(file, "plugin.xml", "org.tokenbench.ui.deviceViews")) {
                return true;
            }
            String components = file.getManifest().getMainAttributes().getValue("Service-Component");
            if (components != null) {
                for (String component : componentEntries(file, components)) {
                    if (mentions(file, component, "org.tokenbench.core.driver.TokenDriver")
                            || mentions(file, component, "org.tokenbench.cli.command.CommandProvider")) {
                        return true;
                    }
                }
            }
            return false;
        } catch (IOException | SecurityException e) {
            return false;
        }
    }

    /** The entries a Service-Component header names; a name may hold {@code *} wildcards (OSGI-INF/*.xml, as bnd writes). */
    private static List<String> componentEntries(JarFile file, String header) {
        List<String> entries = new ArrayList<>();
        for (String component : header.split(",")) {
            String name = component.strip();
            if (!name.contains("*")) {
                entries.add(name);
                continue;
            }
            java.util.regex.Pattern glob = java.util.regex.Pattern.compile(
                    java.util.Arrays.stream(name.split("\\*", -1)).map(java.util.regex.Pattern::quote).collect(java.util.stream.Collectors.joining("[^/]*")));
            file.stream().map(ZipEntry::getName).filter(entry -> glob.matcher(entry).matches()).forEach(entries::add);
        }
        return entries;
    }

    private static boolean mentions(JarFile file, String entryName, String text) throws IOException {
        ZipEntry entry = file.getEntry(entryName);
        if (entry == null) {
            return false;
        }
        try (InputStream in = file.getInputStream(entry)) {
            return new String(in.readNBytes(1024 * 1024), StandardCharsets.UTF_8).contains(text);
        }
    }

    @Override
    public synchronized AddedBundle remove(String symbolicName) throws TokenException {
        AddedBundle found = added().stream().filter(a -> a.symbolicName().equals(symbolicName)).findFirst()
                .orElseThrow(() -> new TokenException(NOT_INSTALLED, "no added driver is called '" + symbolicName + "' (tokenbench driver list shows them)"));
        String fileName = found.file().getFileName().toString();
        Bundle bundle = context.getBundle(LOCATION_PREFIX + fileName);
        removeFile(found.file());
        problems.remove(fileName);
        if (bundle != null && uninstall(bundle)) {
            refresh(null);
        }
        return found;
    }

    /**
     * Installs {@code content} as the added bundle kept as {@code target} in the folder, or updates that bundle when its
     * version or content changed; does not start it. A failure is kept as the bundle's problem.
     */
    private Optional<Bundle> installOrUpdate(Path content, Path target) {
        String fileName = target.getFileName().toString();
        String location = LOCATION_PREFIX + fileName;
        problems.remove(fileName);
        try {
            Bundle bundle = context.getBundle(location);
            Optional<DriverJar> name = DriverJar.read(content);
            if (name.isEmpty()) {
                problems.put(fileName, "not an OSGi bundle (no Bundle-SymbolicName in its manifest)");
                return Optional.empty();
            }
            if (bundle == null) {
                try (InputStream in = Files.newInputStream(content)) {
                    bundle = context.installBundle(location, in);
                }
            } else if (!content.equals(target) || !bundle.getVersion().equals(org.osgi.framework.Version.parseVersion(name.get().version()))
                    || Files.getLastModifiedTime(content).toMillis() > bundle.getLastModified()) {
                try (InputStream in = Files.newInputStream(content)) {
                    bundle.update(in);
                }
            }
            return Optional.of(bundle);
        } catch (BundleException | IOException | RuntimeException e) {
            fail(fileName, e);
            return Optional.empty();
        }
    }

    /** Resolves the bundles together, then starts each; one that cannot run gets its problem, the others still start. */
    private void startAll(Map<Path, Bundle> bundles) {
        if (bundles.isEmpty()) {
            return;
        }
        context.getBundle(0).adapt(FrameworkWiring.class).resolveBundles(bundles.values());
        for (Map.Entry<Path, Bundle> entry : bundles.entrySet()) {
            Bundle bundle = entry.getValue();
            try {
                if ((bundle.getState() & (Bundle.ACTIVE | Bundle.STARTING)) == 0 && !isFragment(bundle)) {
                    bundle.start(Bundle.START_ACTIVATION_POLICY);
                }
            } catch (BundleException | RuntimeException e) {
                fail(entry.getKey().getFileName().toString(), e);
            }
        }
    }

    private static boolean isFragment(Bundle bundle) {
        return bundle.getHeaders("").get("Fragment-Host") != null;
    }

    private void fail(String fileName, Exception e) {
        String problem = e.getMessage() == null ? e.toString() : e.getMessage();
        problems.put(fileName, problem);
        System.err.println("TokenBench: the driver " + fileName + " in " + folder + " is not used: " + problem);
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            System.err.println("TokenBench: cannot delete " + file + ": " + e.getMessage());
        }
    }

    private List<Path> candidates(Path source) throws TokenException {
        if (Files.isRegularFile(source)) {
            return List.of(source);
        }
        Path plugins = source.resolve("plugins");
        if (!Files.isDirectory(plugins)) {
            throw new TokenException(NOT_INSTALLABLE, "'" + source + "' is neither a bundle jar nor a p2 repository folder with plugins/");
        }
        List<Path> result = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(plugins, "*.jar")) {
            for (Path jar : stream) {
                Optional<DriverJar> name = DriverJar.read(jar);
                // The repository a vendor builds against the SDK also holds TokenBench's own bundles: only the new ones count.
                if (name.isPresent() && !shipped(name.get().symbolicName())) {
                    result.add(jar);
                }
            }
        } catch (IOException e) {
            throw new TokenException(NOT_INSTALLABLE, "cannot list '" + plugins + "': " + e.getMessage(), e);
        }
        if (result.isEmpty()) {
            throw new TokenException(NOT_INSTALLABLE, "'" + source + "' holds no bundle that TokenBench does not have already");
        }
        result.sort(Comparator.naturalOrder());
        return result;
    }

    /**
     * Whether TokenBench ships {@code symbolicName}: a bundle running here that was not added by the user, a bundle
     * listed in any of the product's configurations (the workbench's ui/app bundles are not loaded by a headless
     * command, yet an added bundle of that name would shadow them), or any name in TokenBench's own namespace.
     */
    private boolean shipped(String symbolicName) {
        if (symbolicName.equals("org.tokenbench") || symbolicName.startsWith("org.tokenbench.")) {
            return true;
        }
        for (Bundle bundle : context.getBundles()) {
            if (symbolicName.equals(bundle.getSymbolicName()) && !bundle.getLocation().startsWith(LOCATION_PREFIX)) {
                return true;
            }
        }
        return ProductBundles.names(context).contains(symbolicName);
    }

    private List<Path> jars() {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        List<Path> result = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(folder, "*.jar")) {
            stream.forEach(result::add);
        } catch (IOException e) {
            System.err.println("TokenBench: cannot list the drivers in " + folder + ": " + e.getMessage());
        }
        result.sort(Comparator.naturalOrder());
        return result;
    }

    private List<Bundle> addedBundles() {
        List<Bundle> result = new ArrayList<>();
        for (Bundle bundle : context.getBundles()) {
            if (bundle.getLocation().startsWith(LOCATION_PREFIX)) {
                result.add(bundle);
            }
        }
        return result;
    }

    private static boolean uninstall(Bundle bundle) {
        try {
            bundle.uninstall();
            return true;
        } catch (BundleException | IllegalStateException e) {
            System.err.println("TokenBench: cannot uninstall " + bundle.getSymbolicName() + ": " + e.getMessage());
            return false;
        }
    }

    private static void removeFile(Path file) throws TokenException {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new TokenException(NOT_INSTALLED, "cannot delete " + file + ": " + e.getMessage(), e);
        }
    }

    /** Drops the wiring of uninstalled or updated bundles and waits for it, so their packages and services are gone now. */
    private void refresh(java.util.@org.eclipse.jdt.annotation.Nullable Collection<Bundle> bundles) {
        CountDownLatch done = new CountDownLatch(1);
        FrameworkListener listener = event -> done.countDown();
        context.getBundle(0).adapt(FrameworkWiring.class).refreshBundles(bundles, listener);
        try {
            if (!done.await(30, TimeUnit.SECONDS)) {
                System.err.println("TokenBench: refreshing the added drivers' wiring took more than 30 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
