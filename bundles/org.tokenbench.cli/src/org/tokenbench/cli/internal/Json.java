package org.tokenbench.cli.internal;

import java.util.Collection;
import java.util.Map;
import java.util.StringJoiner;

/**
 * A flat JSON object writer for {@code --json} output. The CLI only ever writes small, known shapes, so
 * a dependency on a JSON library is not worth its weight here.
 */
public final class Json {

    private final StringJoiner members = new StringJoiner(", ", "{", "}");

    public Json field(String name, Object value) {
        members.add(quote(name) + ": " + render(value));
        return this;
    }

    @Override
    public String toString() {
        return members.toString();
    }

    static String render(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof Number || value instanceof Boolean) {
            return value.toString();
        }
        if (value instanceof Json json) {
            return json.toString();
        }
        if (value instanceof Collection<?> items) {
            StringJoiner array = new StringJoiner(", ", "[", "]");
            items.forEach(item -> array.add(render(item)));
            return array.toString();
        }
        if (value instanceof Map<?, ?> map) {
            Json object = new Json();
            map.forEach((k, v) -> object.field(String.valueOf(k), v));
            return object.toString();
        }
        return quote(value.toString());
    }

    static String quote(String text) {
        StringBuilder quoted = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> quoted.append("\\\"");
                case '\\' -> quoted.append("\\\\");
                case '\n' -> quoted.append("\\n");
                case '\r' -> quoted.append("\\r");
                case '\t' -> quoted.append("\\t");
                default -> {
                    if (c < 0x20) {
                        quoted.append(String.format("\\u%04x", (int) c));
                    } else {
                        quoted.append(c);
                    }
                }
            }
        }
        return quoted.append('"').toString();
    }
}
