package org.tokenbench.ui.internal.editors;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Function;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.tokenbench.core.TokenException;
import org.tokenbench.core.driver.DeviceIdentity;
import org.tokenbench.core.fleet.AuditEntry;
import org.tokenbench.core.fleet.AuditLog;
import org.tokenbench.ui.internal.views.ActivityView;
import org.tokenbench.ui.internal.views.ServiceHandle;
import org.tokenbench.ui.internal.views.Subscriptions;
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
    /** The catalog's explanation of a failure (title, cause, what to do), not just the exception's message. */
    private final Function<TokenException, String> explain;
    private TableViewer table;
    private volatile AutoCloseable subscription;

    HistoryPage(ServiceHandle<AuditLog> log, DeviceIdentity identity, Function<TokenException, String> explain) {
        this.log = log;
        this.identity = identity;
        this.explain = explain;
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
        commandButton(parent, Messages.history_refresh, "history.refresh", org.tokenbench.ui.internal.commands.TokenBenchCommands.REFRESH, this::refresh);
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

    /** Reads the log off the display thread (a team database may be slow); a burst of new entries is one read. */
    private void refresh() {
        read.schedule();
    }

    /**
     * One system Job: scheduled while it runs it runs once more after, scheduled while it waits nothing more, so a burst
     * of audit records (a batch) costs one or two reads, never a thread each.
     */
    private final Job read = new Job(Messages.page_history) {
        {
            setSystem(true);
        }

        @Override
        protected IStatus run(IProgressMonitor monitor) {
            String message;
            List<ActivityView.Row> rows = List.of();
            try {
                rows = log.get().orElse(AuditLog.NONE).recent(SEARCHED).stream().filter(entry -> about(entry, identity))
                        .map(ActivityView.Row::of).toList();
                message = NLS.bind(Messages.history_read, rows.size(), identity.serial());
            } catch (TokenException e) {
                message = explain.apply(e);
            }
            List<ActivityView.Row> shown = rows;
            device.show(message);
            Widgets.later(table.getControl(), () -> table.setInput(shown));
            return Status.OK_STATUS;
        }
    };

    @Override
    public void dispose() {
        Subscriptions.closeQuietly(subscription);
        read.cancel();
    }
}
