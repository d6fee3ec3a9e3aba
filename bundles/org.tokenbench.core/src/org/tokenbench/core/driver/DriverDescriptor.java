package org.tokenbench.core.driver;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.ResourceBundle;
import java.util.Set;

/**
 * A driver described as data, in the spirit of openHAB's thing-types: who ships it, what features its sessions
 * offer, and per family the ATR patterns and the settings a device can hold. A driver bundle ships it as a UTF-8
 * properties file, by default {@value #DEFAULT_RESOURCE}:
 *
 * <pre>
 * id = com.acme.tokenbench.driver
 * vendor = ACME
 * name = ACME programmable TOTP tokens
 * features = SeedProgramming, TokenClock
 * families = nfc, usb
 * nfc.name = ACME NFC token
 * nfc.atr = 3B 8F 80 01 80 4F 0C A0 00 00 03 06 03 00 03 00 00 00 00 68 | 3B 8. 80 01 *
 * nfc.algorithms = SHA1, SHA256
 * nfc.digits = 6
 * nfc.periods = 30, 60
 * nfc.display-seconds = 15, 30, 60, 120
 * nfc.profiles = 1
 * usb.atr = any
 * usb.pins = user, admin
 * dongle.reader = ACME Dongle*
 * </pre>
 *
 * {@code atr = any} says the driver cannot know its cards' ATRs (it is then asked about every card of its connection
 * type); families on transports without ATRs (SKF keys) leave {@code atr} out. {@code reader} names the readers a
 * family is known by when the device is its own USB reader (globs, {@code |}-separated): such a family is asked about
 * cards in those readers whatever their ATR.
 *
 * <p><b>Translations.</b> The names ({@code name}, {@code <family>.name}) may be translated in files beside the
 * descriptor, named as {@link java.util.ResourceBundle} names its candidates ({@code tokenbench-driver_zh.properties}
 * for Chinese, UTF-8) and holding only names; {@link #load(Class, String)} reads them for the JVM's language, the most
 * specific first, and a name no translation gives stays as the descriptor has it. Everything else (ids, ATRs,
 * settings) is never translated. A driver without translations is read as before.
 *
 * @param features the simple names of the feature interfaces the driver's sessions offer, for listings; a
 *                 session's {@link TokenSession#feature} is the authority
 */
public record DriverDescriptor(String id, String vendor, String name, List<String> features, List<FamilyDescriptor> families) {

    public static final String DEFAULT_RESOURCE = "OSGI-INF/tokenbench-driver.properties";
    private static final ResourceBundle.Control TRANSLATIONS =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    public DriverDescriptor {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(vendor, "vendor");
        Objects.requireNonNull(name, "name");
        features = List.copyOf(features);
        families = List.copyOf(families);
        if (families.isEmpty()) {
            throw new IllegalArgumentException("driver " + id + " describes no device family");
        }
    }

    public Optional<FamilyDescriptor> family(String familyId) {
        return families.stream().filter(f -> f.id().equals(familyId)).findFirst();
    }

    /**
     * Whether the card with this ATR in the reader named {@code reader} may belong to one of the families; drivers not
     * asked are sent no APDU.
     */
    public boolean mayClaim(Atr atr, String reader) {
        return families.stream().anyMatch(f -> f.mayBe(atr, reader));
    }

    /**
     * Reads the descriptor file {@code resource} of the bundle (class loader) that holds {@code driverClass}, with its
     * names in the JVM's language now.
     */
    public static DriverDescriptor load(Class<?> driverClass, String resource) {
        return load(driverClass, resource, Locale.getDefault());
    }

    /**
     * Reads the descriptor file {@code resource} of the bundle that holds {@code driverClass}, with its names in
     * {@code locale} where a translation beside it gives them ({@link Locale#ROOT}: the descriptor's own).
     *
     * @since 0.3.0
     */
    public static DriverDescriptor load(Class<?> driverClass, String resource, Locale locale) {
        ClassLoader loader = driverClass.getClassLoader();
        String source = driverClass.getName() + " " + resource;
        Properties properties = read(loader, resource, source).orElseThrow(
                () -> new IllegalStateException(driverClass.getName() + ": its bundle has no driver descriptor " + resource));
        String base = resource.endsWith(".properties") ? resource.substring(0, resource.length() - ".properties".length()) : resource;
        List<Locale> candidates = new ArrayList<>(TRANSLATIONS.getCandidateLocales("", locale));
        Collections.reverse(candidates); // the least specific first: the most specific translation has the last word
        for (Locale candidate : candidates) {
            if (!candidate.equals(Locale.ROOT)) {
                String translation = TRANSLATIONS.toBundleName(base, candidate) + ".properties";
                read(loader, translation, driverClass.getName() + " " + translation)
                        .ifPresent(names -> properties.putAll(names(names)));
            }
        }
        return parse(properties, source);
    }

