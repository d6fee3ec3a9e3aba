package org.tokenbench.ui.internal.views;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.eclipse.ui.part.ViewPart;
import org.tokenbench.core.ErrorCode;
import org.tokenbench.core.TokenException;
import org.tokenbench.core.fleet.AuditEntry;
import org.tokenbench.core.fleet.AuditEvent;
import org.tokenbench.core.fleet.AuditLog;

/**
 * What was done, by whom, on which device, with what result, newest first: the audit log the fleet bundle keeps (so it
 * survives restarts and shows what the CLI and other workbenches on the same database did), updated as entries are
 * written. APDU trace lines, when the preference asks for them, are shown among them for this session only: a trace
 * is a debugging aid, not audit material, and is never stored.
 */
public final class ActivityView extends ViewPart {

    public static final String ID = "org.tokenbench.ui.views.activity";
    /** How many of the newest audit entries are shown. */
    static final int SHOWN = 500;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.systemDefault());

    /** One line of the view. */
    public record Row(Instant time, String user, String action, String device, String result) {

        public static Row of(AuditEntry entry) {
            AuditEvent event = entry.event();
            String result = outcomeText(event.outcome()) + event.code().map(ErrorCode::toString).map(c -> " [" + c + "]").orElse("");
            if (!event.detail().isEmpty()) {
                result = NLS.bind(Messages.activity_withDetail, result, event.detail());
            }
            return new Row(entry.time(), entry.user(), event.action(), (event.family() + " " + event.serial()).strip(), result);
        }

        private static String outcomeText(AuditEvent.Outcome outcome) {
            return switch (outcome) {
                case SUCCEEDED -> Messages.activity_succeeded;
                case FAILED -> Messages.activity_failed;
                case REFUSED -> Messages.activity_refused;
                case CANCELED -> Messages.activity_canceled;
            };
        }
    }

    private static final List<Row> TRACE = new CopyOnWriteArrayList<>();
    private static final List<Runnable> TRACE_LISTENERS = new CopyOnWriteArrayList<>();

    /** An APDU trace line from any thread (session only, not stored); open Activity views show it at once. */
    public static void trace(String device, String line) {
        TRACE.add(new Row(Instant.now(), System.getProperty("user.name", "?"), "APDU", device, line));
        TRACE_LISTENERS.forEach(Runnable::run);
    }

    public static List<Row> traceRows() {
        return new ArrayList<>(TRACE);
    }

    private TableViewer viewer;
    private Display display;
    private Label status;
    private ServiceHandle<AuditLog> log;
    private volatile AutoCloseable subscription;
    private Runnable traceListener;

    @Override
    public void createPartControl(Composite parent) {
        GridLayoutFactory.fillDefaults().applyTo(parent);
        viewer = Widgets.table(parent, SWT.SINGLE, "activity.entries");
        GridDataFactory.fillDefaults().grab(true, true).applyTo(viewer.getTable());
        column(Messages.activity_time, 140, r -> TIME.format(r.time()));
        column(Messages.activity_user, 90, Row::user);
        column(Messages.activity_action, 160, Row::action);
        column(Messages.activity_device, 200, Row::device);
        column(Messages.activity_result, 420, Row::result);
        Widgets.fitColumns(viewer.getTable());
        status = Widgets.id(new Label(parent, SWT.WRAP), "activity.status");
        GridDataFactory.fillDefaults().grab(true, false).applyTo(status);
        display = parent.getDisplay();
        // F5 and the view's toolbar: the audit log may be shared with the command line or another workstation
        org.tokenbench.ui.internal.commands.ViewCommand.activate(getSite(), org.tokenbench.ui.internal.commands.TokenBenchCommands.REFRESH, this::refresh);
        traceListener = this::refresh;
        TRACE_LISTENERS.add(traceListener);
        log = new ServiceHandle<>(AuditLog.class, service -> {
            subscription = service.onRecord(entry -> refresh(service));
            refresh(service);
        });
        if (log.get().isEmpty()) {
            display.asyncExec(() -> setStatus(Messages.activity_noAuditLog));
        }
    }

    /** Reads the newest entries off the display thread, then shows them with the session's trace lines. */
    CompletableFuture<Void> refresh() {
        return refresh(log == null ? AuditLog.NONE : log.get().orElse(AuditLog.NONE));
    }

    private CompletableFuture<Void> refresh(AuditLog source) {
        return CompletableFuture.runAsync(() -> {
            List<Row> rows = new ArrayList<>(traceRows());
            String problem = "";
            try {
                source.recent(SHOWN).forEach(entry -> rows.add(Row.of(entry)));
            } catch (TokenException e) {
                problem = NLS.bind(Messages.activity_unreadable, e.getMessage());
            }
            rows.sort(Comparator.comparing(Row::time).reversed());
            String message = problem;
            display.asyncExec(() -> {
                if (!viewer.getControl().isDisposed()) {
                    viewer.setInput(List.copyOf(rows));
                    Widgets.fitColumns(viewer.getTable());
                    setStatus(message);
                }
            });
        });
    }

    private void setStatus(String text) {
        if (!status.isDisposed()) {
            status.setText(text);
            status.getParent().layout();
        }
    }

    private void column(String title, int width, Function<Row, String> text) {
        Widgets.textColumn(viewer, title, width, text);
    }

    @Override
    public void setFocus() {
        viewer.getControl().setFocus();
    }

    @Override
    public void dispose() {
        TRACE_LISTENERS.remove(traceListener);
        try {
            if (subscription != null) {
                subscription.close();
            }
        } catch (Exception e) {
            // the log is going away with the view
        }
        log.close();
        super.dispose();
    }
}
