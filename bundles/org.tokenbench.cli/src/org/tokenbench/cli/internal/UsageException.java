package org.tokenbench.cli.internal;

/** The command line itself is wrong (unknown command, missing option): exit code 2 with a hint. */
public final class UsageException extends Exception {

    private static final long serialVersionUID = 1L;

    public UsageException(String message) {
        super(message);
    }
}
