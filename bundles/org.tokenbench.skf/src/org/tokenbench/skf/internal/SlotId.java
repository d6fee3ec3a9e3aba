package org.tokenbench.skf.internal;

import java.nio.file.Path;
import java.util.Collection;
import java.util.Comparator;

import org.tokenbench.core.TokenException;
import org.tokenbench.skf.SkfException;
import org.tokenbench.skf.SkfProblem;

/** An SKF slot id, {@code <absolute library path>#<key name>}: a key as one library lists it. */
record SlotId(Path library, String key) {

    static String of(Path library, String key) {
        return library + "#" + key;
    }

    /**
     * Splits at the '#' after a library in use where one fits (paths and key names may hold '#' themselves), else at
     * the first '#'.
     */
    static SlotId parse(String slotId, Collection<Path> libraries) throws TokenException {
        for (Path library : libraries.stream().sorted(Comparator.comparing((Path p) -> p.toString().length()).reversed()).toList()) {
            String prefix = library + "#";
            if (slotId.startsWith(prefix) && slotId.length() > prefix.length()) {
                return new SlotId(library, slotId.substring(prefix.length()));
            }
        }
        int hash = slotId.indexOf('#');
        if (hash <= 0 || hash == slotId.length() - 1) {
            throw new SkfException(SkfProblem.NO_DEVICE, "'" + slotId + "' is not an SKF slot (library path#key name)");
        }
        return new SlotId(Path.of(slotId.substring(0, hash)), slotId.substring(hash + 1));
    }
}
