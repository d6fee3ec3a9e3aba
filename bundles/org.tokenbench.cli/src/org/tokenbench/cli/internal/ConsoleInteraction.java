package org.tokenbench.cli.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

import org.tokenbench.core.Secret;
import org.tokenbench.core.driver.Interaction;

/**
 * A driver's questions on a terminal: prompts to stderr (stdout stays for results), answers from stdin.
 * Confirmations need an explicit "yes"; end of input means no.
 */
final class ConsoleInteraction implements Interaction {

    private final Console console;
    private BufferedReader lines;

    ConsoleInteraction(Console console) {
        this.console = console;
    }

    @Override
    public Optional<Secret> askSecret(String prompt, int triesLeft) {
        java.io.Console terminal = console.terminal();
        console.err().print(prompt + (triesLeft >= 0 ? " (" + triesLeft + " tries left)" : "") + ": ");
        console.err().flush();
        if (terminal != null) {
            char[] typed = terminal.readPassword();
            return typed == null ? Optional.empty() : Optional.of(Secret.fromChars(typed));
        }
        return readLine().map(line -> Secret.fromChars(line.toCharArray()));
    }

    @Override
    public boolean confirm(String question) {
        console.err().print(question + " [yes/no]: ");
        console.err().flush();
        return readLine().map(answer -> answer.strip().toLowerCase(Locale.ROOT)).filter(a -> a.equals("yes") || a.equals("y")).isPresent();
    }

    /** Only a person at the terminal may agree: `yes | tokenbench guomi pin --pin-file -` must not lock a key. */
    @Override
    public boolean confirmLastTry(String question) {
        java.io.Console terminal = console.terminal();
        if (terminal == null) {
            console.err().println(question + " — not tried: the last try needs a \"yes\" typed at a terminal, not one read from "
                    + "standard input");
            return false;
        }
        String answer = terminal.readLine("%s [yes/no]: ", question);
        return answer != null && (answer.strip().equalsIgnoreCase("yes") || answer.strip().equalsIgnoreCase("y"));
    }

    @Override
    public Optional<String> askText(String prompt) {
        console.err().print(prompt + ": ");
        console.err().flush();
        return readLine();
    }

    @Override
    public void inform(String message) {
        console.err().println(message);
    }

    private Optional<String> readLine() {
        try {
            if (lines == null) {
                lines = new BufferedReader(new InputStreamReader(console.in(), StandardCharsets.UTF_8));
            }
            return Optional.ofNullable(lines.readLine());
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
