package org.tokenbench.testing;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import org.tokenbench.core.Secret;
import org.tokenbench.core.driver.Interaction;

/**
 * A user who confirms or not as told, reads the token's display when asked for its code, and types a password when
 * asked for a secret if one was given ({@link #typing(String)}).
 */
public final class ScriptedInteraction implements Interaction {

    public final List<String> told = new ArrayList<>();
    public final List<String> questions = new ArrayList<>();
    private final boolean confirms;
    private final Supplier<String> display;
    /** What the user types when asked for a secret; null: asked, they cancel. */
    private final String typed;

    /** A user who answers every question the same way and has nothing to read out. */
    public ScriptedInteraction(boolean confirms) {
        this(confirms, () -> null);
    }

    public ScriptedInteraction(boolean confirms, Supplier<String> display) {
        this(confirms, display, null);
    }

    private ScriptedInteraction(boolean confirms, Supplier<String> display, String typed) {
        this.confirms = confirms;
        this.display = display;
        this.typed = typed;
    }

    /**
     * A user who types {@code secret} (as UTF-8) whenever asked for a secret and confirms nothing: a test's password or
     * PIN, never a real one.
     *
     * @since 0.2.0
     */
    public static ScriptedInteraction typing(String secret) {
        return new ScriptedInteraction(false, () -> null, secret);
    }

    @Override
    public Optional<Secret> askSecret(String prompt, int triesLeft) {
        return typed == null ? Optional.empty() : Optional.of(Secret.adopt(typed.getBytes(StandardCharsets.UTF_8)));
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
