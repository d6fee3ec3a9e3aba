package org.tokenbench.ui.internal.views;

import org.tokenbench.ui.internal.commands.TokenBenchCommands;
import org.tokenbench.ui.internal.commands.ViewCommand;

import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.ISchedulingRule;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.part.ViewPart;
import org.eclipse.ui.progress.IProgressConstants;
import org.tokenbench.core.PrivateFiles;
import org.tokenbench.core.TokenException;
import org.tokenbench.core.fleet.AuditEntry;
import org.tokenbench.core.fleet.AuditEvent;
import org.tokenbench.core.fleet.AuditLog;
import org.tokenbench.core.fleet.DeviceInventory;
import org.tokenbench.core.fleet.DeviceInventory.Entry;
import org.tokenbench.core.fleet.DeviceInventory.State;
import org.tokenbench.diagnostics.DiagnosticsRegistry;
import org.tokenbench.fleet.AuditTrail;
import org.tokenbench.fleet.InventoryCsv;
import org.tokenbench.ui.internal.model.FleetModel;

/**
 * The fleet: every device TokenBench has seen or programmed, filtered by words and state, sorted by any column (click
 * its header, again to reverse), with the selected device's history from the audit log below. Refreshes when the audit
 * log records something (programming, state and owner changes); the inventory is read off the display thread.
 */
public final class FleetView extends ViewPart {

