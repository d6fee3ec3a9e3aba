package org.tokenbench.cli.internal;

import java.util.List;

import org.tokenbench.core.TokenException;

/** One headless command ({@code tokenbench <name> …}). */
public interface Command {

    String name();

    /** One line for {@code tokenbench help}. */
    String summary();

    /** Returns the process exit code; see {@link ExitCode}. */
    int run(List<String> args, Console console) throws UsageException, TokenException;
}
