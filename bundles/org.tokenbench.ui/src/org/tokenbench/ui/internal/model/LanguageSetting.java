package org.tokenbench.ui.internal.model;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.tokenbench.core.PrivateFiles;
import org.tokenbench.core.TokenException;

/**
 * The workbench's language, chosen in Preferences › TokenBench › Language and applied at the next start: Equinox reads
 * {@code osgi.nl} from the {@code config.ini} of the user's configuration area (under {@code ~/.tokenbench/cache}) before
 * it loads any bundle, so plugin.xml labels, NLS messages and catalogs all follow it. Automatic removes the line: the OS
 * locale then decides. Plain Java over the file; the preference page and the tests use it.
 */
public final class LanguageSetting {

    /** The property Equinox reads its locale from. */
    static final String PROPERTY = "osgi.nl";

    /** The choices offered; each names itself in its own language. */
    public enum Choice {
        AUTOMATIC(null), ENGLISH("en"), SIMPLIFIED_CHINESE("zh_CN");

        private final String nl;

        Choice(String nl) {
            this.nl = nl;
        }

        /** The {@code osgi.nl} value, empty for Automatic. */
        public Optional<String> nl() {
            return Optional.ofNullable(nl);
        }

        public String label() {
            return switch (this) {
                case AUTOMATIC -> Messages.language_automatic;
                case ENGLISH -> "English";
                case SIMPLIFIED_CHINESE -> "\u7b80\u4f53\u4e2d\u6587";
            };
        }

        static Choice of(String nl) {
            if (nl == null || nl.isBlank()) {
                return AUTOMATIC;
            }
            return nl.strip().toLowerCase(Locale.ROOT).startsWith("zh") ? SIMPLIFIED_CHINESE : ENGLISH;
        }
    }

    private LanguageSetting() {
    }

    /** The choice {@code configIni} holds (Automatic when the file or the line is absent). */
    public static Choice read(Path configIni) throws TokenException {
        if (!Files.exists(configIni)) {
            return Choice.AUTOMATIC;
        }
        try {
            return Files.readAllLines(configIni, StandardCharsets.ISO_8859_1).stream().map(String::strip)
                    .filter(line -> line.startsWith(PROPERTY + "=")).map(line -> Choice.of(line.substring(PROPERTY.length() + 1)))
                    .reduce((first, last) -> last).orElse(Choice.AUTOMATIC);
        } catch (IOException e) {
            throw new TokenException(PrivateFiles.CANNOT_WRITE, configIni + " cannot be read: " + e.getMessage());
        }
    }

    /** Writes {@code choice} into {@code configIni}, keeping every other line as it was (the file is Equinox's). */
    public static void write(Path configIni, Choice choice) throws TokenException {
        List<String> lines = new ArrayList<>();
        try {
            if (Files.exists(configIni)) {
                Files.readAllLines(configIni, StandardCharsets.ISO_8859_1).stream().filter(line -> !line.strip().startsWith(PROPERTY + "="))
                        .forEach(lines::add);
            } else {
                Files.createDirectories(configIni.getParent());
            }
        } catch (IOException e) {
            throw new TokenException(PrivateFiles.CANNOT_WRITE, configIni + " cannot be read: " + e.getMessage());
        }
        choice.nl().ifPresent(nl -> lines.add(PROPERTY + "=" + nl));
        PrivateFiles.write(configIni, (String.join("\n", lines) + "\n").getBytes(StandardCharsets.ISO_8859_1));
    }

    /** Whether the running workbench shows another language than {@code choice} asks for (a restart applies it). */
    public static boolean restartNeeded(Choice choice, String runningNl, Locale osLocale) {
        String wanted = choice.nl().orElse(osLocale.toString());
        return Choice.of(wanted) != Choice.of(runningNl);
    }
}
