package org.tokenbench.diagnostics.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.jar.Attributes;
import java.util.jar.Manifest;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.util.tracker.BundleTracker;
import org.tokenbench.core.ErrorCode;
import org.tokenbench.core.TokenException;
import org.tokenbench.diagnostics.Diagnosis;
import org.tokenbench.diagnostics.DiagnosticsRegistry;

/**
 * The registry as an extender: it watches every bundle for the catalog header, notes the files it names when the
 * bundle starts (lazy activation counts) and forgets them when it stops. The files are read on the first lookup, not
 * when the bundle starts: a command that never explains a code does not pay for parsing every catalog.
 * Without OSGi ({@link #fromClassPath}) the catalogs are those named by the header in the class path's jars.
 */
@Component(service = DiagnosticsRegistry.class, immediate = true)
public final class CatalogRegistry implements DiagnosticsRegistry {

    private final Map<Long, Catalogs> catalogsBySource = new ConcurrentHashMap<>();
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private BundleTracker<Bundle> tracker;

    @Activate
    void activate(BundleContext context) {
        tracker = new BundleTracker<>(context, Bundle.STARTING | Bundle.ACTIVE, null) {
            @Override
            public Bundle addingBundle(Bundle bundle, BundleEvent event) {
                String header = bundle.getHeaders("").get(CATALOG_HEADER);
                if (header == null) {
                    return null;
                }
                add(bundle.getBundleId(), bundle.getSymbolicName(), header, bundle::getEntry);
                return bundle;
            }

            @Override
            public void removedBundle(Bundle bundle, BundleEvent event, Bundle object) {
                catalogsBySource.remove(bundle.getBundleId());
                fireChange();
            }
        };
        tracker.open();
    }

    @Deactivate
    void deactivate() {
        tracker.close();
        catalogsBySource.clear();
    }

    /**
     * The registry of the catalogs in the jars {@code loader} sees, for a run without OSGi (the fast path of
     * headless commands): every {@code META-INF/MANIFEST.MF} with the {@value #CATALOG_HEADER} header, in class-path
     * order, each file found next to its manifest.
     */
    public static CatalogRegistry fromClassPath(ClassLoader loader) throws IOException {
        return fromManifests(java.util.Collections.list(loader.getResources("META-INF/MANIFEST.MF")));
    }

    /** The same over the given jars only (those a build-time index names), in their order. */
    public static CatalogRegistry fromJars(List<java.nio.file.Path> jars) throws IOException {
        List<URL> manifests = new ArrayList<>();
        for (java.nio.file.Path jar : jars) {
            manifests.add(java.net.URI.create("jar:" + jar.toUri() + "!/META-INF/MANIFEST.MF").toURL());
        }
        return fromManifests(manifests);
    }

    private static CatalogRegistry fromManifests(List<URL> manifests) throws IOException {
        CatalogRegistry registry = new CatalogRegistry();
        long order = 0;
        for (URL manifestUrl : manifests) {
            Attributes main;
            try (InputStream in = manifestUrl.openStream()) {
                main = new Manifest(in).getMainAttributes();
            }
            String header = main.getValue(CATALOG_HEADER);
            if (header == null) {
                continue;
            }
            String name = main.getValue("Bundle-SymbolicName");
            String symbolicName = name == null ? manifestUrl.toString() : name.split(";", 2)[0].strip();
            String root = manifestUrl.toString().substring(0, manifestUrl.toString().length() - "META-INF/MANIFEST.MF".length());
            registry.add(order++, symbolicName, header, file -> {
                try {
                    return java.net.URI.create(root + file).toURL();
                } catch (java.net.MalformedURLException | IllegalArgumentException e) {
                    return null;
                }
            });
        }
        return registry;
    }

    private void add(long sourceId, String symbolicName, String header, Function<String, URL> entries) {
        catalogsBySource.put(sourceId, new Catalogs(symbolicName, header, entries));
        fireChange();
    }

