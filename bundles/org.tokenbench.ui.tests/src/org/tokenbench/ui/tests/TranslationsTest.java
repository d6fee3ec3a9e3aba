package org.tokenbench.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.net.URL;
import java.util.Properties;
import java.util.TreeSet;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;

/** Every English text of the workbench has its Simplified Chinese one (the same keys, none empty), with the agreed terms. */
class TranslationsTest {

    @ParameterizedTest
    @ValueSource(strings = {"org/tokenbench/ui/internal/editors/messages", "org/tokenbench/ui/internal/model/messages",
            "org/tokenbench/ui/internal/views/messages", "org/tokenbench/ui/internal/about/messages",
            "org/tokenbench/ui/internal/preferences/messages", "org/tokenbench/ui/internal/status/messages", "plugin"})
    void everyTextHasItsChineseOne(String base) throws Exception {
        Properties english = load(base + ".properties");
        Properties chinese = load(base + "_zh.properties");
        assertEquals(new TreeSet<>(english.stringPropertyNames()), new TreeSet<>(chinese.stringPropertyNames()), base);
        chinese.forEach((key, value) -> assertTrue(!value.toString().isBlank(), base + ": " + key + " is empty"));
        // NLS.bind fills {0}, {1} …: a translation that drops or adds one loses a value or shows "{1}"
        english.forEach((key, value) -> assertEquals(placeholders(value.toString()), placeholders(chinese.getProperty(key.toString())),
                base + ": " + key + " has other {n} placeholders in Chinese"));
        chinese.forEach((key, value) -> {
            String text = value.toString();
            // the glossary: a PIN is a PIN码, a certificate 证书 (never 认证), a Guomi key 国密U盾
            assertTrue(!text.contains("PIN") || text.contains("PIN码") || text.contains("PIN\u7801"), base + ": " + key + " says PIN without 码: " + text);
            assertTrue(!text.contains("\u8ba4\u8bc1\u4e66"), base + ": " + key + ": " + text);
        });
    }

    private static TreeSet<String> placeholders(String text) {
        return java.util.regex.Pattern.compile("\\{\\d+\\}").matcher(text).results().map(m -> m.group())
                .collect(java.util.stream.Collectors.toCollection(TreeSet::new));
    }

    private static Properties load(String path) throws Exception {
        Bundle ui = FrameworkUtil.getBundle(org.tokenbench.ui.internal.views.Widgets.class);
        URL url = ui.getEntry(path.startsWith("plugin") ? path : "src/" + path);
        if (url == null) {
            url = org.tokenbench.ui.internal.views.Widgets.class.getClassLoader().getResource(path);
        }
        Properties properties = new Properties();
        try (InputStream in = url.openStream()) {
            properties.load(in);
        }
        return properties;
    }
}
