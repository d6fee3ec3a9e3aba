package org.tokenbench.pcsc.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The other programs that have the PC/SC client library loaded, found in {@code /proc/PID/maps}: the candidates
 * for "who holds the reader". pcsc-lite does not say which client holds a card, and other users' processes cannot be
 * read, so the answer may be incomplete.
 */
public final class SmartCardPrograms {

    private static final Path PROC = Path.of("/proc");

    private SmartCardPrograms() {
    }

    /** {@code comm (pid N)} for each other process (not this one, not pcscd) that loaded libpcsclite, by pid. */
    public static List<String> others() {
        long self = ProcessHandle.current().pid();
        TreeMap<Long, String> found = new TreeMap<>();
        try (DirectoryStream<Path> processes = Files.newDirectoryStream(PROC, p -> p.getFileName().toString().matches("\\d+"))) {
            for (Path process : processes) {
                long pid = Long.parseLong(process.getFileName().toString());
                if (pid != self && usesPcsc(process)) {
                    String name = command(process);
                    if (!name.equals("pcscd")) {
                        found.put(pid, name + " (pid " + pid + ")");
                    }
                }
            }
        } catch (IOException e) {
            // no /proc (not Linux): the message falls back to the generic advice
        }
        return new ArrayList<>(found.values());
    }

    private static boolean usesPcsc(Path process) {
        try (Stream<String> maps = Files.lines(process.resolve("maps"))) {
            return maps.anyMatch(line -> line.contains("libpcsclite"));
        } catch (IOException | UncheckedIOException e) {
            return false; // gone meanwhile, or another user's
        }
    }

    private static String command(Path process) {
        try {
            return Files.readString(process.resolve("comm")).strip();
        } catch (IOException e) {
            return "?";
        }
    }
}
