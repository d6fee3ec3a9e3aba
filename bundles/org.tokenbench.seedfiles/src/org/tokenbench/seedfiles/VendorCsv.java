package org.tokenbench.seedfiles;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.tokenbench.core.Secret;
import org.tokenbench.core.TokenException;
import org.tokenbench.otp.Base32;
import org.tokenbench.otp.OtpAccount;
import org.tokenbench.otp.OtpAlgorithm;
import org.tokenbench.otp.OtpParams;
import org.tokenbench.otp.OtpType;
import org.tokenbench.seedfiles.internal.PrivateText;
import org.tokenbench.seedfiles.internal.SafeXml;

/**
 * The seed lists token vendors ship beside a box of TOTP tokens: one token a line, {@code serial,base32} or
 * {@code serial,base32,algorithm,digits,period}; a first line naming the columns ({@code serial,secret,algorithm,
 * digits,period,account,issuer,manufacturer,model} in any order) is read as a header. Lines starting with {@code #}
 * and blank lines are skipped. Each line succeeds or fails on its own; the seed text is never copied into a String.
 */
public final class VendorCsv {

    private static final Map<String, String> COLUMN_NAMES = Map.ofEntries(Map.entry("serial", "serial"),
            Map.entry("serial number", "serial"), Map.entry("serialno", "serial"), Map.entry("secret", "secret"),
            Map.entry("seed", "secret"), Map.entry("key", "secret"), Map.entry("base32", "secret"), Map.entry("secret key", "secret"),
            Map.entry("algorithm", "algorithm"), Map.entry("hash", "algorithm"), Map.entry("digits", "digits"),
            Map.entry("period", "period"), Map.entry("time interval", "period"), Map.entry("timestep", "period"),
            Map.entry("account", "account"), Map.entry("upn", "account"), Map.entry("user", "account"), Map.entry("issuer", "issuer"),
            Map.entry("manufacturer", "manufacturer"), Map.entry("model", "model"));
    private static final List<String> POSITIONAL = List.of("serial", "secret", "algorithm", "digits", "period");

    private VendorCsv() {
    }

    public static SeedImport read(byte[] content) throws TokenException {
        if (content.length > SafeXml.MAX_BYTES) {
            throw new TokenException(SeedFileCodes.TOO_LARGE, "the file has " + content.length + " bytes; seed files are limited to "
                    + SafeXml.MAX_BYTES);
        }
        CharBuffer decoded = StandardCharsets.UTF_8.decode(ByteBuffer.wrap(content));
        char[] text = new char[decoded.remaining()];
        decoded.get(text);
        if (decoded.hasArray()) {
            Arrays.fill(decoded.array(), '\0');
        }
        List<SeedEntry> entries = new ArrayList<>();
        List<Rejection> rejections = new ArrayList<>();
        PrivateText rejected = new PrivateText();
        try {
            Map<String, Integer> columns = null;
            int width = POSITIONAL.size();
            Set<String> serials = new HashSet<>();
            int lineNumber = 0;
            int start = 0;
            while (start < text.length) {
                int end = start;
                while (end < text.length && text[end] != '\n') {
                    end++;
                }
                lineNumber++;
                CharBuffer line = CharBuffer.wrap(text, start, trimmedEnd(text, start, end) - start);
                start = end + 1;
                String first = field(line, 0).toString().strip();
                if (blank(line) || first.startsWith("#")) {
                    continue;
                }
                if (columns == null && COLUMN_NAMES.containsKey(first.toLowerCase(Locale.ROOT).replace("\uFEFF", ""))) {
                    columns = header(line);
                    width = fieldCount(line);
                    rejected.append(line).append('\n');
                    continue;
                }
                if (columns == null) {
                    columns = positional();
                }
                try {
                    if (fieldCount(line) > width) {
                        // Values without a column (an algorithm or period the header does not name) must not be dropped silently.
                        throw new TokenException(SeedFileCodes.BAD_LINE, "it has " + fieldCount(line) + " fields but the "
                                + (width == POSITIONAL.size() ? "serial,secret,algorithm,digits,period layout" : "header") + " has " + width);
                    }
                    SeedEntry entry = entry(line, columns);
                    if (!serials.add(entry.serial())) {
                        entry.close();
                        throw new TokenException(SeedFileCodes.DUPLICATE_SERIAL, "serial " + entry.serial() + " appears twice in the file");
                    }
                    entries.add(entry);
                } catch (TokenException e) {
                    String serial = columns.containsKey("serial") ? field(line, columns.get("serial")).toString().strip() : "";
                    rejections.add(new Rejection(lineNumber, serial, e.code(), "line " + lineNumber + ": " + e.getMessage()));
                    rejected.append(line).append('\n');
                }
            }
            return new SeedImport(entries, rejections, rejected.toUtf8AndWipe());
        } catch (RuntimeException e) {
            entries.forEach(SeedEntry::close);
            throw e;
        } finally {
            Arrays.fill(text, '\0');
            rejected.toUtf8AndWipe();
        }
    }

