package org.tokenbench.platform.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Every error catalog of every bundle in the repository: a namespace:code pair is explained by one catalog only. Two
 * bundles may share a namespace (the SKF transport and the Guomi driver both say "guomi"), so a code chosen in one
 * can silently shadow the other's at run time.
 */
class CatalogRulesTest {

    private static final Path REPOSITORY = Path.of(System.getProperty("tokenbench.repository", "../..")).toAbsolutePath().normalize();

    @Test
    void noCodeIsDefinedByTwoCatalogs() throws IOException {
        Map<String, List<String>> definedBy = new TreeMap<>();
        List<Path> catalogs;
        try (Stream<Path> files = Files.walk(REPOSITORY.resolve("bundles"), 3)) {
            catalogs = files.filter(p -> p.toString().endsWith(".catalog") && p.getParent().getFileName().toString().equals("catalogs"))
                    .filter(p -> !isTranslation(p)).sorted().toList();
        }
        assertFalse(catalogs.isEmpty(), "no catalog found under " + REPOSITORY);
        for (Path catalog : catalogs) {
            String namespace = null;
            for (String line : Files.readAllLines(catalog)) {
                String text = line.strip();
                if (text.startsWith("namespace")) {
                    namespace = text.substring(text.indexOf('=') + 1).strip();
                } else if (text.matches("0x[0-9A-Fa-f]+\\s*\\|.*")) {
                    String code = namespace + ":" + text.substring(0, text.indexOf('|')).strip().toUpperCase().replace("0X", "0x");
                    definedBy.computeIfAbsent(code, c -> new ArrayList<>()).add(REPOSITORY.relativize(catalog).toString());
                }
            }
        }
        Map<String, List<String>> twice = new TreeMap<>();
        definedBy.forEach((code, files) -> {
            if (files.size() > 1) {
                twice.put(code, files);
            }
        });
        assertEquals(Map.of(), twice);
    }

    /** skf_zh.catalog beside skf.catalog translates it (same codes, by design): docs/translations.md. */
    private static boolean isTranslation(Path catalog) {
        Matcher name = TRANSLATION.matcher(catalog.getFileName().toString());
        return name.matches() && Files.exists(catalog.resolveSibling(name.group(1) + ".catalog"));
    }

    private static final Pattern TRANSLATION = Pattern.compile("(.+?)_[a-z]{2,3}(_[A-Za-z0-9]+)*\\.catalog");
}
