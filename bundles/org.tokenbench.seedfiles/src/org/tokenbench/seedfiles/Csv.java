package org.tokenbench.seedfiles;

/** CSV as TokenBench writes it (exports, batch reports): RFC 4180 quoting where a value needs it. */
public final class Csv {

    private Csv() {
    }

    /** The value, quoted (with doubled quotes) when it holds a comma, a quote or a line break. */
    public static String field(String value) {
        if (value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r")) {
            return "\"" + value.replace("\"", "\"\"") + "\"";
        }
        return value;
    }
}
