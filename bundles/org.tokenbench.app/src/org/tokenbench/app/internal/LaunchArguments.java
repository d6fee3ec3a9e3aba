package org.tokenbench.app.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.eclipse.osgi.util.NLS;

/**
 * What the workbench was started with: {@code --open FILE} (or a lone FILE) names a QR image to decode in Program
 * Token. An otpauth URI is not taken from the command line: every local user can read a process's arguments
 * ({@code ps}, /proc), and the workbench would show the key there for its whole life. The user is told to pass the
 * image or paste the URI instead.
 */
record LaunchArguments(Optional<Path> image, Optional<String> problem) {

    /** The exit code for arguments the workbench refuses (the CLI's usage-error code: nothing was attempted). */
    static final int USAGE = 2;

    static LaunchArguments parse(String[] args, Path workingDirectory) {
        String file = null;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.regionMatches(true, 0, "otpauth:", 0, 8) || arg.regionMatches(true, 0, "otpauth-migration:", 0, 18)) {
                // the launcher script refuses it before Java starts, with the English text of this message
                return problem(Messages.launchOtpauthRefused);
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
            return problem(NLS.bind(Messages.launchNotAFile, file));
        }
        return new LaunchArguments(Optional.of(path), Optional.empty());
    }

    private static LaunchArguments problem(String text) {
        return new LaunchArguments(Optional.empty(), Optional.of(text));
    }

}
