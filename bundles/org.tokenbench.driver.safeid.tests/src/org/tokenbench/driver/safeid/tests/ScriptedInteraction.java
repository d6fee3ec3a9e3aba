package org.tokenbench.driver.safeid.tests;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import org.tokenbench.core.Secret;
import org.tokenbench.core.driver.Interaction;

/** A user who confirms or not as told and reads the token's display when asked for its code. */
final class ScriptedInteraction implements Interaction {

    final List<String> told = new ArrayList<>();
    final List<String> questions = new ArrayList<>();
    private final boolean confirms;
    private final Supplier<String> display;

    ScriptedInteraction(boolean confirms, Supplier<String> display) {
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
