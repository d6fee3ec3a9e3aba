package org.tokenbench.cli.internal;

import java.io.PrintWriter;
import java.lang.reflect.Constructor;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.util.tracker.ServiceTracker;
import org.tokenbench.cli.command.CommandContext;
import org.tokenbench.cli.command.CommandProvider;
import org.tokenbench.cli.command.ExitCode;
import org.tokenbench.cli.command.InputFile;
import org.tokenbench.cli.command.UsageException;
import org.tokenbench.core.TokenException;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ExecutionException;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.RunLast;
import picocli.CommandLine.Spec;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Builds the picocli command tree from the {@link CommandProvider}s present and runs one command line, turning
 * every outcome into a message and an exit code: {@link ExitCode#USAGE} for what picocli or the command refuses as
 * a usage error, {@link ExitCode#FAILED} for a {@link TokenException} (explained through the catalogs),
 * {@link ExitCode#INTERNAL} for a defect.
 */
public final class CommandLineTool {

    /** Commands that need every installed command in the tree: they list or describe them all. */
    private static final Set<String> WHOLE_TREE = Set.of("help", "completion", "manual");

    private static final String KEY_REFUSED = "this looks like a key; secrets are never taken as arguments, use ";

    private final List<CommandProvider> providers;

    public CommandLineTool(List<CommandProvider> providers) {
        this.providers = List.copyOf(providers);
    }

    /**
     * The providers registered now. Declarative Services registers this bundle's own commands when the bundle starts,
     * which may be just after the application does: wait briefly for one of them before taking the snapshot.
     */
    public static CommandLineTool fromServices(BundleContext context) {
        String ownBundle = "(service.bundleid=" + FrameworkUtil.getBundle(CommandLineTool.class).getBundleId() + ")";
        try {
            ServiceTracker<CommandProvider, CommandProvider> own = new ServiceTracker<>(context,
                    context.createFilter("(&(objectClass=" + CommandProvider.class.getName() + ")" + ownBundle + ")"), null);
            own.open();
            try {
                own.waitForService(Console.SERVICE_WAIT_MILLIS);
            } finally {
                own.close();
            }
            List<CommandProvider> found = new ArrayList<>();
            for (ServiceReference<CommandProvider> reference : context.getServiceReferences(CommandProvider.class, null)) {
                CommandProvider provider = context.getService(reference);
                if (provider != null) {
                    found.add(provider);
                }
            }
            return new CommandLineTool(found);
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new CommandLineTool(List.of());
        }
    }

    /** Parses {@code args} against the commands and runs the one named; returns the process exit code. */
    public int run(String[] args, Console console) {
        CommandLine root = tree(console, args.length > 0 && !WHOLE_TREE.contains(args[0]) ? args[0] : null);
        root.setOut(new PrintWriter(console.out(), true));
        root.setErr(new PrintWriter(console.err(), true));
        root.setParameterExceptionHandler((failure, arguments) -> usageError(failure.getCommandLine(), message(failure), failure, arguments, console));
        root.setExecutionExceptionHandler((failure, command, parsed) -> failed(failure, command, args, console));
        root.setExecutionStrategy(parsed -> {
            check(parsed);
            return new RunLast().execute(parsed);
        });
        return root.execute(args);
    }

    /**
     * {@link #run} for a process (the Equinox application and the fast path alike): a throwable no command handles
     * (out of memory, a missing class, a vendor library missing a function) is exit 70, never an exit 0 with nothing
     * done; the streams are flushed before the process ends.
     */
    public static int runProcess(java.util.function.Supplier<CommandLineTool> tool, String[] args, Console console) {
        int exitCode;
        try {
            exitCode = tool.get().run(args, console);
        } catch (OutOfMemoryError e) {
            System.err.println("tokenbench: out of memory (the heap limit is " + (Runtime.getRuntime().maxMemory() >> 20)
                    + " MB; TOKENBENCH_MAX_HEAP raises it): the input is larger than this command handles");
            exitCode = ExitCode.INTERNAL;
        } catch (Throwable e) {
            // A missing class, a vendor library missing a function: never an exit 0 with nothing done.
            System.err.println("tokenbench: internal error: " + e.getClass().getName());
            exitCode = ExitCode.INTERNAL;
        }
        System.out.flush();
        System.err.flush();
        return exitCode;
    }

    /** The tree: {@code tokenbench}, {@code help}, and every provider's command under its parent. */
    public CommandLine tree(Console console) {
        return tree(console, null);
    }

    /**
     * The tree with only the top-level command {@code only} (and help) when one of that name is installed: a one-shot
     * command then pays for building its own picocli model, not every command's (most of a command's start-up after
     * the framework's). {@code null}, or a name no command has, builds the whole tree (suggestions for typos need it).
     */
    private CommandLine tree(Console console, String only) {
        if (only != null && providers.stream().noneMatch(provider -> only.equals(topLevelName(provider, console)))) {
            return tree(console, null);
        }
        CommandLine.IFactory factory = new ContextFactory(console);
        CommandLine root = new CommandLine(new TokenBenchCommand(console), factory);
        record Placed(List<String> path, CommandLine command, CommandProvider provider) {
        }
        List<Placed> placed = new ArrayList<>();
        placed.add(new Placed(List.of(), new CommandLine(new HelpCommand(), factory), null));
        for (CommandProvider provider : providers) {
            if (only != null && !only.equals(topLevelName(provider, console))) {
                continue;
            }
            try {
                placed.add(new Placed(path(provider), new CommandLine(provider.command(console), factory), provider));
            } catch (CommandLine.InitializationException e) {
                console.err().println("tokenbench: the command from " + provider.getClass().getName() + " is left out: " + e.getMessage());
            }
        }
        // Parents before their sub-commands; help lists commands by name, whichever bundle contributed them.
        placed.sort(Comparator.comparingInt((Placed p) -> p.path().size()).thenComparing(p -> p.command().getCommandName()));
        for (Placed p : placed) {
            CommandLine parent = root;
            for (String name : p.path()) {
                parent = parent == null ? null : parent.getSubcommands().get(name);
            }
            if (parent == null) {
                console.err().println("tokenbench: the command from " + p.provider().getClass().getName() + " goes under '"
                        + p.provider().parent() + "', which is not installed; left out");
                continue;
            }
            try {
                parent.addSubcommand(p.command());
            } catch (CommandLine.InitializationException e) {
                console.err().println("tokenbench: the command '" + p.command().getCommandName() + "' is left out: " + e.getMessage());
            }
        }
        root.setCaseInsensitiveEnumValuesAllowed(true);
        // "--library --ca-file x" and "--secret-file --typo" are refused, not read as file names.
        root.setUnmatchedOptionsAllowedAsOptionParameters(false);
        root.registerConverter(InputFile.class, InputFile::new);
        root.setUsageHelpWidth(100);
        addHelpOptions(root, Collections.newSetFromMap(new IdentityHashMap<>()));
        return root;
    }

    /** The top-level command a provider's command belongs to: its own name, or the first word of its parent. */
    private static String topLevelName(CommandProvider provider, Console console) {
        List<String> path = path(provider);
        if (!path.isEmpty()) {
            return path.get(0);
        }
        Object command = provider.command(console);
        if (command instanceof CommandSpec spec) {
            return spec.name();
        }
        Command annotation = command.getClass().getAnnotation(Command.class);
        return annotation == null ? null : annotation.name();
    }

    private static List<String> path(CommandProvider provider) {
        String parent = provider.parent().strip();
        return parent.isEmpty() ? List.of() : Arrays.asList(parent.split("\\s+"));
    }

    /** {@code -h, --help} on every command, so {@code tokenbench X --help} works whoever wrote X. */
    private static void addHelpOptions(CommandLine command, Set<CommandLine> seen) {
        if (!seen.add(command)) {
            return;
        }
        CommandSpec spec = command.getCommandSpec();
        if (spec.options().stream().noneMatch(OptionSpec::usageHelp)) {
            spec.addOption(OptionSpec.builder("-h", "--help").usageHelp(true).description("Show this help and exit.").build());
        }
        command.getSubcommands().values().forEach(sub -> addHelpOptions(sub, seen));
    }

    /**
     * What picocli cannot check alone, before the command runs: an option never takes another option as its value,
     * an input file is not a key typed in its place, at most one input comes from standard input, and a command with
     * sub-commands is given one.
     */
    private static void check(ParseResult parsed) {
        if (parsed.asCommandLineList().stream().anyMatch(c -> c.getParseResult().isUsageHelpRequested())) {
            return;
        }
        for (ParseResult level = parsed; level != null; level = level.subcommand()) {
            CommandLine command = level.commandSpec().commandLine();
            for (OptionSpec option : level.matchedOptions()) {
                if (option.arity().max() > 0 && !option.usageHelp()) {
                    for (String value : option.originalStringValues()) {
                        if (value.startsWith("--")) {
                            throw new ParameterException(command, option.longestName() + " needs a value, not the option " + value.split("=", 2)[0]);
                        }
                    }
                }
            }
            List<String> fromStdin = new ArrayList<>();
            for (ArgSpec arg : level.matchedArgs()) {
                if (!isInput(arg)) {
                    continue;
                }
                for (String value : arg.originalStringValues()) {
                    if (value.equals("-")) {
                        fromStdin.add(label(arg));
                    } else if (InputFile.looksLikeSecret(value)) {
                        throw new ParameterException(command, KEY_REFUSED + label(arg) + (arg.isOption() ? " -" : ""));
                    } else if (arg.isOption() && !exists(value)) {
                        // A passphrase or key typed where its file goes (a.b, "my pass.phrase") is never repeated: the
                        // option is named instead. Positional files (images to decode) keep InputFile's own wording.
                        throw new ExecutionException(command, "missing input", new TokenException(InputFile.UNREADABLE,
                                "the file given to " + label(arg) + " does not exist (or cannot be reached); the name is not repeated, "
                                        + "as it may be a secret typed in its place"));
                    }
                }
            }
            if (fromStdin.size() > 1) {
                throw new ParameterException(command, "only one input can come from standard input (" + String.join(" and ", fromStdin)
                        + " both say -); put the others in files");
            }
            if (level.subcommand() == null && !command.getSubcommands().isEmpty() && !isExecutable(command.getCommand())) {
                throw new ParameterException(command, "name a command: " + commandNames(command));
            }
        }
    }

    private static boolean exists(String fileName) {
        try {
            return Files.exists(Path.of(fileName));
        } catch (InvalidPathException e) {
            return false;
        }
    }

    private static boolean isInput(ArgSpec arg) {
        return arg.type() == InputFile.class || Arrays.asList(arg.auxiliaryTypes()).contains(InputFile.class);
    }

    private static String label(ArgSpec arg) {
        return arg.isOption() ? ((OptionSpec) arg).longestName() : "- for standard input (" + arg.paramLabel() + ")";
    }

    private static boolean isExecutable(Object command) {
        return command instanceof Callable<?> || command instanceof Runnable;
    }

    private static String commandNames(CommandLine command) {
        return command.getSubcommands().keySet().stream().filter(name -> !name.equals("help")).collect(Collectors.joining(", "));
    }

    /** Picocli's message, except for unmatched words, which may be keys typed by mistake and are never echoed. */
    private static String message(ParameterException failure) {
        if (!(failure instanceof UnmatchedArgumentException unmatched) || unmatched.getUnmatched().isEmpty()) {
            return failure.getMessage();
        }
        CommandLine command = failure.getCommandLine();
        String first = unmatched.getUnmatched().get(0);
        if (first.startsWith("-") && first.length() > 1) {
            return "unknown option " + first.split("=", 2)[0];
        }
        if (InputFile.looksLikeSecret(first)) {
            return KEY_REFUSED + inputOptions(command);
        }
        if (!command.getSubcommands().isEmpty() && command.getCommandSpec().positionalParameters().isEmpty()) {
            return "unknown command '" + first + "'";
        }
        int more = unmatched.getUnmatched().size() - 1;
        return "unexpected argument '" + first + "'" + (more > 0 ? " (and " + more + " more)" : "") + ": "
                + command.getCommandName() + " takes no such word";
    }

    private static String inputOptions(CommandLine command) {
        List<String> inputs = command.getCommandSpec().options().stream().filter(CommandLineTool::isInput)
                .map(option -> option.longestName() + " -").toList();
        return inputs.isEmpty() ? "a file, or - for standard input" : String.join(" or ", inputs);
    }

    private static int usageError(CommandLine command, String message, Exception failure, String[] args, Console console) {
        console.err().println(command.getCommandSpec().qualifiedName() + ": " + redact(message, args));
        if (failure instanceof UnmatchedArgumentException unmatched && !unmatched.getSuggestions().isEmpty()) {
            console.err().println("did you mean " + String.join(" or ", unmatched.getSuggestions()) + "?");
        }
        console.err().println("Run '" + command.getCommandSpec().qualifiedName() + " --help' for "
                + (command.getSubcommands().isEmpty() ? "its options." : "its commands and options."));
        return ExitCode.USAGE;
    }

    private static int failed(Exception failure, CommandLine command, String[] args, Console console) {
        String name = command.getCommandSpec().qualifiedName();
        if (failure instanceof UsageException usage) {
            return usageError(command, usage.getMessage(), usage, args, console);
        }
        if (failure instanceof TokenException tokenFailure) {
            // Through the diagnostics catalogs: title, cause and remedy, with the raw code kept for support.
            console.err().println(name + ": " + console.explain(tokenFailure));
            return ExitCode.FAILED;
        }
        // A defect: say so plainly; the stack trace helps the developer and holds no secrets by design.
        console.err().println(name + ": internal error: " + failure);
        failure.printStackTrace(console.err());
        return ExitCode.INTERNAL;
    }

    /** Whatever the user typed that looks like a key stays out of messages, even in picocli's own wording. */
    static String redact(String message, String[] args) {
        String safe = message;
        for (String arg : args) {
            String value = arg.startsWith("-") && arg.contains("=") ? arg.substring(arg.indexOf('=') + 1) : arg;
            if (!value.isEmpty() && InputFile.looksLikeSecret(value)) {
                safe = safe.replace(value, "[not shown]");
            }
        }
        return safe;
    }

    /** Creates command classes with a constructor taking the run's context where they have one. */
    private static final class ContextFactory implements CommandLine.IFactory {

        private final CommandContext context;

        ContextFactory(CommandContext context) {
            this.context = context;
        }

        @Override
        public <K> K create(Class<K> type) throws Exception {
            Constructor<K> withContext;
            try {
                withContext = type.getDeclaredConstructor(CommandContext.class);
            } catch (NoSuchMethodException e) {
                return CommandLine.defaultFactory().create(type);
            }
            withContext.setAccessible(true);
            return withContext.newInstance(context);
        }
    }

    @Command(name = "tokenbench", description = "TokenBench's headless commands. Results go to stdout, messages to stderr; "
            + "secrets are read from files, standard input (-) or a prompt, never from arguments. Without arguments, "
            + "the launcher opens the workbench.", exitCodeListHeading = "%nExit codes:%n", exitCodeList = {
                    // Every code a TokenBench process can end with: the commands' (ExitCode), then those of the
                    // launcher, the workbench and Equinox's launcher (org.eclipse.equinox.launcher.Main sets 13 to 15 and 23).
                    "0:done; the answer is on stdout", "1:a negative answer (code invalid, nothing found, a check failed)",
                    "2:usage error (unknown command or option, missing or invalid value); the workbench: no display",
                    "3:the operation failed (device, library, file or input); stderr explains it. The launcher: not a "
                            + "TokenBench folder",
                    "4:passed with unchecked steps: nothing failed, but some checks were skipped for want of an input "
                            + "(a CA file, a CRL, a PIN); stderr names them",
                    "13:TokenBench could not start (Equinox's \"An error has occurred\": a bundle or the Java runtime is "
                            + "missing); the details are in a .log file under ~/.tokenbench",
                    "14:no Java 21+ (TOKENBENCH_JAVA is not one, or none was found), or the product's configuration folder is missing",
                    "15:the per-user configuration folder (~/.tokenbench/cache, or $XDG_CACHE_HOME/tokenbench) cannot be written",
                    "23:the workbench asked to be restarted: start it again",
                    "70:internal error (a defect in TokenBench), or out of memory (TOKENBENCH_MAX_HEAP raises the limit)" })
    static final class TokenBenchCommand implements Callable<Integer> {

        private final Console console;
        @Spec
        private CommandSpec spec;

        TokenBenchCommand(Console console) {
            this.console = console;
        }

        /** {@code tokenbench} alone (only reachable through the headless application): the help, as a usage error. */
        @Override
        public Integer call() {
            console.err().println("tokenbench: name a command");
            spec.commandLine().usage(console.err());
            return ExitCode.USAGE;
        }
    }
}