    private static Optional<Properties> read(ClassLoader loader, String resource, String source) {
        try (InputStream in = loader == null ? null : loader.getResourceAsStream(resource)) {
            if (in == null) {
                return Optional.empty();
            }
            Properties properties = new Properties();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return Optional.of(properties);
        } catch (IOException e) {
            throw new IllegalStateException(source + " cannot be read", e);
        }
    }

    /**
     * A translation gives names only: a translated ATR or setting would make the driver behave differently by language,
     * so any other key in it is left out (not refused: a vendor's slip must not take the driver away from the users of
     * one language).
     */
    private static Properties names(Properties translation) {
        Properties names = new Properties();
        for (String key : translation.stringPropertyNames()) {
            if (key.equals("name") || key.endsWith(".name")) {
                names.setProperty(key, translation.getProperty(key));
            }
        }
        return names;
    }

    /** The descriptor in {@code properties}; {@code source} names the file in error messages. */
    public static DriverDescriptor parse(Properties properties, String source) {
        String id = required(properties, "id", source);
        List<FamilyDescriptor> families = new ArrayList<>();
        for (String family : words(properties.getProperty("families", ""))) {
            families.add(family(properties, family, source));
        }
        try {
            return new DriverDescriptor(id, shown(required(properties, "vendor", source)), shown(required(properties, "name", source)),
                    words(properties.getProperty("features", "")), families);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(source + ": " + e.getMessage(), e);
        }
    }

    private static FamilyDescriptor family(Properties p, String family, String source) {
        String prefix = family + ".";
        String atr = p.getProperty(prefix + "atr", "").strip();
        boolean any = atr.equalsIgnoreCase("any");
        List<AtrPattern> patterns = new ArrayList<>();
        if (!any && !atr.isEmpty()) {
            for (String pattern : atr.split("\\|")) {
                try {
                    patterns.add(AtrPattern.parse(pattern));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(source + ": " + prefix + "atr: " + e.getMessage(), e);
                }
            }
        }
        Set<HashAlgorithm> algorithms = EnumSet.noneOf(HashAlgorithm.class);
        for (String word : words(p.getProperty(prefix + "algorithms", ""))) {
            algorithms.add(HashAlgorithm.parse(word).orElseThrow(() -> new IllegalArgumentException(source + ": " + prefix
                    + "algorithms: unknown algorithm " + word + " (known: " + Arrays.toString(HashAlgorithm.values()) + ")")));
        }
        Set<PinType> pins = EnumSet.noneOf(PinType.class);
        for (String word : words(p.getProperty(prefix + "pins", ""))) {
            try {
                pins.add(PinType.valueOf(word.toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(source + ": " + prefix + "pins: unknown PIN type " + word + " (user, admin)");
            }
        }
        List<String> readers = Arrays.stream(p.getProperty(prefix + "reader", "").split("\\|")).map(String::strip)
                .filter(r -> !r.isEmpty()).toList();
        return new FamilyDescriptor(family, shown(p.getProperty(prefix + "name", family).strip()), any, patterns, readers, algorithms,
                numbers(p, prefix + "digits", source), numbers(p, prefix + "periods", source),
                numbers(p, prefix + "display-seconds", source), numbers(p, prefix + "profiles", source).stream().findFirst().orElse(
                        algorithms.isEmpty() ? 0 : 1), pins);
    }

    private static List<Integer> numbers(Properties p, String key, String source) {
        List<Integer> numbers = new ArrayList<>();
        for (String word : words(p.getProperty(key, ""))) {
            try {
                numbers.add(Integer.parseInt(word));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(source + ": " + key + ": '" + word + "' is not a number");
            }
        }
        return numbers;
    }

    private static String required(Properties p, String key, String source) {
        String value = p.getProperty(key, "").strip();
        if (value.isEmpty()) {
            throw new IllegalArgumentException(source + ": '" + key + "' is missing");
        }
        return value;
    }

    /** Longest name shown: a name is a table cell and a menu label, not a text. */
    static final int MAX_NAME_LENGTH = 120;

    /**
     * A name as the Drivers view, About and {@code tokenbench drivers} show it: control, line-break and bidi-override
     * characters from a vendor's file (or a translation of it) would forge a second line or reorder what follows, so
     * they become spaces; long names are cut.
     */
    private static String shown(String name) {
        String oneLine = name.replaceAll("[\\p{Cc}\\p{Zl}\\p{Zp}\\u061C\\u200E\\u200F\\u202A-\\u202E\\u2066-\\u2069]+", " ").strip();
        return oneLine.codePointCount(0, oneLine.length()) <= MAX_NAME_LENGTH ? oneLine
                : oneLine.substring(0, oneLine.offsetByCodePoints(0, MAX_NAME_LENGTH - 1)) + "\u2026";
    }

    private static List<String> words(String text) {
        return Arrays.stream(text.split("[,\\s]+")).filter(w -> !w.isEmpty()).toList();
    }
}
