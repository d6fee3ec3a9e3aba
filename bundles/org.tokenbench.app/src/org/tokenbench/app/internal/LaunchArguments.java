package org.tokenbench.app.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * What the workbench was started with: {@code --open FILE} (or a lone FILE) names a QR image to decode in Program
 * Token. An otpauth URI is not taken from the command line: every local user can read a process's arguments
 * ({@code ps}, /proc), and the workbench would show the key there for its whole life. The user is told to pass the
 * image or paste the URI instead.
 */
record LaunchArguments(Optional<Path> image, Optional<String> problem) {

    static LaunchArguments parse(String[] args, Path workingDirectory) {
        String file = null;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.regionMatches(true, 0, "otpauth:", 0, 8) || arg.regionMatches(true, 0, "otpauth-migration:", 0, 18)) {
                return problem("tokenbench: an otpauth URI is not taken from the command line: other users can read "
                        + "process arguments; pass the QR image file (tokenbench --open FILE) or paste the URI into Program Token");
            }
            if (arg.equals("--open") && i + 1 < args.length) {
                file = args[++i];
            } else if (!arg.startsWith("-") && args.length == 1) {
                file = arg;
            }
        }
        if (file == null) {
            return new LaunchArguments(Optional.empty(), Optional.empty());
        }
        Path path = workingDirectory.resolve(file).toAbsolutePath().normalize();
        if (!Files.isRegularFile(path)) {
            return problem("tokenbench: " + file + " is not a file: give a QR image (PNG, JPEG, GIF, BMP) to open");
        }
        return new LaunchArguments(Optional.of(path), Optional.empty());
    }

    private static LaunchArguments problem(String text) {
        return new LaunchArguments(Optional.empty(), Optional.of(text));
    }

}
