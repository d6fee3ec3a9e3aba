package org.tokenbench.cli.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.tokenbench.core.TokenException;

/** A command with sub-commands ({@code tokenbench otp code}, {@code tokenbench token program}). */
abstract class CommandGroup implements Command {

    @FunctionalInterface
    interface Subcommand {
        int run(List<String> args, Console console) throws UsageException, TokenException;
    }

    private final Map<String, Subcommand> subcommands = new LinkedHashMap<>();

    protected final void subcommand(String name, Subcommand handler) {
        subcommands.put(name, handler);
    }

    /** One line naming the sub-commands and their main options, shown on a usage error. */
    protected abstract String usage();

    @Override
    public final int run(List<String> args, Console console) throws UsageException, TokenException {
        if (args.isEmpty()) {
            throw new UsageException(usage());
        }
        Subcommand handler = subcommands.get(args.get(0));
        if (handler == null) {
            throw new UsageException("unknown " + name() + " command '" + args.get(0) + "': " + usage());
        }
        return handler.run(args.subList(1, args.size()), console);
    }
}