    public static final String ID = "org.tokenbench.ui.views.fleet";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.systemDefault());
    /** To the minute: a last-seen time needs no seconds, and the nine columns fit the narrower task perspectives. */
    private static final DateTimeFormatter LAST_SEEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.systemDefault());

    private Display display;
    private Text filter;
    private Combo state;
    private TableViewer devices;
    private TableViewer history;
    private Label status;
    private ServiceHandle<DeviceInventory> inventory;
    private ServiceHandle<AuditTrail> trail;
    private ServiceHandle<AuditLog> log;
    private ServiceHandle<DiagnosticsRegistry> diagnostics;
    private volatile AutoCloseable subscription;
    private final List<Function<Entry, String>> columns = new ArrayList<>();
    private FleetModel model;
    private final AuditRecorder audit = new AuditRecorder();

    @Override
    public void createPartControl(Composite parent) {
        display = parent.getDisplay();
        GridLayoutFactory.fillDefaults().margins(4, 4).applyTo(parent);

        // The filter keeps its own row, so it stays usable when the view is narrow; the actions wrap below it.
        Composite bar = new Composite(parent, SWT.NONE);
        GridLayoutFactory.fillDefaults().numColumns(2).applyTo(bar);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(bar);
        filter = Widgets.id(new Text(bar, SWT.SEARCH | SWT.ICON_SEARCH | SWT.ICON_CANCEL | SWT.BORDER), "fleet.filter");
        filter.setMessage(Messages.fleet_filter);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(filter);
        filter.addListener(SWT.Modify, e -> applyFilter());
        state = Widgets.id(new Combo(bar, SWT.READ_ONLY), "fleet.state");
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
        Widgets.id(ViewCommand.activate(getSite(), TokenBenchCommands.REFRESH, this::refresh).button(actions, Messages.fleet_refresh), "fleet.refresh");
        Widgets.id(ViewCommand.activate(getSite(), TokenBenchCommands.EXPORT, this::askExport).button(actions, Messages.fleet_exportCsv), "fleet.export");
        Widgets.id(ViewCommand.activate(getSite(), TokenBenchCommands.MARK_RETIRED, () -> markSelected(State.RETIRED)).enabledWhen(() -> canMark(State.RETIRED)).button(actions, Messages.fleet_markRetired), "fleet.markRetired");
        Widgets.id(ViewCommand.activate(getSite(), TokenBenchCommands.MARK_LOST, () -> markSelected(State.LOST)).enabledWhen(() -> canMark(State.LOST)).button(actions, Messages.fleet_markLost), "fleet.markLost");

        SashForm split = new SashForm(parent, SWT.VERTICAL);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(split);
        devices = Widgets.table(split, SWT.SINGLE, "fleet.devices");
        sortable(Messages.fleet_family, 110, Entry::family);
        sortable(Messages.fleet_serial, 120, Entry::serial);
        sortable(Messages.fleet_state, 90, e -> stateText(e.state()));
        sortable(Messages.fleet_owner, 120, Entry::owner);
        sortable(Messages.fleet_account, 160, Entry::account);
        sortable(Messages.fleet_driver, 120, Entry::driver);
        sortable(Messages.fleet_firmware, 80, Entry::firmware);
        sortable(Messages.fleet_clockSkew, 80, e -> e.lastSkew().map(s -> NLS.bind(Messages.fleet_skewSeconds, s.toSeconds())).orElse(""))
                .getColumn().setToolTipText(Messages.fleet_clockSkewTip);
        sortable(Messages.fleet_lastSeen, 140, e -> LAST_SEEN.format(e.lastSeen()));
        // sorted by serial at first
        model = new FleetModel(columns, 1);
        Widgets.fitColumns(devices.getTable());
        devices.addSelectionChangedListener(e -> showHistory());
        devices.addSelectionChangedListener(e -> ViewCommand.update(getSite()));
        ViewCommand.contextMenu(getSite(), devices);

        history = Widgets.table(split, SWT.SINGLE, "fleet.history");
        Widgets.<AuditEntry>textColumn(history, Messages.activity_time, 140, e -> TIME.format(e.time()));
        Widgets.<AuditEntry>textColumn(history, Messages.activity_user, 90, AuditEntry::user);
        Widgets.<AuditEntry>textColumn(history, Messages.activity_action, 150, e -> e.event().action());
        Widgets.<AuditEntry>textColumn(history, Messages.activity_result, 420, e -> ActivityView.Row.of(e).result());
        Widgets.fitColumns(history.getTable());
        split.setWeights(3, 2);

        status = Widgets.id(new Label(parent, SWT.WRAP), "fleet.status");
        GridDataFactory.fillDefaults().grab(true, false).applyTo(status);

        diagnostics = new ServiceHandle<>(DiagnosticsRegistry.class);
        trail = new ServiceHandle<>(AuditTrail.class);
        // An inventory already registered arrives inside this constructor, before the field is assigned: it is read
        // from the service handed over, not through the field.
        inventory = new ServiceHandle<>(DeviceInventory.class, this::refresh);
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

    private TableViewerColumn sortable(String title, int width, Function<Entry, String> text) {
        TableViewerColumn column = Widgets.textColumn(devices, title, width, text);
        int index = columns.size();
        columns.add(text);
        column.getColumn().addListener(SWT.Selection, e -> {
            model.sortBy(index);
            showSorted();
        });
        return column;
    }

    /** The table in the model's order, the sorted column marked with its direction. */
    private void showSorted() {
        devices.getTable().setSortColumn(devices.getTable().getColumn(model.sortColumn()));
        devices.getTable().setSortDirection(model.descending() ? SWT.DOWN : SWT.UP);
        show();
    }

    /** Reads the inventory (when there is one) again. */
    private void refresh() {
        inventory.get().ifPresent(this::refresh);
    }

    /** Reads {@code source} in a Job and shows it through the filter. */
    private void refresh(DeviceInventory source) {
        inBackground(Messages.fleet_readingInventory, () -> {
            model.setAll(source.list());
            later(this::show);
        }, Messages.fleet_inventoryUnreadable);
    }

    /**
     * The view's database Jobs run one after another in the order they were scheduled: a read started by an older
     * audit record never overwrites what a newer one read (a device just marked lost showing its old state).
     */
    private final ISchedulingRule oneAtATime = new ISchedulingRule() {
        @Override
        public boolean contains(ISchedulingRule rule) {
            return rule == this;
        }

        @Override
        public boolean isConflicting(ISchedulingRule rule) {
            return rule == this;
        }
    };

    /** Database work, which the display thread must not wait for. */
    @FunctionalInterface
    private interface Work {
        void run() throws TokenException;
    }

    /**
     * Runs {@code work} in a Job (seen in the Progress view); a failure is explained in the status line through
     * {@code failureText} ({@code {0}} the diagnostics' explanation) and is the Job's error result.
     */
    private void inBackground(String name, Work work, String failureText) {
        Job job = Job.create(name, monitor -> {
            try {
                work.run();
                return Status.OK_STATUS;
            } catch (TokenException e) {
                later(() -> setStatus(NLS.bind(failureText, explain(e))));
                return Status.error(e.getMessage() + " [" + e.code() + "]");
            } finally {
                monitor.done();
            }
        });
        // the status line explains the failure where the user looks: no modal dialog on top of it
        job.setProperty(IProgressConstants.NO_IMMEDIATE_ERROR_PROMPT_PROPERTY, Boolean.TRUE);
        job.setRule(oneAtATime);
        job.schedule();
    }

    private String explain(TokenException e) {
        return diagnostics.get().map(registry -> registry.render(e)).orElseGet(() -> DiagnosticsRegistry.plain(e));
    }

    private void later(Runnable update) {
        Widgets.later(display, update);
    }

    private void applyFilter() {
        int stateIndex = state.getSelectionIndex();
        model.filter(filter.getText(), stateIndex <= 0 ? Optional.empty() : Optional.of(State.values()[stateIndex - 1]));
        show();
    }

    /** Renders the model: its rows (the selected device stays selected) and how many of the fleet they are. */
    private void show() {
        if (devices.getControl().isDisposed()) {
            return;
        }
        List<Entry> shown = model.shown();
        Optional<Entry> selected = selected();
        devices.setInput(shown);
        selected.flatMap(s -> FleetModel.sameDevice(s, shown))
                .ifPresent(e -> devices.setSelection(new org.eclipse.jface.viewers.StructuredSelection(e), true));
        Widgets.fitColumns(devices.getTable());
        setStatus(NLS.bind(Messages.fleet_shown, shown.size(), model.total()));
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
        inBackground(Messages.fleet_readingHistory, () -> {
            List<AuditEntry> items = source.get().history(entry.get().family(), entry.get().serial());
            later(() -> {
                // another device selected meanwhile: its own read shows its history
                boolean stillSelected = selected().filter(shown -> shown.family().equals(entry.get().family())
                        && shown.serial().equals(entry.get().serial())).isPresent();
                if (stillSelected && !history.getControl().isDisposed()) {
                    history.setInput(items);
                    Widgets.fitColumns(history.getTable());
                }
            });
        }, Messages.fleet_historyUnreadable);
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
        inBackground(NLS.bind(Messages.fleet_marking, entry.get().serial()),
                () -> target.get().changeState(entry.get().family(), entry.get().serial(), newState, ""), Messages.fleet_markFailed);
    }

    private void askExport() {
        FileDialogs.save(devices.getControl().getShell(), Messages.fleet_exportTitle, "fleet.csv", "*.csv").ifPresent(this::exportCsv);
    }

    /** Writes the devices shown (filter applied, in the shown order) as CSV, readable by its owner only, and records it. */
    private void exportCsv(java.nio.file.Path file) {
        List<Entry> shown = new ArrayList<>();
        for (int i = 0; i < devices.getTable().getItemCount(); i++) {
            shown.add((Entry) devices.getElementAt(i));
        }
        try {
            PrivateFiles.write(file, InventoryCsv.format(shown).getBytes(StandardCharsets.UTF_8));
            setStatus(NLS.bind(Messages.fleet_exported, shown.size(), file));
            audit.record(AuditEvent.succeeded(AuditEvent.EXPORT, "", "", "inventory of " + shown.size() + " device(s) to " + file),
                    message -> later(() -> setStatus(message)));
        } catch (TokenException e) {
            setStatus(NLS.bind(Messages.fleet_exportFailed, explain(e)));
        }
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
        diagnostics.close();
        audit.close();
        super.dispose();
    }
}
