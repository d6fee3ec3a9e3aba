package org.tokenbench.ui.internal.views;

import org.tokenbench.ui.internal.commands.TokenBenchCommands;
import org.tokenbench.ui.internal.commands.ViewCommand;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.jface.viewers.Viewer;
import org.eclipse.jface.viewers.ViewerComparator;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.part.ViewPart;
import org.tokenbench.core.PrivateFiles;
import org.tokenbench.core.TokenException;
import org.tokenbench.core.fleet.AuditEntry;
import org.tokenbench.core.fleet.AuditEvent;
import org.tokenbench.core.fleet.AuditLog;
import org.tokenbench.core.fleet.DeviceInventory;
import org.tokenbench.core.fleet.DeviceInventory.Entry;
import org.tokenbench.core.fleet.DeviceInventory.State;
import org.tokenbench.fleet.AuditTrail;
import org.tokenbench.fleet.InventoryCsv;
import org.tokenbench.fleet.InventoryFilter;

/**
 * The fleet: every device TokenBench has seen or programmed, filtered by words and state, sorted by any column (click
 * its header, again to reverse), with the selected device's history from the audit log below. Refreshes when the audit
 * log records something (programming, state and owner changes); the inventory is read off the display thread.
 */
public final class FleetView extends ViewPart {

