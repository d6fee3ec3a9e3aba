package org.tokenbench.core;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Properties;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeSet;

/**
 * A bundle's words for users: {@code <name>.properties} (English) beside a class, with its translations beside it
 * ({@code <name>_zh.properties}, UTF-8), found in {@link ResourceBundle}'s order for the language asked and never in
 * the JVM's default language instead of another (the catalogs' rule, docs/translations.md). It reads through the
 * class's own class loader, so the same files work in OSGi and on the command line's plain class path, where there is
 * no Equinox NLS. Values are {@link MessageFormat} patterns: a literal apostrophe is written {@code ''}. Keep the
 * English ASCII: it is what a {@code LANG=C} terminal prints, where anything else shows as {@code ?}.
 *
 * @since 0.3.0
 */
public final class Texts {

    private static final ResourceBundle.Control NO_DEFAULT_LOCALE =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private final String baseName;
    private final ClassLoader loader;

    private Texts(String baseName, ClassLoader loader) {
        this.baseName = baseName;
        this.loader = loader;
    }

    /** The texts in {@code <name>.properties} in {@code anchor}'s package, read through {@code anchor}'s class loader. */
    public static Texts beside(Class<?> anchor, String name) {
        return new Texts(anchor.getPackageName() + "." + name, anchor.getClassLoader());
    }

    /** The text {@code key} in the JVM's language as it is now, filled with {@code arguments}. */
    public String get(String key, Object... arguments) {
        return get(Locale.getDefault(), key, arguments);
    }

    /** The text {@code key} in {@code locale} (English where no translation has it), filled with {@code arguments}. */
    public String get(Locale locale, String key, Object... arguments) {
        ResourceBundle bundle = ResourceBundle.getBundle(baseName, locale, loader, NO_DEFAULT_LOCALE);
        return new MessageFormat(bundle.getString(key), locale).format(arguments);
    }

    /** The keys of the English file. */
    public Set<String> keys() {
        return new TreeSet<>(read(baseName).stringPropertyNames());
    }

    /** The keys whose English text is not plain ASCII (a {@code LANG=C} terminal would show {@code ?}): empty when fine. */
    public Set<String> nonAsciiEnglish() {
        Set<String> keys = new TreeSet<>();
        read(baseName).forEach((key, value) -> {
            if (!value.toString().chars().allMatch(c -> c < 0x80)) {
                keys.add(key.toString());
            }
        });
        return keys;
    }

    /**
     * The keys the English file has and no translation for {@code locale} fills, then (prefixed {@code "extra "}) the
     * keys a translation has that the English file lacks: empty when the translation is complete (a test's drift check).
     */
    public Set<String> untranslated(Locale locale) {
        Set<String> english = read(baseName).stringPropertyNames();
        Set<String> translated = new TreeSet<>();
        for (Locale candidate : NO_DEFAULT_LOCALE.getCandidateLocales(baseName, locale)) {
            if (!candidate.equals(Locale.ROOT)) {
                read(NO_DEFAULT_LOCALE.toBundleName(baseName, candidate)).forEach((key, value) -> {
                    if (!value.toString().isBlank()) {
                        translated.add(key.toString());
                    }
                });
            }
        }
        Set<String> problems = new TreeSet<>(english);
        problems.removeAll(translated);
        translated.stream().filter(key -> !english.contains(key)).forEach(key -> problems.add("extra " + key));
        return problems;
    }

    private Properties read(String bundleName) {
        Properties properties = new Properties();
        String resource = bundleName.replace('.', '/') + ".properties";
        try (InputStream in = loader.getResourceAsStream(resource)) {
            if (in != null) {
                properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new IllegalStateException(resource + " cannot be read", e);
        }
        return properties;
    }
}
