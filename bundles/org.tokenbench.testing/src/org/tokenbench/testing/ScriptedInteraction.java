package org.tokenbench.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import org.tokenbench.core.Secret;
import org.tokenbench.core.driver.Interaction;

/** A user who confirms or not as told and reads the token's display when asked for its code. */
public final class ScriptedInteraction implements Interaction {

    public final List<String> told = new ArrayList<>();
    public final List<String> questions = new ArrayList<>();
    private final boolean confirms;
    private final Supplier<String> display;

    /** A user who answers every question the same way and has nothing to read out. */
    public ScriptedInteraction(boolean confirms) {
        this(confirms, () -> null);
    }

    public ScriptedInteraction(boolean confirms, Supplier<String> display) {
        this.confirms = confirms;
        this.display = display;
    }

    @Override
    public Optional<Secret> askSecret(String prompt, int triesLeft) {
        return Optional.empty();
    }

    @Override
    public boolean confirm(String question) {
        questions.add(question);
        return confirms;
    }

    @Override
    public Optional<String> askText(String prompt) {
        return Optional.ofNullable(display.get());
    }

    @Override
    public void inform(String message) {
        told.add(message);
    }
}
