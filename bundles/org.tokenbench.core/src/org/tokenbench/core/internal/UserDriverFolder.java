package org.tokenbench.core.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.wiring.FrameworkWiring;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.tokenbench.core.TokenBenchHome;
import org.tokenbench.core.TokenException;
import org.tokenbench.core.install.DriverInstaller;

/**
 * The user's drivers folder ({@code ~/.tokenbench/drivers}) and the bundles installed from it. The product folder is
 * read-only and shared, and Equinox's own state is a cache that may be wiped, so the folder is the truth: at every
 * start each jar there is installed (from a copy: the jar can then be replaced or deleted at any time) and started,
 * and a bundle installed from it earlier whose jar is gone is uninstalled. Each bundle's failure is kept with its
 * name and does not stop the others.
 */
@Component(service = DriverInstaller.class, immediate = true)
public final class UserDriverFolder implements DriverInstaller {

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

    /** Brings the framework in line with the folder: installs new jars, updates replaced ones, uninstalls removed ones. */
    synchronized void synchronize() {
        List<Path> jars = jars();
        List<String> names = jars.stream().map(jar -> jar.getFileName().toString()).toList();
        boolean uninstalled = false;
        for (Bundle bundle : addedBundles()) {
            if (!names.contains(bundle.getLocation().substring(LOCATION_PREFIX.length()))) {
                uninstalled |= uninstall(bundle);
            }
        }
        for (Path jar : jars) {
            load(jar);
        }
        if (uninstalled) {
            refresh();
        }
    }

    @Override
    public List<AddedBundle> added() {
        List<AddedBundle> result = new ArrayList<>();
        for (Path jar : jars()) {
            String fileName = jar.getFileName().toString();
            Bundle bundle = context.getBundle(LOCATION_PREFIX + fileName);
            Optional<BundleName> name = BundleName.read(jar);
            String symbolicName = bundle != null ? bundle.getSymbolicName() : name.map(BundleName::symbolicName).orElse(fileName);
            String version = bundle != null ? bundle.getVersion().toString() : name.map(BundleName::version).orElse("unknown");
            boolean active = bundle != null && (bundle.getState() & (Bundle.ACTIVE | Bundle.STARTING)) != 0;
            Optional<String> problem = Optional.ofNullable(problems.get(fileName))
                    .or(() -> active ? Optional.empty() : Optional.of("not started"));
            result.add(new AddedBundle(symbolicName, version, jar, active, problem));
        }
        result.sort(Comparator.comparing(AddedBundle::symbolicName));
        return result;
    }

    @Override
    public synchronized List<AddedBundle> install(Path source) throws TokenException {
        List<Path> candidates = candidates(source);
        List<String> installed = new ArrayList<>();
        for (Path jar : candidates) {
            BundleName name = BundleName.read(jar).orElseThrow(() -> new TokenException(NOT_INSTALLABLE,
                    "'" + jar + "' is not an OSGi bundle (no Bundle-SymbolicName in its manifest)"));
            // The name becomes a file name in the drivers folder: a manifest saying "../../x" must not write elsewhere.
            if (!name.symbolicName().matches("[A-Za-z0-9_][A-Za-z0-9._-]{0,199}") || name.symbolicName().contains("..")) {
                throw new TokenException(NOT_INSTALLABLE, "'" + jar + "' names itself '" + name.symbolicName()
                        + "', which is not a bundle symbolic name (letters, digits, dots, dashes, underscores)");
            }
            for (Bundle present : context.getBundles()) {
                if (name.symbolicName().equals(present.getSymbolicName()) && !present.getLocation().startsWith(LOCATION_PREFIX)) {
                    throw new TokenException(NOT_INSTALLABLE, "'" + name.symbolicName() + "' is part of TokenBench itself; it is not replaced by '" + jar + "'");
                }
            }
            String fileName = name.symbolicName() + ".jar";
            Path target = folder.resolve(fileName);
            try {
                Files.createDirectories(folder);
                Path copy = Files.createTempFile(folder, ".installing-", ".part");
                Files.copy(jar, copy, StandardCopyOption.REPLACE_EXISTING);
                Files.move(copy, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                throw new TokenException(NOT_INSTALLABLE, "cannot copy '" + jar + "' into " + folder + ": " + e.getMessage(), e);
            }
            load(target);
            String problem = problems.get(fileName);
            if (problem != null) {
                // A driver that cannot run is not left behind to fail at every start.
                removeFile(target);
                Bundle bundle = context.getBundle(LOCATION_PREFIX + fileName);
                if (bundle != null && uninstall(bundle)) {
                    refresh();
                }
                problems.remove(fileName);
                throw new TokenException(UNRESOLVED, name.symbolicName() + " " + name.version() + " was not installed: " + problem);
            }
            installed.add(name.symbolicName());
        }
        return added().stream().filter(a -> installed.contains(a.symbolicName())).toList();
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
            refresh();
        }
        return found;
    }

    private void load(Path jar) {
        String fileName = jar.getFileName().toString();
        String location = LOCATION_PREFIX + fileName;
        problems.remove(fileName);
        try {
            Bundle bundle = context.getBundle(location);
            Optional<BundleName> name = BundleName.read(jar);
            if (name.isEmpty()) {
                problems.put(fileName, "not an OSGi bundle (no Bundle-SymbolicName in its manifest)");
                return;
            }
            if (bundle == null) {
                try (InputStream in = Files.newInputStream(jar)) {
                    bundle = context.installBundle(location, in);
                }
            } else if (!bundle.getVersion().equals(org.osgi.framework.Version.parseVersion(name.get().version())) || Files.getLastModifiedTime(jar).toMillis() > bundle.getLastModified()) {
                try (InputStream in = Files.newInputStream(jar)) {
                    bundle.update(in);
                }
            }
            if ((bundle.getState() & (Bundle.ACTIVE | Bundle.STARTING)) == 0) {
                bundle.start(Bundle.START_ACTIVATION_POLICY);
            }
        } catch (BundleException | IOException | RuntimeException e) {
            String problem = e.getMessage() == null ? e.toString() : e.getMessage();
            problems.put(fileName, problem);
            System.err.println("TokenBench: the driver " + jar + " is not used: " + problem);
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
                Optional<BundleName> name = BundleName.read(jar);
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

    private boolean shipped(String symbolicName) {
        for (Bundle bundle : context.getBundles()) {
            if (symbolicName.equals(bundle.getSymbolicName()) && !bundle.getLocation().startsWith(LOCATION_PREFIX)) {
                return true;
            }
        }
        return false;
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

    /** Drops the wiring of uninstalled bundles, so their packages and services are gone now rather than at the next start. */
    private void refresh() {
        context.getBundle(0).adapt(FrameworkWiring.class).refreshBundles(null);
    }

    /** A jar's bundle name and version, from its manifest. */
    record BundleName(String symbolicName, String version) {
        static Optional<BundleName> read(Path jar) {
            try (JarFile file = new JarFile(jar.toFile())) {
                Manifest manifest = file.getManifest();
                if (manifest == null) {
                    return Optional.empty();
                }
                Attributes main = manifest.getMainAttributes();
                String name = main.getValue("Bundle-SymbolicName");
                if (name == null || name.isBlank()) {
                    return Optional.empty();
                }
                String version = main.getValue("Bundle-Version");
                return Optional.of(new BundleName(name.split(";")[0].trim(), version == null ? "0.0.0" : version.trim()));
            } catch (IOException e) {
                return Optional.empty();
            }
        }
    }
}
