package org.tokenbench.cli.internal;

import java.util.concurrent.Callable;

import org.osgi.service.component.annotations.Component;
import org.tokenbench.cli.command.CommandContext;
import org.tokenbench.cli.command.CommandProvider;
import org.tokenbench.cli.command.ExitCode;

import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code tokenbench completion bash|zsh}: the shell completion script for the commands installed in this run. Commands
 * come from bundles at run time, so the script is made from the live command tree (the build runs it to package the
 * scripts; after adding a vendor bundle, run it again).
 */
@Command(name = "completion", hidden = true, description = {
        "Print the shell completion script for the commands installed: bash, or zsh (through zsh's bash completion).",
        "bash: source <(tokenbench completion bash); zsh: tokenbench completion zsh > ~/.zfunc/_tokenbench (a folder on fpath)." })
final class CompletionCommand implements Callable<Integer> {

    enum Shell {
        BASH, ZSH
    }

    private final CommandContext context;
    @Spec
    private CommandSpec spec;
    @Parameters(paramLabel = "SHELL", description = "bash or zsh.")
    private Shell shell;

    CompletionCommand(CommandContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        String bash = AutoComplete.bash(spec.root().name(), spec.root().commandLine());
        context.out().print(shell == Shell.BASH ? bash : zsh(bash));
        context.out().flush();
        return ExitCode.OK;
    }

    /**
     * picocli generates bash only; its script runs in zsh under bashcompinit. As a file on zsh's fpath it is loaded on
     * the first TAB: the body registers the completion (compdef through bashcompinit) and then completes that TAB.
     */
    static String zsh(String bash) {
        return "#compdef tokenbench\n"
                + "autoload -U +X bashcompinit && bashcompinit\n"
                + bash
                + "\n_bash_complete -o default -F _complete_tokenbench\n";
    }

    @Component(service = CommandProvider.class)
    public static final class Provider implements CommandProvider {
        @Override
        public Object command(CommandContext context) {
            return new CompletionCommand(context);
        }
    }
}
