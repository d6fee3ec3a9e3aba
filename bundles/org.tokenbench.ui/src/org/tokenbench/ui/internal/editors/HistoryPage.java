package org.tokenbench.ui.internal.editors;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.tokenbench.core.TokenException;
import org.tokenbench.core.driver.DeviceIdentity;
import org.tokenbench.core.fleet.AuditEntry;
import org.tokenbench.core.fleet.AuditLog;
import org.tokenbench.ui.internal.views.ActivityView;
import org.tokenbench.ui.internal.views.ServiceHandle;
import org.tokenbench.ui.internal.views.Widgets;

/**
 * What the audit log says was done to this device (by this workbench, the CLI, or other workbenches on the same fleet
 * database), newest first, updated as entries are written. Only when an audit log is installed.
 */
final class HistoryPage extends EditorPage {

    /** How far back the log is searched for this device's entries. */
    static final int SEARCHED = 2000;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.systemDefault());

    private final ServiceHandle<AuditLog> log;
    private final DeviceIdentity identity;
    private TableViewer table;
    private volatile AutoCloseable subscription;

    HistoryPage(ServiceHandle<AuditLog> log, DeviceIdentity identity) {
        this.log = log;
        this.identity = identity;
    }

    @Override
    String title() {
        return Messages.page_history;
    }

    @Override
    String key() {
        return "history";
    }

    /** Whether {@code entry} is about this device: its serial, and its family when the entry names one. */
    static boolean about(AuditEntry entry, DeviceIdentity device) {
        return entry.event().serial().equals(device.serial()) && (entry.event().family().isEmpty() || entry.event().family().equals(device.family()));
    }

    @Override
    void createContent(Composite parent) {
        GridLayoutFactory.fillDefaults().applyTo(parent);
        table = Widgets.table(parent, SWT.SINGLE, "history.table");
        Widgets.<ActivityView.Row>textColumn(table, Messages.history_time, 150, row -> TIME.format(row.time()));
        Widgets.<ActivityView.Row>textColumn(table, Messages.history_user, 90, ActivityView.Row::user);
        Widgets.<ActivityView.Row>textColumn(table, Messages.history_action, 160, ActivityView.Row::action);
        Widgets.<ActivityView.Row>textColumn(table, Messages.history_result, 520, ActivityView.Row::result);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(table.getTable());
        button(parent, Messages.history_refresh, "history.refresh", this::refresh);
    }

    @Override
    void shown() {
        log.get().ifPresent(source -> subscription = source.onRecord(entry -> {
            if (about(entry, identity)) {
                refresh();
            }
        }));
        refresh();
    }

    /** Reads the log off the display thread (a team database may be slow). */
    private void refresh() {
        Display display = table.getControl().getDisplay();
        if (display.isDisposed()) {
            return;
        }
        Thread.ofVirtual().name("TokenBench device history").start(() -> {
            String message;
            List<ActivityView.Row> rows = List.of();
            try {
                rows = log.get().orElse(AuditLog.NONE).recent(SEARCHED).stream().filter(entry -> about(entry, identity))
                        .map(ActivityView.Row::of).toList();
                message = NLS.bind(Messages.history_read, rows.size(), identity.serial());
            } catch (TokenException e) {
                message = e.getMessage() + " [" + e.code() + "]";
            }
            List<ActivityView.Row> shown = rows;
            device.show(message);
            Widgets.later(table.getControl(), () -> table.setInput(shown));
        });
    }

    @Override
    public void dispose() {
        try {
            if (subscription != null) {
                subscription.close();
            }
        } catch (Exception e) {
            // the log went away first
        }
    }
}
