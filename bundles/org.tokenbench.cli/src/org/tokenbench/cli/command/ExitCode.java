package org.tokenbench.cli.command;

/** Exit codes shared by every command, so scripts can tell "no" from "broken". */
public final class ExitCode {
    /** Done; the answer is on stdout. */
    public static final int OK = 0;
    /** Ran fine, and the answer is negative (code invalid, nothing found, unknown error code). */
    public static final int NEGATIVE = 1;
    /** The command line is wrong. */
    public static final int USAGE = 2;
    /** A device, library, file or input failed; stderr explains it. */
    public static final int FAILED = 3;
    /** Nothing failed, but some checks were skipped for want of an input (a CA file, a PIN): not a full pass. */
    public static final int UNCHECKED = 4;
    /** A defect in TokenBench itself. */
    public static final int INTERNAL = 70;

    private ExitCode() {
    }
}
