package org.tokenbench.cli.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged completion scripts and man page are made by these hidden commands from the live command tree. */
class ShellCompletionAndManualTest {

    @Test
    void bashCompletionOffersTheInstalledCommandsAndTheirOptions() throws Exception {
        CliRun run = CliRun.of("completion", "bash");
        assertEquals(0, run.exitCode(), run.err());
        // Every contributed command, whichever bundle registered it, and a sub-command's own options.
        for (String word : new String[] {"otp", "diagnose", "token", "guomi", "qr", "--secret-file", "--uri-file", "--reader"}) {
            assertTrue(run.out().contains(word), word + " missing from the completion script");
        }
        String topLevel = run.out().lines().filter(line -> line.startsWith("  local commands=")).findFirst().orElseThrow();
        assertTrue(topLevel.contains(" otp ") && topLevel.contains("diagnose"), topLevel);
        assertFalse(topLevel.contains("manual") || topLevel.contains("completion"), "hidden commands are not offered: " + topLevel);
    }

    @Test
    void bashReallyCompletesASubCommandFromTheScript(@TempDir Path dir) throws Exception {
        Path script = dir.resolve("tokenbench-completion.bash");
        Files.writeString(script, CliRun.of("completion", "bash").out());
        // What bash does on "tokenbench otp co<TAB>": the completion function fills COMPREPLY.
        String probe = "source '" + script + "'; COMP_WORDS=(tokenbench otp co); COMP_CWORD=2; COMP_LINE='tokenbench otp co'; "
                + "COMP_POINT=${#COMP_LINE}; _complete_tokenbench; printf '%s\\n' \"${COMPREPLY[@]}\"";
        Process bash = new ProcessBuilder("bash", "-c", probe).redirectErrorStream(true).start();
        String offered = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(bash.waitFor(20, TimeUnit.SECONDS));
        assertEquals("code", offered.strip(), offered);
    }

    @Test
    void zshScriptIsAnAutoloadableCompletionFunction() {
        CliRun run = CliRun.of("completion", "zsh");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().startsWith("#compdef tokenbench\n"), run.out().lines().findFirst().orElse(""));
        assertTrue(run.out().contains("bashcompinit") && run.out().strip().endsWith("_bash_complete -o default -F _complete_tokenbench"));
        assertEquals(2, CliRun.of("completion", "fish").exitCode());
    }

    @Test
    void manualHasEveryVisibleCommandsHelpAsLiteralTroff() throws IOException {
        CliRun run = CliRun.of("manual");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().startsWith(".TH TOKENBENCH 1 "), run.out());
        assertTrue(run.out().contains(".SS \"tokenbench otp code\"\n.nf\nUsage: tokenbench otp code"), run.out());
        assertTrue(run.out().contains(".SS \"tokenbench guomi library set\""), run.out());
        assertFalse(run.out().contains(".SS \"tokenbench manual\""), "hidden commands stay out of the manual");
        // No help line may be read as a troff request, and backslashes print as themselves.
        assertTrue(run.out().lines().filter(line -> !line.isEmpty()).noneMatch(line -> line.startsWith(".") && !line.matches("\\.(TH|SH|SS|nf|fi|PP|TP|B|I|br)( .*)?")),
                run.out());
    }

    @Test
    void aOneShotCommandStillReportsUnknownWordsLikeTheWholeTree() {
        // Only the named command is built for a run; a typo still gets the whole tree's suggestions.
        CliRun typo = CliRun.of("diagnos", "0x21220003");
        assertEquals(2, typo.exitCode());
        assertTrue(typo.err().contains("did you mean diagnose"), typo.err());
        CliRun sub = CliRun.of("otp", "cod");
        assertEquals(2, sub.exitCode());
        assertTrue(sub.err().contains("tokenbench otp: unknown command 'cod'") || sub.err().contains("did you mean code"), sub.err());
        assertEquals(0, CliRun.of("help").exitCode());
        assertTrue(CliRun.of("help").out().contains("diagnose"));
    }
}
