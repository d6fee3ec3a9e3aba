package org.tokenbench.pcsc.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.tokenbench.core.TokenException;
import org.tokenbench.core.device.Slot;
import org.tokenbench.core.driver.Atr;
import org.tokenbench.pcsc.PcscErrors;

/**
 * Readers as slots: id and name are the reader's name as pcscd gives it; the card's presence and ATR come from
 * SCARD_READERSTATE, so nothing is sent to the card. A card that answered no ATR is present with the property
 * {@link #MUTE}.
 */
public final class ReaderSlots {

    /** The transport id, the first part of every device id ({@code pcsc:Virtual PCD 00 00}). */
    public static final String TRANSPORT = "pcsc";
    /** Slot property set to {@code true} when pcscd sees a card that gives no ATR (inserted the wrong way, broken). */
    public static final String MUTE = "mute";

    private ReaderSlots() {
    }

    public static Slot slot(PcscLite.ReaderState state) {
        long event = state.eventState();
        boolean present = (event & PcscLite.SCARD_STATE_PRESENT) != 0;
        byte[] atr = state.atr();
        Optional<Atr> cardAtr = present && atr.length > 0 ? Optional.of(new Atr(atr)) : Optional.empty();
        Map<String, String> properties = present && (event & PcscLite.SCARD_STATE_MUTE) != 0 ? Map.of(MUTE, "true") : Map.of();
        return new Slot(TRANSPORT, state.szReader, state.szReader, present, cardAtr, properties);
    }

    /** The same reader without a card, for a card swapped between two reports. */
    public static Slot empty(Slot slot) {
        return new Slot(slot.transport(), slot.id(), slot.name(), false, Optional.empty(), Map.of());
    }

    /** Every reader now, by name, in one call that returns at once. */
    public static List<Slot> now(PcscContext context) throws TokenException {
        List<String> readers = context.readers();
        if (readers.isEmpty()) {
            return List.of();
        }
        PcscLite.ReaderState[] states = PcscLite.ReaderState.of(readers,
                Collections.nCopies(readers.size(), (long) PcscLite.SCARD_STATE_UNAWARE));
        long code = context.waitForChange(states, 0);
        if (code != PcscLite.SCARD_S_SUCCESS && code != PcscErrors.TIMEOUT) {
            throw PcscErrors.of(code, "cannot ask the readers about their cards (" + PcscErrors.name(code) + ")", null);
        }
        List<Slot> slots = new ArrayList<>();
        for (PcscLite.ReaderState state : states) {
            if ((state.eventState() & PcscLite.SCARD_STATE_UNKNOWN) == 0) {
                slots.add(slot(state));
            }
        }
        return slots;
    }
}