    /** One bundle's catalog files, read when first asked for. */
    private static final class Catalogs {
        private final String symbolicName;
        private final String header;
        private final Function<String, URL> entries;
        private volatile List<CatalogEntry> loaded;
        private volatile List<String> problems;

        Catalogs(String symbolicName, String header, Function<String, URL> entries) {
            this.symbolicName = symbolicName;
            this.header = header;
            this.entries = entries;
        }

        List<CatalogEntry> entries() {
            load();
            return loaded;
        }

        List<String> problems() {
            load();
            return problems;
        }

        private synchronized void load() {
            if (loaded == null) {
                List<String> found = new ArrayList<>();
                List<CatalogEntry> read = CatalogRegistry.load(symbolicName, header, entries, found);
                problems = List.copyOf(found);
                loaded = read;
            }
        }
    }

    private static List<CatalogEntry> load(String symbolicName, String header, Function<String, URL> entries, List<String> problems) {
        List<CatalogEntry> loaded = new ArrayList<>();
        for (String path : header.split(",")) {
            String file = path.strip();
            String source = symbolicName + "/" + file;
            URL url = entries.apply(file);
            if (url == null) {
                problems.add(source + ": listed in " + CATALOG_HEADER + " but not in the bundle");
                continue;
            }
            try (InputStream in = url.openStream()) {
                CatalogParser.Result result = CatalogParser.parse(in, source);
                loaded.addAll(result.entries());
                problems.addAll(result.problems());
            } catch (IOException e) {
                problems.add(source + ": cannot be read: " + e.getMessage());
            }
        }
        return List.copyOf(loaded);
    }

    /** Lines of the present catalogs that could not be used, for the Diagnostics view and tests. */
    public List<String> problems() {
        List<String> all = new ArrayList<>();
        catalogsBySource.values().forEach(catalogs -> all.addAll(catalogs.problems()));
        return all;
    }

    private List<CatalogEntry> all() {
        List<CatalogEntry> all = new ArrayList<>();
        catalogsBySource.values().forEach(catalogs -> all.addAll(catalogs.entries()));
        return all;
    }

    /** Exact entries first, then the narrowest range. */
    private static final Comparator<CatalogEntry> MOST_SPECIFIC_FIRST =
            Comparator.comparingInt((CatalogEntry e) -> -Long.bitCount(e.mask()));

    @Override
    public Optional<Diagnosis> explain(ErrorCode code) {
        return all().stream().filter(e -> e.matches(code.namespace(), code.value()))
                .min(MOST_SPECIFIC_FIRST).map(e -> e.diagnose(code.value()));
    }

    @Override
    public List<Diagnosis> lookup(long value) {
        List<Diagnosis> found = new ArrayList<>();
        for (String namespace : namespaces()) {
            explain(ErrorCode.of(namespace, value)).ifPresent(found::add);
        }
        return found;
    }

    @Override
    public List<Diagnosis> closest(long value, int limit) {
        return all().stream().filter(CatalogEntry::isExact)
                .sorted(Comparator.comparingInt((CatalogEntry e) -> (e.value() >>> 16) == (value >>> 16) ? 0 : 1)
                        .thenComparingLong(e -> Math.abs(e.value() - value)))
                .limit(limit).map(CatalogEntry::describe).toList();
    }

    @Override
    public List<Diagnosis> entries(String namespace) {
        return all().stream().filter(e -> namespace.isEmpty() || e.namespace().equals(namespace))
                .sorted(Comparator.comparing(CatalogEntry::namespace).thenComparingLong(CatalogEntry::value))
                .map(CatalogEntry::describe).toList();
    }

    @Override
    public List<String> namespaces() {
        return all().stream().map(CatalogEntry::namespace).distinct().sorted().toList();
    }

    @Override
    public String render(TokenException failure) {
        return explain(failure.code())
                .map(d -> d.render() + System.lineSeparator() + "  Detail: " + failure.getMessage())
                .orElseGet(() -> DiagnosticsRegistry.plain(failure));
    }

    @Override
    public AutoCloseable onChange(Runnable listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    private void fireChange() {
        listeners.forEach(Runnable::run);
    }
}
