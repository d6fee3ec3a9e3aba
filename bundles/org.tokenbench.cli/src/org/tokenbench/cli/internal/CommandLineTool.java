package org.tokenbench.cli.internal;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.tokenbench.core.TokenException;

/** Finds the command named by the first word and runs it, turning every failure into a message and an exit code. */
public final class CommandLineTool {

    private final Map<String, Command> commands = new LinkedHashMap<>();

    public CommandLineTool(List<Command> available) {
        for (Command command : available) {
            commands.put(command.name(), command);
        }
    }

    /** The commands TokenBench ships. */
    public static CommandLineTool standard() {
        return new CommandLineTool(List.of(new VersionCommand(), new DriversCommand(), new OtpCommand(), new DiagnoseCommand(),
                new ReadersCommand(), new TokenCommand(), new QrCommand(), new GuomiCommand()));
    }

    public int run(String[] args, Console console) {
        if (args.length == 0 || args[0].equals("help") || args[0].equals("--help")) {
            printHelp(console);
            return args.length == 0 ? ExitCode.USAGE : ExitCode.OK;
        }
        Command command = commands.get(args[0]);
        if (command == null) {
            console.err().println("tokenbench: unknown command '" + args[0] + "'");
            printHelp(console);
            return ExitCode.USAGE;
        }
        try {
            return command.run(Arrays.asList(args).subList(1, args.length), console);
        } catch (UsageException e) {
            console.err().println("tokenbench " + command.name() + ": " + e.getMessage());
            console.err().println("Run 'tokenbench help' for the commands and their options.");
            return ExitCode.USAGE;
        } catch (TokenException e) {
            // Through the diagnostics catalogs: title, cause and remedy, with the raw code kept for support.
            String explained = console.explain(e);
            console.err().println("tokenbench " + command.name() + ": " + explained);
            return ExitCode.FAILED;
        } catch (RuntimeException e) {
            // A defect: say so plainly; the stack trace helps the developer, never contains secrets by design.
            console.err().println("tokenbench " + command.name() + ": internal error: " + e);
            e.printStackTrace(console.err());
            return ExitCode.INTERNAL;
        }
    }

    private void printHelp(Console console) {
        console.err().println("Usage: tokenbench <command> [options]   (no arguments opens the workbench)");
        for (Command command : commands.values()) {
            console.err().printf("  %-10s %s%n", command.name(), command.summary());
        }
    }
}