    private static int trimmedEnd(char[] text, int start, int end) {
        while (end > start && (text[end - 1] == '\r' || text[end - 1] == ' ')) {
            end--;
        }
        return end;
    }

    private static Map<String, Integer> positional() {
        Map<String, Integer> columns = new HashMap<>();
        for (int i = 0; i < POSITIONAL.size(); i++) {
            columns.put(POSITIONAL.get(i), i);
        }
        return columns;
    }

    private static Map<String, Integer> header(CharBuffer line) throws TokenException {
        Map<String, Integer> columns = new HashMap<>();
        for (int i = 0; i < fieldCount(line); i++) {
            String name = field(line, i).toString().strip().toLowerCase(Locale.ROOT).replace("\uFEFF", "");
            String column = COLUMN_NAMES.get(name);
            if (column != null) {
                columns.put(column, i);
            }
        }
        if (!columns.containsKey("serial") || !columns.containsKey("secret")) {
            throw new TokenException(SeedFileCodes.NOT_A_SEED_FILE, "the header names no serial or no secret column");
        }
        return columns;
    }

    private static SeedEntry entry(CharBuffer line, Map<String, Integer> columns) throws TokenException {
        String serial = value(line, columns, "serial");
        if (serial.isEmpty()) {
            throw new TokenException(SeedFileCodes.BAD_LINE, "no serial");
        }
        CharSequence secretText = columns.get("secret") < fieldCount(line) ? field(line, columns.get("secret")) : "";
        if (blank(secretText)) {
            throw new TokenException(SeedFileCodes.BAD_LINE, "no seed for serial " + serial);
        }
        String algorithmName = value(line, columns, "algorithm");
        OtpAlgorithm algorithm = algorithmName.isEmpty() ? OtpAlgorithm.SHA1 : OtpAlgorithm.fromName(algorithmName)
                .orElseThrow(() -> new TokenException(SeedFileCodes.BAD_LINE, "algorithm '" + algorithmName + "' is not SHA1, SHA256, SHA512 or SM3"));
        int digits = number(value(line, columns, "digits"), 6, "digits");
        int period = number(value(line, columns, "period"), 30, "period");
        OtpParams params = OtpParams.of(OtpType.TOTP, algorithm, digits, period, 0, value(line, columns, "issuer"),
                value(line, columns, "account"));
        Secret secret = Base32.decode(secretText);
        return new SeedEntry(serial, value(line, columns, "manufacturer"), value(line, columns, "model"),
                new OtpAccount(params, secret, List.of()));
    }

    private static int number(String text, int absent, String what) throws TokenException {
        if (text.isEmpty()) {
            return absent;
        }
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new TokenException(SeedFileCodes.BAD_LINE, what + " '" + text + "' is not a number");
        }
    }

    /** A non-secret column's value, unquoted. */
    private static String value(CharBuffer line, Map<String, Integer> columns, String column) {
        Integer index = columns.get(column);
        if (index == null || index >= fieldCount(line)) {
            return "";
        }
        String value = field(line, index).toString().strip();
        return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"") ? value.substring(1, value.length() - 1) : value;
    }

    private static boolean blank(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            if (!Character.isWhitespace(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static int fieldCount(CharBuffer line) {
        int count = 1;
        for (int i = 0; i < line.length(); i++) {
            if (line.charAt(i) == ',') {
                count++;
            }
        }
        return count;
    }

    /** Field {@code index} as a view of the line (no copy), or empty. */
    private static CharSequence field(CharBuffer line, int index) {
        int start = 0;
        for (int i = 0; i < index; i++) {
            while (start < line.length() && line.charAt(start) != ',') {
                start++;
            }
            if (start >= line.length()) {
                return "";
            }
            start++;
        }
        int end = start;
        while (end < line.length() && line.charAt(end) != ',') {
            end++;
        }
        return line.subSequence(start, end);
    }
}
