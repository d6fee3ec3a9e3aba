package org.tokenbench.core.driver;

import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;
import org.tokenbench.core.Secret;

/**
 * How a driver asks its user for input without depending on a UI toolkit: the workbench answers with
 * dialogs, the CLI with prompts and files. Every method may return empty when the user cancels.
 */
@ProviderType
public interface Interaction {

    /** Asks nothing and agrees to nothing: for identification, where a driver that wanted a PIN would be wrong. */
    Interaction NONE = new Interaction() {
        @Override
        public Optional<Secret> askSecret(String prompt, int triesLeft) {
            return Optional.empty();
        }

        @Override
        public boolean confirm(String question) {
            return false;
        }

        @Override
        public Optional<String> askText(String prompt) {
            return Optional.empty();
        }

        @Override
        public void inform(String message) {
        }
    };

    /**
     * Asks for a secret (PIN, customer key). {@code triesLeft} is shown with the prompt when known (≥ 0),
     * so the user decides with the retry counter in front of them.
     */
    Optional<Secret> askSecret(String prompt, int triesLeft);

    /** Asks to go ahead with something risky or irreversible; false unless the user explicitly agrees. */
    boolean confirm(String question);

    /**
     * Asks to spend the last authentication try, which locks the device for good when wrong. Front ends take this
     * answer from a person only: a command's standard input may be a script answering every question "yes" (the CLI
     * asks at the terminal and refuses when there is none). By default the same as {@link #confirm(String)}.
     */
    default boolean confirmLastTry(String question) {
        return confirm(question);
    }

    /** Asks for a short non-secret answer, e.g. the code the token now displays. */
    Optional<String> askText(String prompt);

    /** Tells the user something they should know now (a warning, a step done). */
    void inform(String message);
}
