package org.tokenbench.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.junit.jupiter.api.Test;
import org.tokenbench.core.fleet.DeviceInventory.Entry;
import org.tokenbench.core.fleet.DeviceInventory.State;
import org.tokenbench.ui.internal.model.FleetModel;

/** The Fleet view's filter and sort without a widget. */
class FleetModelTest {

    private static final Entry A = entry("safeid-c200", "S-0002", "Alice Martin", State.PROGRAMMED);
    private static final Entry B = entry("guomi-skf", "S-0003", "", State.NEW);
    private static final Entry C = entry("safeid-c200", "s-0001", "bob", State.NEW);
    private static final List<Function<Entry, String>> COLUMNS = List.of(Entry::family, Entry::serial, Entry::owner);

    @Test
    void sortsByAColumnIgnoringCaseAndReversesOnTheSecondClick() {
        FleetModel model = new FleetModel(COLUMNS, 1);
        model.setAll(List.of(A, B, C));
        assertEquals(List.of(C, A, B), model.shown(), "by serial at first, case ignored");
        model.sortBy(1);
        assertTrue(model.descending());
        assertEquals(List.of(B, A, C), model.shown());
        model.sortBy(0);
        assertFalse(model.descending(), "another column sorts ascending");
        assertEquals("guomi-skf", model.shown().get(0).family());
        model.sortBy(0);
        assertEquals(B, model.shown().get(2));
    }

    @Test
    void filtersByEveryWordAndTheState() {
        FleetModel model = new FleetModel(COLUMNS, 1);
        model.setAll(List.of(A, B, C));
        model.filter("safeid alice", Optional.empty());
        assertEquals(List.of(A), model.shown());
        model.filter("", Optional.of(State.NEW));
        assertEquals(List.of(C, B), model.shown());
        assertEquals(3, model.total());
        model.setAll(List.of(A));
        assertEquals(List.of(), model.shown(), "the filter stays when the inventory is read again");
    }

    @Test
    void aSelectionFindsItsDeviceAfterARefresh() {
        Entry again = new Entry(A.family(), A.serial(), "safeid", "1.3", "Alice Martin", "", State.CONFIRMED, Optional.empty(),
                A.firstSeen(), Instant.ofEpochSecond(1_800_000_000L));
        assertEquals(Optional.of(again), FleetModel.sameDevice(A, List.of(B, again)));
        assertEquals(Optional.empty(), FleetModel.sameDevice(A, List.of(B, C)));
    }

    private static Entry entry(String family, String serial, String owner, State state) {
        return new Entry(family, serial, "safeid", "1.2", owner, "", state, Optional.empty(), Instant.ofEpochSecond(1_700_000_000L),
                Instant.ofEpochSecond(1_700_000_000L));
    }
}
