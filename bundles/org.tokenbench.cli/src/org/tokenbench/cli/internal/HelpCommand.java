package org.tokenbench.cli.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.tokenbench.cli.command.ExitCode;
import org.tokenbench.cli.command.UsageException;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code tokenbench help [COMMAND…]}: the generated help of any command, however deep ({@code help otp code}), on
 * stdout. (picocli's own help command looks one level down only.)
 */
@Command(name = "help", helpCommand = true, description = "Show the commands, or the options of one command (help otp code).")
final class HelpCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "COMMAND", arity = "0..*", description = "The command, and sub-command, to explain.")
    private List<String> path = new ArrayList<>();

    @Override
    public Integer call() throws UsageException {
        CommandLine command = spec.parent().commandLine();
        for (String name : path) {
            CommandLine sub = command.getSubcommands().get(name);
            if (sub == null) {
                throw new UsageException("unknown command '" + name + "' in " + command.getCommandSpec().qualifiedName()
                        + " (" + String.join(", ", command.getSubcommands().keySet()) + ")");
            }
            command = sub;
        }
        command.usage(spec.commandLine().getOut());
        spec.commandLine().getOut().flush();
        return ExitCode.OK;
    }
}
