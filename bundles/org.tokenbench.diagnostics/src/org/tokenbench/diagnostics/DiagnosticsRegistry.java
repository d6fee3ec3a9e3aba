package org.tokenbench.diagnostics;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;
import org.tokenbench.core.ErrorCode;
import org.tokenbench.core.TokenException;

/**
 * Every error catalog present right now, merged. Bundles contribute catalogs by carrying a
 * {@value #CATALOG_HEADER} manifest header that lists catalog files (see the README); they are added when
 * the bundle starts and removed when it stops.
 * <p>Languages: texts come in {@link Locale#getDefault()} as it is at each call, or in the locale of a
 * {@link #forLocale} view. A catalog's translations lie beside it ({@code skf_zh.catalog} beside {@code skf.catalog},
 * the same codes) and are found in {@link java.util.ResourceBundle}'s order (zh_CN: {@code _zh_CN}, then {@code _zh},
 * then the catalog); whatever a translation lacks shows in English. Codes, patterns, severities and namespaces are
 * never translated (docs/translations.md).
 */
@ProviderType
public interface DiagnosticsRegistry {

    String CATALOG_HEADER = "TokenBench-ErrorCatalog";

    /** The entry for a code in its namespace; exact entries win over range entries such as {@code 0x63Cx}. */
    Optional<Diagnosis> explain(ErrorCode code);

    /** Every namespace's entry for a bare value, as when a user pastes "0x21250002" without context. */
    List<Diagnosis> lookup(long value);

    /** Known codes nearest to {@code value} (same namespace prefix first), for "did you mean". */
    List<Diagnosis> closest(long value, int limit);

    /** The entries of one namespace, or of all when {@code namespace} is empty, sorted by namespace and code. */
    List<Diagnosis> entries(String namespace);

    List<String> namespaces();

    /** A failure as users should read it: the catalog's title, cause and remedy, or the plain message. */
    String render(TokenException failure);

    /** How a failure reads when no catalog knows its code, or no registry runs: the message and the raw code. */
    static String plain(TokenException failure) {
        return failure.getMessage() + " [" + failure.code() + "]";
    }

    /**
     * A registry without OSGi, over the catalogs named by the {@value #CATALOG_HEADER} header of the jars
     * {@code loader} sees (read on the first lookup), for the headless commands' fast path.
     */
    static DiagnosticsRegistry fromClassPath(ClassLoader loader) throws java.io.IOException {
        return org.tokenbench.diagnostics.internal.CatalogRegistry.fromClassPath(loader);
    }

    /** The same over the given jars only, in their order (the fast path's build-time index of catalog jars). */
    static DiagnosticsRegistry fromJars(List<java.nio.file.Path> jars) throws java.io.IOException {
        return org.tokenbench.diagnostics.internal.CatalogRegistry.fromJars(jars);
    }

    /**
     * The same catalogs with texts (and {@link Diagnosis#render()}'s labels) in {@code locale}, whatever the default
     * locale is; {@link Locale#ROOT} gives the catalogs' own English.
     */
    DiagnosticsRegistry forLocale(Locale locale);

    /**
     * How a translation ({@code skf_zh.catalog}) differs from its catalog: codes it misses or the catalog lacks, a
     * severity it changes, texts it leaves untranslated; each problem names the code. Empty when complete: the check
     * TokenBench's tests run on its own translations, for vendors' builds too. The names only label the problems.
     */
    static List<String> checkTranslation(java.io.InputStream catalog, String catalogName, java.io.InputStream translation,
            String translationName) throws java.io.IOException {
        return org.tokenbench.diagnostics.internal.CatalogTranslations.compare(catalog, catalogName, translation, translationName);
    }

    /** Called with no argument whenever catalogs are added or removed; returns a handle to stop. */
    AutoCloseable onChange(Runnable listener);
}
