package org.tokenbench.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.tokenbench.ui.internal.views.Messages;

/**
 * Every views message has its field and the translated views keep no English label of their own: a new hard-coded label
 * fails here rather than showing up in English on a Chinese desktop ({@link TranslationsTest} checks the two languages
 * have the same keys and placeholders).
 */
class ViewMessagesTest {

    /** Views whose every user-visible text comes from {@link Messages}. */
    private static final List<String> TRANSLATED_VIEWS = List.of("FleetView", "ActivityView", "BatchesView", "DiagnosticsView", "CredentialsView",
            "EnrollView", "DriversView", "InstallDriverDialog");

    /** A capitalised English word of three letters or more ("Refresh", "Clock skew") inside a string literal. */
    private static final Pattern ENGLISH_WORD = Pattern.compile("\\b[A-Z][a-z]{2,}\\b");
    private static final Pattern STRING_LITERAL = Pattern.compile("\"(?:[^\"\\\\\\n]|\\\\.)*\"");
    private static final Pattern COMMENT = Pattern.compile("//[^\\n]*|/\\*.*?\\*/", Pattern.DOTALL);

    @Test
    void everyMessageHasAFieldAndEveryFieldAMessage() throws Exception {
        Set<String> fields = new TreeSet<>();
        for (Field field : Messages.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                fields.add(field.getName());
                assertNotNull(field.get(null), field.getName());
            }
        }
        assertEquals(new TreeSet<>(load("messages.properties").stringPropertyNames()), fields);
    }

    @Test
    void theTranslatedViewsHaveNoEnglishLabelInTheirCode() throws IOException {
        String sources = System.getProperty("tokenbench.ui.sources");
        assertNotNull(sources, "the pom passes tokenbench.ui.sources, the ui bundle's src folder");
        List<String> found = new ArrayList<>();
        for (String view : TRANSLATED_VIEWS) {
            Path file = Path.of(sources, "org/tokenbench/ui/internal/views", view + ".java");
            String code = COMMENT.matcher(Files.readString(file)).replaceAll("");
            Matcher literal = STRING_LITERAL.matcher(code);
            while (literal.find()) {
                if (ENGLISH_WORD.matcher(literal.group()).find()) {
                    found.add(view + ": " + literal.group());
                }
            }
        }
        assertEquals(List.of(), found, "put these texts into Messages (messages.properties and messages_zh.properties)");
    }

    private static Properties load(String name) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = Messages.class.getResourceAsStream(name)) {
            assertNotNull(in, name);
            properties.load(in);
        }
        return properties;
    }
}
