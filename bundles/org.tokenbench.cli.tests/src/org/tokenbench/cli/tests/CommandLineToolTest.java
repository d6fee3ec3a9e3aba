package org.tokenbench.cli.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceRegistration;
import org.tokenbench.cli.command.CommandContext;
import org.tokenbench.cli.command.CommandProvider;
import org.tokenbench.cli.command.InputFile;
import org.tokenbench.cli.internal.CommandLineTool;
import org.tokenbench.cli.internal.Console;
import org.tokenbench.core.ErrorCode;
import org.tokenbench.core.TokenException;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The command tree, generated help, exit codes, and commands contributed by other bundles as services. */
class CommandLineToolTest {

    static final String COMMANDS = "devices|diagnose|drivers|guomi|help|otp|qr|readers|token|version";

    @Test
    void versionPrintsTheBundleVersionAlone() {
        CliRun run = CliRun.of("version");
        assertEquals(0, run.exitCode(), run.err());
        // The command-line bundle's own version (this fragment's host), whatever the release.
        String version = org.osgi.framework.FrameworkUtil.getBundle(CommandLineToolTest.class).getVersion().toString();
        assertEquals(version + System.lineSeparator(), run.out());
        assertTrue(version.matches("\\d+\\.\\d+\\.\\d+\\.\\S+"), version);
    }

    @Test
    void unknownCommandIsAUsageError() {
        CliRun run = CliRun.of("frobnicate");
        assertEquals(2, run.exitCode());
        assertEquals("", run.out());
        assertTrue(run.err().startsWith("tokenbench: unknown command 'frobnicate'"), run.err());
    }

    @Test
    void misspeltOptionIsRejectedWithASuggestion() {
        CliRun run = CliRun.of("drivers", "--jsn");
        assertEquals(2, run.exitCode());
        assertTrue(run.err().startsWith("tokenbench drivers: unknown option --jsn"), run.err());
        assertTrue(run.err().contains("--json"), "suggests the option meant: " + run.err());
    }

    @Test
    void noArgumentsPrintsHelpToStderr() {
        CliRun run = CliRun.of();
        assertEquals(2, run.exitCode());
        assertEquals("", run.out());
        assertTrue(run.err().contains("drivers"), run.err());
    }

    @Test
    void helpListsEveryCommandOnStdout() {
        for (String[] args : List.of(new String[] { "help" }, new String[] { "--help" }, new String[] { "-h" })) {
            CliRun run = CliRun.of(args);
            assertEquals(0, run.exitCode(), run.err());
            assertEquals("", run.err());
            for (String command : COMMANDS.split("\\|")) {
                assertTrue(run.out().lines().anyMatch(l -> l.matches("\\s+" + command + "\\s+\\S.*")), command + " with a description in: " + run.out());
            }
            assertTrue(run.out().contains("70") && run.out().contains("Exit codes"), run.out());
        }
    }

    @Test
    void helpListsEveryExitCodeTheProductUses() throws IllegalAccessException {
        String help = CliRun.of("help").out();
        String codes = help.substring(help.indexOf("Exit codes:"));
        List<Integer> expected = new ArrayList<>();
        // Every code a command returns (ExitCode's constants), then the launcher's and Equinox's (13 to 15, 23).
        for (java.lang.reflect.Field field : org.tokenbench.cli.command.ExitCode.class.getFields()) {
            expected.add(field.getInt(null));
        }
        expected.addAll(List.of(13, 14, 15, 23));
        for (int code : expected) {
            assertTrue(codes.lines().anyMatch(line -> line.matches("\\s+" + code + "\\s+\\S.*")), "exit code " + code + " in: " + codes);
        }
        assertTrue(codes.contains("passed with unchecked steps"), codes);
    }

    @Test
    void commandHelpListsEveryOptionWithADescription() {
        CliRun byOption = CliRun.of("otp", "code", "--help");
        CliRun byCommand = CliRun.of("help", "otp", "code");
        assertEquals(0, byOption.exitCode(), byOption.err());
        assertEquals(0, byCommand.exitCode(), byCommand.err());
        assertEquals(byOption.out(), byCommand.out());
        for (String option : List.of("--uri-file", "--secret-file", "--secret-encoding", "--algorithm", "--digits", "--period", "--counter",
                "--time", "--json", "--help")) {
            assertTrue(byOption.out().lines().anyMatch(l -> l.matches("\\s+(-h, )?" + option + "(=\\S+)?(\\s+\\S.*)?")),
                    option + " in:\n" + byOption.out());
        }
        assertEquals(2, CliRun.of("help", "otp", "nope").exitCode());
    }

