package org.tokenbench.core.device;

import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;

import org.eclipse.jdt.annotation.Nullable;
import org.tokenbench.core.driver.Interaction;

/**
 * How to open a session.
 *
 * @param interaction how the session asks its user for keys, PINs and confirmations
 * @param patience    how long to wait for the device when another operation (here or in another program) holds it
 * @param trace       one line per exchange (APDUs, secret bodies redacted), or null for none
 */
public record OpenOptions(Interaction interaction, Duration patience, @Nullable Consumer<String> trace) {

    /** The default wait: long enough for an identification to finish, short enough to say "busy" to a user. */
    public static final Duration DEFAULT_WAIT = Duration.ofSeconds(10);

    public OpenOptions {
        Objects.requireNonNull(interaction, "interaction");
        Objects.requireNonNull(patience, "patience");
    }

    public static OpenOptions of(Interaction interaction) {
        return new OpenOptions(interaction, DEFAULT_WAIT, null);
    }

    public OpenOptions withPatience(Duration newWait) {
        return new OpenOptions(interaction, newWait, trace);
    }

    public OpenOptions withTrace(@Nullable Consumer<String> newTrace) {
        return new OpenOptions(interaction, patience, newTrace);
    }
}
