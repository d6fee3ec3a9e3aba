package org.tokenbench.ui.internal.model;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.tokenbench.core.fleet.DeviceInventory.Entry;
import org.tokenbench.core.fleet.DeviceInventory.State;
import org.tokenbench.fleet.InventoryFilter;

/**
 * The Fleet view's state and rules: the inventory as last read, the filter (words and a state, as
 * {@code tokenbench fleet list --filter/--state} select) and the sort (by a column's text, ignoring case; the sorted
 * column again reverses it). The view renders {@link #shown()}.
 */
public final class FleetModel {

    private final List<Function<Entry, String>> columns;
    private List<Entry> all = List.of();
    private InventoryFilter filter = InventoryFilter.ALL;
    private int sortColumn;
    private boolean descending;

    /**
     * @param columns each column's text, as the table shows it (sorting follows what the user sees)
     * @param sortColumn the column sorted by at first, ascending
     */
    public FleetModel(List<Function<Entry, String>> columns, int sortColumn) {
        this.columns = List.copyOf(columns);
        this.sortColumn = sortColumn;
    }

    /** The inventory as read now. */
    public synchronized void setAll(List<Entry> entries) {
        all = List.copyOf(entries);
    }

    /** Entries whose fields contain every word of {@code words}, in {@code state} when one is given. */
    public synchronized void filter(String words, Optional<State> state) {
        filter = new InventoryFilter(words, state);
    }

    /** Sorts by {@code column}: ascending, or reversed when it is the column sorted by already. */
    public synchronized void sortBy(int column) {
        descending = column == sortColumn && !descending;
        sortColumn = column;
    }

    public synchronized int sortColumn() {
        return sortColumn;
    }

    public synchronized boolean descending() {
        return descending;
    }

    /** The entries the filter lets through, in the sorted order. */
    public synchronized List<Entry> shown() {
        Comparator<Entry> order = Comparator.comparing(columns.get(sortColumn), String.CASE_INSENSITIVE_ORDER);
        return filter.apply(all).stream().sorted(descending ? order.reversed() : order).toList();
    }

    public synchronized int total() {
        return all.size();
    }

    /** The same device (family and serial) among {@code entries}: a selection survives a refresh. */
    public static Optional<Entry> sameDevice(Entry device, List<Entry> entries) {
        return entries.stream().filter(e -> e.family().equals(device.family()) && e.serial().equals(device.serial())).findFirst();
    }
}
