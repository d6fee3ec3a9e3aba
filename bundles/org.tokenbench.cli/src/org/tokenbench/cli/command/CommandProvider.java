package org.tokenbench.cli.command;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Contributes a command to {@code tokenbench}: a bundle registers it as an OSGi service (DS
 * {@code @Component(service = CommandProvider.class)}), and the headless application builds its picocli command
 * tree from the providers present when it starts. Help ({@code tokenbench help}, {@code … --help}) is generated from
 * the command's picocli annotations, so every option needs a {@code description}.
 *
 * <pre>
 * &#64;Component(service = CommandProvider.class)
 * public final class AcmeCommands implements CommandProvider {
 *     public Object command(CommandContext context) {
 *         return new AcmeCommand(context);   // &#64;Command(name = "acme", subcommands = {AcmeReset.class, ...})
 *     }
 * }
 * </pre>
 *
 * A command is a picocli {@code @Command} object implementing {@code Callable<Integer>} (the exit code, see
 * {@link ExitCode}); its {@code subcommands = {…}} classes are created per run too, through a constructor taking
 * a {@link CommandContext} when they have one. A {@code TokenException} thrown by a command exits 3 with the
 * failure explained through the diagnostics catalogs, a {@link UsageException} exits 2, anything else is a defect
 * (exit 70). Options naming files to read are typed {@link InputFile}: TokenBench then refuses keys typed in their
 * place and a second {@code -} (standard input). TokenBench implements the context; vendors implement this.
 */
@ConsumerType
public interface CommandProvider {

    /**
     * A new command object for one run (commands keep their parsed options in fields, so never return a shared one):
     * an instance of a {@code @Command}-annotated class, or a {@code picocli.CommandLine.Model.CommandSpec}.
     */
    Object command(CommandContext context);

    /**
     * Where the command goes: empty for a top-level command ({@code tokenbench acme}), else the names of the command
     * it extends, top-level first ({@code "token"} adds {@code tokenbench token acme-reset}; {@code "guomi library"}
     * goes one level deeper). A command whose parent is not installed is left out with a warning.
     */
    default String parent() {
        return "";
    }
}
