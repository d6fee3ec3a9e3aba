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
 * The registry as an extender: it watches every bundle for the catalog header, loads the files it names
 * when the bundle starts (lazy activation counts) and forgets them when it stops.
 */
@Component(service = DiagnosticsRegistry.class, immediate = true)
public final class CatalogRegistry implements DiagnosticsRegistry {

    private final Map<Long, List<CatalogEntry>> entriesByBundle = new ConcurrentHashMap<>();
    private final Map<Long, List<String>> problemsByBundle = new ConcurrentHashMap<>();
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
                List<String> problems = new ArrayList<>();
                entriesByBundle.put(bundle.getBundleId(), load(bundle, header, problems));
                problemsByBundle.put(bundle.getBundleId(), List.copyOf(problems));
                fireChange();
                return bundle;
            }

            @Override
            public void removedBundle(Bundle bundle, BundleEvent event, Bundle object) {
                entriesByBundle.remove(bundle.getBundleId());
                problemsByBundle.remove(bundle.getBundleId());
                fireChange();
            }
        };
        tracker.open();
    }

    @Deactivate
    void deactivate() {
        tracker.close();
        entriesByBundle.clear();
        problemsByBundle.clear();
    }

    private static List<CatalogEntry> load(Bundle bundle, String header, List<String> problems) {
        List<CatalogEntry> loaded = new ArrayList<>();
        for (String path : header.split(",")) {
            String file = path.strip();
            String source = bundle.getSymbolicName() + "/" + file;
            URL url = bundle.getEntry(file);
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
        problemsByBundle.values().forEach(all::addAll);
        return all;
    }

    private List<CatalogEntry> all() {
        List<CatalogEntry> all = new ArrayList<>();
        entriesByBundle.values().forEach(all::addAll);
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
