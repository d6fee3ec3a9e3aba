package org.tokenbench.cli.command;

/**
 * The command line is wrong in a way only the command can tell (two inputs that exclude each other, a value the
 * device cannot hold): exit code {@link ExitCode#USAGE}, the message and a pointer to the command's help on stderr.
 * What picocli can check by itself (unknown options, missing or unconvertible values) never reaches the command.
 */
public final class UsageException extends Exception {

    private static final long serialVersionUID = 1L;

    public UsageException(String message) {
        super(message);
    }
}
