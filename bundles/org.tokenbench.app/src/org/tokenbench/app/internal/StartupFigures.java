package org.tokenbench.app.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** What start-up cost: time to the first window and resident memory (Linux /proc), for the UI test's printout. */
public final class StartupFigures {

    private StartupFigures() {
    }

    /** Milliseconds from JVM start until the first workbench window was open; -1 before. */
    public static long windowOpenAfterMillis() {
        return TokenBenchWindowAdvisor.windowOpenAfterMillis;
    }

    /** Resident set size in MB from /proc/self/status; -1 where there is no /proc. */
    public static long residentMegabytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            // not Linux: the figure is simply not available
        }
        return -1;
    }
}
