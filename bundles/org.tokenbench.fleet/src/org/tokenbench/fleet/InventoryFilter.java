package org.tokenbench.fleet;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.tokenbench.core.fleet.DeviceInventory.Entry;
import org.tokenbench.core.fleet.DeviceInventory.State;

/**
 * What the Fleet view's filter field and {@code tokenbench fleet list --filter/--state} select: entries whose family,
 * serial, driver, firmware, owner or account contains every word of {@code text} (ignoring case), in {@code state}
 * when one is given.
 */
public record InventoryFilter(String text, Optional<State> state) {

    public static final InventoryFilter ALL = new InventoryFilter("", Optional.empty());

    public boolean matches(Entry entry) {
        if (state.isPresent() && entry.state() != state.get()) {
            return false;
        }
        String haystack = String.join("\u0000", entry.family(), entry.serial(), entry.driver(), entry.firmware(), entry.owner(),
                entry.account(), entry.state().name()).toLowerCase(Locale.ROOT);
        for (String word : text.toLowerCase(Locale.ROOT).split("\\s+")) {
            if (!word.isEmpty() && !haystack.contains(word)) {
                return false;
            }
        }
        return true;
    }

    public List<Entry> apply(List<Entry> entries) {
        return entries.stream().filter(this::matches).toList();
    }

    /** A state as users type it ({@code retired}, {@code LOST}); empty for an unknown name. */
    public static Optional<State> state(String name) {
        for (State candidate : State.values()) {
            if (candidate.name().equalsIgnoreCase(name.strip())) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
