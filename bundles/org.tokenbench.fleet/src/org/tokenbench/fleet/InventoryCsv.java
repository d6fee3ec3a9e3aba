package org.tokenbench.fleet;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.tokenbench.core.fleet.DeviceInventory.Entry;

/**
 * The inventory as CSV (RFC 4180, a header line, CRLF) for spreadsheets and asset registers. A cell starting with
 * {@code = + - @} (other than a negative number) gets a leading apostrophe, so a serial or owner cannot become a spreadsheet formula.
 */
public final class InventoryCsv {

    public static final List<String> COLUMNS = List.of("family", "serial", "driver", "firmware", "owner", "account", "state",
            "lastSkewSeconds", "firstSeen", "lastSeen");

    private InventoryCsv() {
    }

    public static String format(List<Entry> entries) {
        StringBuilder csv = new StringBuilder(line(COLUMNS.stream()));
        for (Entry entry : entries) {
            csv.append(line(Stream.of(entry.family(), entry.serial(), entry.driver(), entry.firmware(), entry.owner(), entry.account(),
                    entry.state().name().toLowerCase(java.util.Locale.ROOT),
                    entry.lastSkew().map(skew -> Long.toString(skew.toSeconds())).orElse(""), entry.firstSeen().toString(),
                    entry.lastSeen().toString())));
        }
        return csv.toString();
    }

    private static String line(Stream<String> cells) {
        return cells.map(InventoryCsv::cell).collect(Collectors.joining(",", "", "\r\n"));
    }

    static String cell(String value) {
        boolean formula = !value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0 && !value.matches("-\\d+");
        String safe = formula ? "'" + value : value;
        if (safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")) {
            return '"' + safe.replace("\"", "\"\"") + '"';
        }
        return safe;
    }
}