    /** Every command and every option of the whole tree, as picocli generates help from it, says what it is for. */
    @Test
    void everyCommandAndOptionHasADescription() {
        BundleContext context = FrameworkUtil.getBundle(CommandLineToolTest.class).getBundleContext();
        Console console = new Console(InputStream.nullInputStream(), System.out, System.err, context);
        List<String> problems = new ArrayList<>();
        walk(CommandLineTool.fromServices(context).tree(console), problems);
        assertEquals(List.of(), problems);
    }

    private static void walk(CommandLine command, List<String> problems) {
        CommandSpec spec = command.getCommandSpec();
        if (String.join("", spec.usageMessage().description()).isBlank()) {
            problems.add(spec.qualifiedName() + " has no description");
        }
        for (OptionSpec option : spec.options()) {
            if (String.join("", option.description()).isBlank()) {
                problems.add(spec.qualifiedName() + " " + option.longestName() + " has no description");
            }
        }
        spec.positionalParameters().stream().filter(p -> String.join("", p.description()).isBlank())
                .forEach(p -> problems.add(spec.qualifiedName() + " " + p.paramLabel() + " has no description"));
        command.getSubcommands().values().forEach(sub -> walk(sub, problems));
    }

    @Test
    void aCommandContributedByAnotherBundleAppearsInHelpAndRuns() {
        ServiceRegistration<CommandProvider> registration = FrameworkUtil.getBundle(CommandLineToolTest.class).getBundleContext()
                .registerService(CommandProvider.class, context -> new AcmeCommand(context), null);
        ServiceRegistration<CommandProvider> sub = FrameworkUtil.getBundle(CommandLineToolTest.class).getBundleContext()
                .registerService(CommandProvider.class, new CommandProvider() {
                    @Override
                    public Object command(CommandContext context) {
                        return new AcmeTokenReset(context);
                    }

                    @Override
                    public String parent() {
                        return "token";
                    }
                }, null);
        try {
            CliRun help = CliRun.of("help");
            assertTrue(help.out().lines().anyMatch(l -> l.matches("\\s+acme\\s+Greets an ACME key.*")), help.out());
            CliRun acmeHelp = CliRun.of("acme", "--help");
            assertEquals(0, acmeHelp.exitCode());
            assertTrue(acmeHelp.out().contains("--loud") && acmeHelp.out().contains("Shout the greeting."), acmeHelp.out());

            CliRun run = CliRun.of("acme", "--loud", "world");
            assertEquals(0, run.exitCode(), run.err());
            assertEquals("HELLO, WORLD" + System.lineSeparator(), run.out());

            CliRun failed = CliRun.of("acme", "fail");
            assertEquals(3, failed.exitCode());
            assertTrue(failed.err().startsWith("tokenbench acme: the ACME key refused [vendor.acme:0x0001]"), failed.err());

            CliRun reset = CliRun.of("token", "acme-reset", "--confirm-file", "-");
            assertEquals(0, reset.exitCode(), reset.err());
            assertTrue(CliRun.of("token", "--help").out().contains("acme-reset"));
        } finally {
            registration.unregister();
            sub.unregister();
        }
        assertEquals(2, CliRun.of("acme").exitCode(), "gone with its bundle's service");
    }

    @Command(name = "acme", description = "Greets an ACME key (a vendor's command in a test).")
    static final class AcmeCommand implements Callable<Integer> {
        private final CommandContext context;
        @Option(names = "--loud", description = "Shout the greeting.")
        private boolean loud;
        @Parameters(paramLabel = "NAME", description = "Whom to greet.")
        private String name;

        AcmeCommand(CommandContext context) {
            this.context = context;
        }

        @Override
        public Integer call() throws TokenException {
            if (name.equals("fail")) {
                throw new TokenException(ErrorCode.of("vendor.acme", 1), "the ACME key refused");
            }
            String greeting = "Hello, " + name;
            context.out().println(loud ? greeting.toUpperCase(java.util.Locale.ROOT) : greeting);
            return 0;
        }
    }

    @Command(name = "acme-reset", description = "Resets an ACME token (a sub-command contributed under token).")
    static final class AcmeTokenReset implements Callable<Integer> {
        @Option(names = "--confirm-file", description = "The confirmation (- reads standard input).")
        private InputFile confirm;

        AcmeTokenReset(CommandContext context) {
        }

        @Override
        public Integer call() {
            return confirm.isStandardInput() ? 0 : 1;
        }
    }

    @Test
    void keysTypedOnTheCommandLineAreNeverEchoed() {
        assertFalse(InputFile.looksLikeSecret("key.txt"));
        assertTrue(InputFile.looksLikeSecret("JBSWY3DPEHPK3PXP"));
        assertTrue(InputFile.looksLikeSecret("otpauth://totp/x?secret=JBSWY3DPEHPK3PXP"));
    }
}
