package org.tokenbench.cli.internal;

import java.io.PrintStream;
import java.util.concurrent.Callable;

import org.osgi.framework.FrameworkUtil;
import org.osgi.service.component.annotations.Component;
import org.tokenbench.cli.command.CommandContext;
import org.tokenbench.cli.command.CommandProvider;
import org.tokenbench.cli.command.ExitCode;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Help.Ansi;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code tokenbench manual}: the man page (troff, section 1) made from the help of every command installed, so it
 * says what {@code tokenbench COMMAND --help} says. The build runs it to package {@code tokenbench.1}.
 */
@Command(name = "manual", hidden = true, description = "Print the tokenbench(1) man page (troff) for the commands installed.")
final class ManualCommand implements Callable<Integer> {

    private final CommandContext context;
    @Spec
    private CommandSpec spec;

    ManualCommand(CommandContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        CommandLine root = spec.root().commandLine();
        PrintStream out = context.out();
        out.println(".TH TOKENBENCH 1 \"\" \"TokenBench " + FrameworkUtil.getBundle(ManualCommand.class).getVersion() + "\" \"User Commands\"");
        out.println(".SH NAME");
        out.println("tokenbench \\- workbench and headless commands for hardware authenticators");
        out.println(".SH SYNOPSIS");
        out.println(".B tokenbench");
        out.println(".br");
        out.println(".B tokenbench\n.I COMMAND\n[\\fIOPTIONS\\fR]");
        out.println(".SH DESCRIPTION");
        out.println("Without arguments, opens the TokenBench workbench. With a command, runs it headless.");
        out.println(".PP");
        out.println(".nf");
        out.print(escape(root.getUsageMessage(Ansi.OFF)));
        out.println(".fi");
        out.println(".SH COMMANDS");
        root.getSubcommands().values().stream().distinct().forEach(command -> describe(command, out));
        out.println(".SH FILES");
        out.println(".TP\n.I ~/.tokenbench\nuser state (\\fBTOKENBENCH_HOME\\fR overrides it)");
        out.println(".TP\n.I $XDG_CACHE_HOME/tokenbench\nper-user start-up caches (default ~/.tokenbench/cache); safe to delete");
        out.println(".SH ENVIRONMENT");
        out.println(".TP\n.B TOKENBENCH_JAVA\nthe java binary to use instead of the runtime bundled with TokenBench");
        out.flush();
        return ExitCode.OK;
    }

    private static void describe(CommandLine command, PrintStream out) {
        if (command.getCommandSpec().usageMessage().hidden()) {
            return;
        }
        out.println(".SS \"" + command.getCommandSpec().qualifiedName() + "\"");
        out.println(".nf");
        out.print(escape(command.getUsageMessage(Ansi.OFF)));
        out.println(".fi");
        command.getSubcommands().values().stream().distinct().forEach(sub -> describe(sub, out));
    }

    /** Help text as literal troff: backslashes escaped, and no line read as a request. */
    static String escape(String text) {
        StringBuilder troff = new StringBuilder();
        for (String line : text.replace("\\", "\\e").split("\n", -1)) {
            if (line.startsWith(".") || line.startsWith("'")) {
                troff.append("\\&");
            }
            troff.append(line).append('\n');
        }
        return troff.toString().stripTrailing() + "\n";
    }

    @Component(service = CommandProvider.class)
    public static final class Provider implements CommandProvider {
        @Override
        public Object command(CommandContext context) {
            return new ManualCommand(context);
        }
    }
}
