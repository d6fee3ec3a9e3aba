package org.tokenbench.seedfiles;

/** CSV as TokenBench writes it (exports, batch reports): RFC 4180 quoting where a value needs it. */
public final class Csv {

    private Csv() {
    }

    /**
     * The value, quoted (with doubled quotes) when it holds a comma, a quote or a line break. A value a spreadsheet
     * would run as a formula (starting with {@code = + - @}, a TAB or a CR: an account name from a hostile seed file
     * such as {@code =HYPERLINK(…)}) gets a leading apostrophe, as OWASP's CSV-injection advice says, and is quoted.
     */
    public static String field(String value) {
        boolean formula = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0;
        String text = formula ? "'" + value : value;
        if (formula || text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            return "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }
}