    public static final String ID = "org.tokenbench.ui.views.fleet";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.systemDefault());

    private Display display;
    private Text filter;
    private Combo state;
    private TableViewer devices;
    private TableViewer history;
    private Label status;
    private ServiceHandle<DeviceInventory> inventory;
    private ServiceHandle<AuditTrail> trail;
    private ServiceHandle<AuditLog> log;
    private volatile AutoCloseable subscription;
    private volatile List<Entry> all = List.of();
    private final DeviceSorter sorter = new DeviceSorter();
    private final AuditRecorder audit = new AuditRecorder();

    @Override
    public void createPartControl(Composite parent) {
        display = parent.getDisplay();
        GridLayoutFactory.fillDefaults().margins(4, 4).applyTo(parent);

        // The filter keeps its own row, so it stays usable when the view is narrow; the actions wrap below it.
        Composite bar = new Composite(parent, SWT.NONE);
        GridLayoutFactory.fillDefaults().numColumns(2).applyTo(bar);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(bar);
        filter = new Text(bar, SWT.SEARCH | SWT.ICON_SEARCH | SWT.ICON_CANCEL | SWT.BORDER);
        filter.setMessage(Messages.fleet_filter);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(filter);
        filter.addListener(SWT.Modify, e -> applyFilter());
        state = new Combo(bar, SWT.READ_ONLY);
        // Item 0 is every state, item i + 1 is State.values()[i]: the combo's text is translated, its index is not.
        state.add(Messages.fleet_allStates);
        for (State each : State.values()) {
            state.add(stateText(each));
        }
        state.select(0);
        state.addListener(SWT.Selection, e -> applyFilter());
        Composite actions = new Composite(parent, SWT.NONE);
        actions.setLayout(new org.eclipse.swt.layout.RowLayout(SWT.HORIZONTAL));
        GridDataFactory.fillDefaults().grab(true, false).applyTo(actions);
        ViewCommand.activate(getSite(), TokenBenchCommands.REFRESH, this::refresh).button(actions, Messages.fleet_refresh);
        ViewCommand.activate(getSite(), TokenBenchCommands.EXPORT, this::askExport).button(actions, Messages.fleet_exportCsv);
        ViewCommand.activate(getSite(), TokenBenchCommands.MARK_RETIRED, () -> markSelected(State.RETIRED)).enabledWhen(() -> canMark(State.RETIRED)).button(actions, Messages.fleet_markRetired);
        ViewCommand.activate(getSite(), TokenBenchCommands.MARK_LOST, () -> markSelected(State.LOST)).enabledWhen(() -> canMark(State.LOST)).button(actions, Messages.fleet_markLost);

        SashForm split = new SashForm(parent, SWT.VERTICAL);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(split);
        devices = new TableViewer(split, SWT.BORDER | SWT.FULL_SELECTION | SWT.SINGLE);
        devices.getTable().setHeaderVisible(true);
        devices.getTable().setLinesVisible(true);
        devices.setContentProvider(ArrayContentProvider.getInstance());
        devices.setComparator(sorter);
        sortable(Messages.fleet_family, 110, Entry::family);
        sortable(Messages.fleet_serial, 120, Entry::serial);
        sortable(Messages.fleet_state, 90, e -> stateText(e.state()));
        sortable(Messages.fleet_owner, 120, Entry::owner);
        sortable(Messages.fleet_account, 160, Entry::account);
        sortable(Messages.fleet_driver, 120, Entry::driver);
        sortable(Messages.fleet_firmware, 80, Entry::firmware);
        sortable(Messages.fleet_clockSkew, 80, e -> e.lastSkew().map(s -> NLS.bind(Messages.fleet_skewSeconds, s.toSeconds())).orElse(""));
        sortable(Messages.fleet_lastSeen, 140, e -> TIME.format(e.lastSeen()));
        Widgets.fitColumns(devices.getTable());
        devices.addSelectionChangedListener(e -> showHistory());
        devices.addSelectionChangedListener(e -> ViewCommand.update(getSite()));
        ViewCommand.contextMenu(getSite(), devices);

        history = new TableViewer(split, SWT.BORDER | SWT.FULL_SELECTION | SWT.SINGLE);
        history.getTable().setHeaderVisible(true);
        history.getTable().setLinesVisible(true);
        history.setContentProvider(ArrayContentProvider.getInstance());
        Widgets.<AuditEntry>textColumn(history, Messages.activity_time, 140, e -> TIME.format(e.time()));
        Widgets.<AuditEntry>textColumn(history, Messages.activity_user, 90, AuditEntry::user);
        Widgets.<AuditEntry>textColumn(history, Messages.activity_action, 150, e -> e.event().action());
        Widgets.<AuditEntry>textColumn(history, Messages.activity_result, 420, e -> ActivityView.Row.of(e).result());
        Widgets.fitColumns(history.getTable());
        split.setWeights(3, 2);

        status = new Label(parent, SWT.WRAP);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(status);

        trail = new ServiceHandle<>(AuditTrail.class);
        inventory = new ServiceHandle<>(DeviceInventory.class, service -> refresh());
        log = new ServiceHandle<>(AuditLog.class, service -> subscription = service.onRecord(entry -> refresh()));
        if (inventory.get().isEmpty()) {
            setStatus(Messages.fleet_notInstalled);
        }
    }

    /** A state as the view shows it, in the workbench's language. */
    static String stateText(State state) {
        return switch (state) {
            case NEW -> Messages.fleet_stateNew;
            case PROGRAMMED -> Messages.fleet_stateProgrammed;
            case CONFIRMED -> Messages.fleet_stateConfirmed;
            case RETIRED -> Messages.fleet_stateRetired;
            case LOST -> Messages.fleet_stateLost;
        };
    }

    private void sortable(String title, int width, Function<Entry, String> text) {
        TableViewerColumn column = Widgets.textColumn(devices, title, width, text);
        int index = devices.getTable().getColumnCount() - 1;
        column.getColumn().addListener(SWT.Selection, e -> sortBy(index, text));
    }

    /** Sorts by column {@code index} (ascending, then descending on the second click), as a header click does. */
    public void sortBy(int index) {
        devices.getTable().getColumn(index).notifyListeners(SWT.Selection, new org.eclipse.swt.widgets.Event());
    }

    private void sortBy(int index, Function<Entry, String> text) {
        sorter.by(index, text);
        devices.getTable().setSortColumn(devices.getTable().getColumn(index));
        devices.getTable().setSortDirection(sorter.descending ? SWT.DOWN : SWT.UP);
        devices.refresh();
    }

    /** Column sort: by the column's text, case-insensitively; the same column again reverses it. */
    private static final class DeviceSorter extends ViewerComparator {
        private int column = 1;
        private Function<Entry, String> key = Entry::serial;
        private boolean descending;

        void by(int index, Function<Entry, String> text) {
            descending = index == column && !descending;
            column = index;
            key = text;
        }

        @Override
        public int compare(Viewer viewer, Object a, Object b) {
            int order = String.CASE_INSENSITIVE_ORDER.compare(key.apply((Entry) a), key.apply((Entry) b));
            return descending ? -order : order;
        }
    }

    /** Reads the inventory off the display thread and shows it through the filter. */
    public CompletableFuture<Void> refresh() {
        Optional<DeviceInventory> source = inventory == null ? Optional.empty() : inventory.get();
        if (source.isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        return CompletableFuture.runAsync(() -> {
            try {
                List<Entry> read = source.get().list();
                display.asyncExec(() -> {
                    all = read;
                    applyFilter();
                });
            } catch (TokenException e) {
                display.asyncExec(() -> setStatus(NLS.bind(Messages.fleet_inventoryUnreadable, e.getMessage())));
            }
        });
    }

    private void applyFilter() {
        if (devices.getControl().isDisposed()) {
            return;
        }
        int stateIndex = state.getSelectionIndex();
        InventoryFilter selection = new InventoryFilter(filter.getText(),
                stateIndex <= 0 ? Optional.empty() : Optional.of(State.values()[stateIndex - 1]));
        List<Entry> shown = selection.apply(all);
        Optional<Entry> selected = selected();
        devices.setInput(shown);
        selected.flatMap(s -> shown.stream().filter(e -> e.family().equals(s.family()) && e.serial().equals(s.serial())).findFirst())
                .ifPresent(e -> devices.setSelection(new org.eclipse.jface.viewers.StructuredSelection(e), true));
        Widgets.fitColumns(devices.getTable());
        setStatus(NLS.bind(Messages.fleet_shown, shown.size(), all.size()));
    }

    private Optional<Entry> selected() {
        Object first = ((IStructuredSelection) devices.getSelection()).getFirstElement();
        return Optional.ofNullable((Entry) first);
    }

    private void showHistory() {
        Optional<Entry> entry = selected();
        Optional<AuditTrail> source = trail.get();
        if (entry.isEmpty() || source.isEmpty()) {
            history.setInput(List.of());
            return;
        }
        CompletableFuture.runAsync(() -> {
            try {
                List<AuditEntry> items = source.get().history(entry.get().family(), entry.get().serial());
                display.asyncExec(() -> {
                    if (!history.getControl().isDisposed()) {
                        history.setInput(items);
                        Widgets.fitColumns(history.getTable());
                    }
                });
            } catch (TokenException e) {
                display.asyncExec(() -> setStatus(NLS.bind(Messages.fleet_historyUnreadable, e.getMessage())));
            }
        });
    }

    /** A device is selected, not in {@code newState} yet, and the inventory is there to change it. */
    private boolean canMark(State newState) {
        return devices != null && inventory != null && inventory.get().isPresent() && selected().filter(e -> e.state() != newState).isPresent();
    }

    private void markSelected(State newState) {
        Optional<Entry> entry = selected();
        Optional<DeviceInventory> target = inventory.get();
        if (entry.isEmpty() || target.isEmpty()) {
            setStatus(Messages.fleet_selectFirst);
            return;
        }
        CompletableFuture.runAsync(() -> {
            try {
                target.get().changeState(entry.get().family(), entry.get().serial(), newState, "");
            } catch (TokenException e) {
                display.asyncExec(() -> setStatus(e.getMessage()));
            }
        });
    }

    private void askExport() {
        FileDialog dialog = new FileDialog(devices.getControl().getShell(), SWT.SAVE);
        dialog.setText(Messages.fleet_exportTitle);
        dialog.setFilterExtensions(new String[] { "*.csv" });
        dialog.setFileName("fleet.csv");
        dialog.setOverwrite(true);
        String file = dialog.open();
        if (file != null) {
            exportCsv(Path.of(file));
        }
    }

    /** Writes the devices shown (filter applied, in the shown order) as CSV, readable by its owner only, and records it. */
    public void exportCsv(Path file) {
        List<Entry> shown = new ArrayList<>();
        for (int i = 0; i < devices.getTable().getItemCount(); i++) {
            shown.add((Entry) devices.getElementAt(i));
        }
        try {
            PrivateFiles.write(file, InventoryCsv.format(shown).getBytes(StandardCharsets.UTF_8));
            setStatus(NLS.bind(Messages.fleet_exported, shown.size(), file));
            audit.record(AuditEvent.succeeded(AuditEvent.EXPORT, "", "", "inventory of " + shown.size() + " device(s) to " + file),
                    message -> display.asyncExec(() -> setStatus(message)));
        } catch (TokenException e) {
            setStatus(e.getMessage());
        }
    }

    /** The serials on screen, in the shown order (for tests). */
    public List<String> shownSerials() {
        List<String> serials = new ArrayList<>();
        for (int i = 0; i < devices.getTable().getItemCount(); i++) {
            serials.add(((Entry) devices.getElementAt(i)).serial());
        }
        return serials;
    }

    /** Filters as a user would: {@code stateName} as the CLI takes it ({@code lost}), anything else for all states. */
    public void setFilter(String text, String stateName) {
        filter.setText(text);
        state.select(InventoryFilter.state(stateName).map(s -> s.ordinal() + 1).orElse(0));
        applyFilter();
    }

    public void select(String serial) {
        all.stream().filter(e -> e.serial().equals(serial)).findFirst()
                .ifPresent(e -> devices.setSelection(new org.eclipse.jface.viewers.StructuredSelection(e), true));
    }

    /** The selected device's history on screen: action and result per line (for tests). */
    public List<String> shownHistory() {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < history.getTable().getItemCount(); i++) {
            AuditEntry entry = (AuditEntry) history.getElementAt(i);
            lines.add(entry.event().action() + " " + ActivityView.Row.of(entry).result());
        }
        return lines;
    }

    public String statusText() {
        return status.getText();
    }

    private void setStatus(String text) {
        if (!status.isDisposed()) {
            status.setText(text);
            status.getParent().layout();
        }
    }

    @Override
    public void setFocus() {
        filter.setFocus();
    }

    @Override
    public void dispose() {
        Subscriptions.closeQuietly(subscription);
        inventory.close();
        trail.close();
        log.close();
        audit.close();
        super.dispose();
    }
}
