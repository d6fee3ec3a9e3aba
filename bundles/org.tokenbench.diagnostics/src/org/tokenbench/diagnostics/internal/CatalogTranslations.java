package org.tokenbench.diagnostics.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;

/**
 * Translations of a catalog: {@code skf_zh.catalog} beside {@code skf.catalog}, the same format and the same codes,
 * found for a locale in {@link ResourceBundle}'s order (zh_CN: {@code skf_zh_Hans_CN}, {@code skf_zh_Hans},
 * {@code skf_zh_CN}, {@code skf_zh}, then the catalog itself). Each text field comes from the most specific translation
 * that fills it, else from the catalog (English). Codes and severities are never translated: a translation only
 * names its codes, and a severity it gives must be the catalog's.
 * <p>A translation that misses a code, has a code the catalog lacks, or leaves a text empty that the catalog fills is
 * reported (registry problems, {@link #compare}), so a new English entry cannot go untranslated unnoticed.
 */
public final class CatalogTranslations {

    private static final ResourceBundle.Control ORDER = ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_DEFAULT);
    private static final String SUFFIX = ".catalog";

    private CatalogTranslations() {
    }

    /** The locales whose translations apply to {@code locale}, most specific first; empty for the root locale. */
    public static List<Locale> candidates(Locale locale) {
        return ORDER.getCandidateLocales("", locale).stream().filter(candidate -> !candidate.equals(Locale.ROOT)).toList();
    }

    /** Where the {@code locale} translation of {@code catalog} lies: catalogs/skf.catalog, zh → catalogs/skf_zh.catalog. */
    public static String fileName(String catalog, Locale locale) {
        String base = catalog.endsWith(SUFFIX) ? catalog.substring(0, catalog.length() - SUFFIX.length()) : catalog;
        return ORDER.toBundleName(base, locale) + SUFFIX;
    }

    /**
     * How a translation differs from its catalog in what it must share (every problem names its code); empty when
     * the translation is complete. For tests and vendors' builds.
     */
    public static List<String> compare(InputStream catalog, String catalogSource, InputStream translation, String translationSource)
            throws IOException {
        CatalogParser.Result base = CatalogParser.parse(catalog, catalogSource);
        CatalogParser.Result translated = CatalogParser.parseTranslation(translation, translationSource);
        List<String> problems = new ArrayList<>(base.problems());
        problems.addAll(translated.problems());
        merge(base.entries(), List.of(new Translation(translationSource, translated.entries())), problems);
        return problems;
    }

    /**
     * The catalog's entries with the translations' texts, {@code translations} most specific first. Adds to
     * {@code problems} what each translation lacks or has too much.
     */
    static List<CatalogEntry> merge(List<CatalogEntry> catalog, List<Translation> translations, List<String> problems) {
        List<Map<String, CatalogEntry>> byKey = new ArrayList<>();
        for (Translation translation : translations) {
            Map<String, CatalogEntry> entries = new LinkedHashMap<>();
            for (CatalogEntry entry : translation.entries()) {
                if (entries.putIfAbsent(key(entry), entry) != null) {
                    problems.add(entry.source() + ": " + name(entry) + " is translated twice; the first one is used");
                }
            }
            byKey.add(entries);
        }
        List<CatalogEntry> merged = new ArrayList<>(catalog.size());
        for (CatalogEntry entry : catalog) {
            String title = entry.title();
            String explanation = entry.explanation();
            List<String> causes = entry.causes();
            String remedy = entry.remedy();
            String family = entry.family();
            // Fill from the least specific translation up, so the most specific one that has a text wins.
            for (int i = byKey.size() - 1; i >= 0; i--) {
                CatalogEntry translated = byKey.get(i).remove(key(entry));
                if (translated == null) {
                    problems.add(translations.get(i).source() + ": no translation of " + name(entry) + " (" + entry.title()
                            + "); it shows in English");
                    continue;
                }
                check(entry, translated, problems);
                title = pick(translated.title(), title);
                explanation = pick(translated.explanation(), explanation);
                causes = translated.causes().isEmpty() ? causes : translated.causes();
                remedy = pick(translated.remedy(), remedy);
                family = pick(translated.family(), family);
            }
            merged.add(new CatalogEntry(entry.namespace(), entry.value(), entry.mask(), entry.severity(), title, explanation, causes,
                    remedy, family, entry.source()));
        }
        for (Map<String, CatalogEntry> extra : byKey) {
            extra.values().forEach(entry -> problems.add(entry.source() + ": " + name(entry)
                    + " is not in the catalog it translates; remove it or correct its code"));
        }
        return List.copyOf(merged);
    }

    private static void check(CatalogEntry entry, CatalogEntry translated, List<String> problems) {
        String where = translated.source() + ": " + name(entry);
        if (translated.severity() != null && translated.severity() != entry.severity()) {
            problems.add(where + " has severity " + translated.severity().name().toLowerCase(Locale.ROOT) + ", the catalog "
                    + entry.severity().name().toLowerCase(Locale.ROOT) + "; severities are not translated (leave the field empty)");
        }
        List<String> untranslated = new ArrayList<>();
        if (translated.title().isEmpty()) {
            untranslated.add("title");
        }
        if (translated.explanation().isEmpty() && !entry.explanation().isEmpty()) {
            untranslated.add("explanation");
        }
        if (translated.causes().size() != entry.causes().size()) {
            untranslated.add("causes (" + translated.causes().size() + " of " + entry.causes().size() + ")");
        }
        if (translated.remedy().isEmpty()) {
            untranslated.add("remedy");
        }
        if (!untranslated.isEmpty()) {
            problems.add(where + " lacks its translated " + String.join(", ", untranslated) + "; English shows there");
        }
    }

    private static String pick(String translated, String english) {
        return translated.isEmpty() ? english : translated;
    }

    private static String key(CatalogEntry entry) {
        return entry.namespace() + ":" + entry.value() + "/" + entry.mask();
    }

    private static String name(CatalogEntry entry) {
        return entry.namespace() + ":" + entry.pattern();
    }

    /** One translation file's entries; {@code source} names it (bundle/file) in problems. */
    record Translation(String source, List<CatalogEntry> entries) {
    }
}
