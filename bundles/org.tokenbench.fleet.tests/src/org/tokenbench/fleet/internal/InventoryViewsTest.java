package org.tokenbench.fleet.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.tokenbench.core.fleet.DeviceInventory.Entry;
import org.tokenbench.core.fleet.DeviceInventory.State;
import org.tokenbench.fleet.InventoryCsv;
import org.tokenbench.fleet.InventoryFilter;

/** The filter the Fleet view and {@code fleet list} share, and the CSV export. */
class InventoryViewsTest {

    private static final Instant T = Instant.parse("2026-11-29T10:00:00Z");
    private static final Entry ALICE = new Entry("safeid-c200", "2100123456", "safeid", "1.2", "Alice Martin", "Example:alice@example.com",
            State.PROGRAMMED, Optional.of(Duration.ofSeconds(-2)), T, T);
    private static final Entry SPARE = new Entry("guomi-skf", "GM01", "guomi", "", "", "", State.NEW, Optional.empty(), T, T);
    private static final Entry LOST = new Entry("safeid-c200", "2100999999", "safeid", "", "=HYPERLINK(\"http://x\")", "a,b", State.LOST,
            Optional.empty(), T, T);

    @Test
    void everyWordMustMatchSomeColumnAndTheStateNarrowsIt() {
        List<Entry> all = List.of(ALICE, SPARE, LOST);
        assertEquals(all, InventoryFilter.ALL.apply(all));
        assertEquals(List.of(ALICE), new InventoryFilter("alice 2100", Optional.empty()).apply(all));
        assertEquals(List.of(ALICE, LOST), new InventoryFilter("SAFEID", Optional.empty()).apply(all));
        assertEquals(List.of(LOST), new InventoryFilter("safeid", Optional.of(State.LOST)).apply(all));
        assertEquals(List.of(SPARE), new InventoryFilter("new", Optional.empty()).apply(all), "the state is searchable as text too");
        assertEquals(List.of(), new InventoryFilter("alice guomi", Optional.empty()).apply(all));
        assertEquals(Optional.of(State.RETIRED), InventoryFilter.state(" Retired"));
        assertEquals(Optional.empty(), InventoryFilter.state("gone"));
    }

    @Test
    void theCsvQuotesCellsAndDefusesFormulas() {
        assertEquals("""
                family,serial,driver,firmware,owner,account,state,lastSkewSeconds,firstSeen,lastSeen\r
                safeid-c200,2100123456,safeid,1.2,Alice Martin,Example:alice@example.com,programmed,-2,2026-11-29T10:00:00Z,2026-11-29T10:00:00Z\r
                safeid-c200,2100999999,safeid,,"'=HYPERLINK(""http://x"")","a,b",lost,,2026-11-29T10:00:00Z,2026-11-29T10:00:00Z\r
                """, InventoryCsv.format(List.of(ALICE, LOST)));
    }
}
