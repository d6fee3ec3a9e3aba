package org.tokenbench.diagnostics.internal;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.ArrayList;
import java.nio.file.NoSuchFileException;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
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
 * Texts come in {@link Locale#getDefault()} at each call, or a caller's locale ({@link #forLocale}), from
 * translations beside the catalogs ({@link CatalogTranslations}).
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

    /**
     * One bundle's catalog files, read when first asked for; their translations for a locale likewise, when a
     * lookup in that locale first needs them.
     */
    private static final class Catalogs {
        private final String symbolicName;
        private final String header;
        private final Function<String, URL> entries;
        private volatile Map<String, List<CatalogEntry>> loaded;
        private volatile List<String> problems;
        private final Map<Locale, List<CatalogEntry>> translated = new ConcurrentHashMap<>();
        private final Set<String> translationProblems = ConcurrentHashMap.newKeySet();

        Catalogs(String symbolicName, String header, Function<String, URL> entries) {
            this.symbolicName = symbolicName;
            this.header = header;
            this.entries = entries;
        }

        List<CatalogEntry> entries(Locale locale) {
            load();
            List<Locale> candidates = CatalogTranslations.candidates(locale);
            if (candidates.isEmpty()) {
                return loaded.values().stream().flatMap(List::stream).toList();
            }
            return translated.computeIfAbsent(locale, any -> translate(candidates));
        }

        List<String> problems() {
            load();
            List<String> all = new ArrayList<>(problems);
            all.addAll(new TreeSet<>(translationProblems));
            return all;
        }

        private synchronized void load() {
            if (loaded == null) {
                List<String> found = new ArrayList<>();
                Map<String, List<CatalogEntry>> read = new LinkedHashMap<>();
                for (String path : header.split(",")) {
                    String file = path.strip();
                    read(file, false, found).ifPresent(result -> read.put(file, result));
                }
                problems = List.copyOf(found);
                loaded = read;
            }
        }

        private List<CatalogEntry> translate(List<Locale> candidates) {
            List<String> found = new ArrayList<>();
            List<CatalogEntry> all = new ArrayList<>();
            loaded.forEach((file, catalog) -> {
                List<CatalogTranslations.Translation> translations = new ArrayList<>();
                for (Locale candidate : candidates) {
                    String translation = CatalogTranslations.fileName(file, candidate);
                    read(translation, true, found).ifPresent(
                            result -> translations.add(new CatalogTranslations.Translation(symbolicName + "/" + translation, result)));
                }
                all.addAll(translations.isEmpty() ? catalog : CatalogTranslations.merge(catalog, translations, found));
            });
            translationProblems.addAll(found);
            return List.copyOf(all);
        }

        /** A catalog file's entries, or nothing when it is absent (an error for a catalog, normal for a translation). */
        private Optional<List<CatalogEntry>> read(String file, boolean translation, List<String> problems) {
            String source = symbolicName + "/" + file;
            URL url = entries.apply(file);
            if (url == null) {
                if (!translation) {
                    problems.add(source + ": listed in " + CATALOG_HEADER + " but not in the bundle");
                }
                return Optional.empty();
            }
            try (InputStream in = url.openStream()) {
                CatalogParser.Result result = translation ? CatalogParser.parseTranslation(in, source) : CatalogParser.parse(in, source);
                problems.addAll(result.problems());
                return Optional.of(result.entries());
            } catch (FileNotFoundException | NoSuchFileException e) {
                // The class path's URLs are made up without looking: a missing translation shows here.
                if (!translation) {
                    problems.add(source + ": listed in " + CATALOG_HEADER + " but not in the jar");
                }
                return Optional.empty();
            } catch (IOException e) {
                problems.add(source + ": cannot be read: " + e.getMessage());
                return Optional.empty();
            }
        }
    }

    /** Lines of the present catalogs that could not be used, for the Diagnostics view and tests. */
    public List<String> problems() {
        List<String> all = new ArrayList<>();
        catalogsBySource.values().forEach(catalogs -> all.addAll(catalogs.problems()));
        return all;
    }

    private List<CatalogEntry> all(Locale locale) {
        List<CatalogEntry> all = new ArrayList<>();
        catalogsBySource.values().forEach(catalogs -> all.addAll(catalogs.entries(locale)));
        return all;
    }

    /** Exact entries first, then the narrowest range. */
    private static final Comparator<CatalogEntry> MOST_SPECIFIC_FIRST =
            Comparator.comparingInt((CatalogEntry e) -> -Long.bitCount(e.mask()));

    @Override
    public Optional<Diagnosis> explain(ErrorCode code) {
        return explain(code, Locale.getDefault());
    }

    @Override
    public List<Diagnosis> lookup(long value) {
        return lookup(value, Locale.getDefault());
    }

    @Override
    public List<Diagnosis> closest(long value, int limit) {
        return closest(value, limit, Locale.getDefault());
    }

    @Override
    public List<Diagnosis> entries(String namespace) {
        return entries(namespace, Locale.getDefault());
    }

    @Override
    public List<String> namespaces() {
        return all(Locale.ROOT).stream().map(CatalogEntry::namespace).distinct().sorted().toList();
    }

    @Override
    public String render(TokenException failure) {
        return render(failure, Locale.getDefault());
    }

    @Override
    public DiagnosticsRegistry forLocale(Locale locale) {
        return new InLocale(this, locale);
    }

    Optional<Diagnosis> explain(ErrorCode code, Locale locale) {
        return all(locale).stream().filter(e -> e.matches(code.namespace(), code.value()))
                .min(MOST_SPECIFIC_FIRST).map(e -> e.diagnose(code.value(), locale));
    }

    List<Diagnosis> lookup(long value, Locale locale) {
        List<Diagnosis> found = new ArrayList<>();
        for (String namespace : namespaces()) {
            explain(ErrorCode.of(namespace, value), locale).ifPresent(found::add);
        }
        return found;
    }

    List<Diagnosis> closest(long value, int limit, Locale locale) {
        return all(locale).stream().filter(CatalogEntry::isExact)
                .sorted(Comparator.comparingInt((CatalogEntry e) -> (e.value() >>> 16) == (value >>> 16) ? 0 : 1)
                        .thenComparingLong(e -> Math.abs(e.value() - value)))
                .limit(limit).map(e -> e.describe(locale)).toList();
    }

    List<Diagnosis> entries(String namespace, Locale locale) {
        return all(locale).stream().filter(e -> namespace.isEmpty() || e.namespace().equals(namespace))
                .sorted(Comparator.comparing(CatalogEntry::namespace).thenComparingLong(CatalogEntry::value))
                .map(e -> e.describe(locale)).toList();
    }

    String render(TokenException failure, Locale locale) {
        return explain(failure.code(), locale)
                .map(d -> d.render() + System.lineSeparator() + "  " + Labels.of(locale).detail(failure.getMessage()))
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

    /** The registry's catalogs in one fixed language. */
    private record InLocale(CatalogRegistry registry, Locale locale) implements DiagnosticsRegistry {

        @Override
        public Optional<Diagnosis> explain(ErrorCode code) {
            return registry.explain(code, locale);
        }

        @Override
        public List<Diagnosis> lookup(long value) {
            return registry.lookup(value, locale);
        }

        @Override
        public List<Diagnosis> closest(long value, int limit) {
            return registry.closest(value, limit, locale);
        }

        @Override
        public List<Diagnosis> entries(String namespace) {
            return registry.entries(namespace, locale);
        }

        @Override
        public List<String> namespaces() {
            return registry.namespaces();
        }

        @Override
        public String render(TokenException failure) {
            return registry.render(failure, locale);
        }

        @Override
        public DiagnosticsRegistry forLocale(Locale other) {
            return registry.forLocale(other);
        }

        @Override
        public AutoCloseable onChange(Runnable listener) {
            return registry.onChange(listener);
        }
    }
}
