package org.tokenbench.ui.internal.status;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.action.ContributionItem;
import org.eclipse.jface.action.StatusLineLayoutData;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.CLabel;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.tokenbench.core.device.DeviceService;
import org.tokenbench.ui.internal.views.ServiceHandle;
import org.tokenbench.ui.internal.views.Subscriptions;

/**
 * The status bar's device line: pcscd and the readers, vendor key libraries, how many devices are identified. Asking a
 * transport may block (pcscd, a vendor library), so the summary is made in a system Job, on every device event and
 * every few seconds (pcscd stopping sends no event), and only shown on the display thread.
 */
public final class DeviceStatusItem extends ContributionItem {

    public static final String ID = "org.tokenbench.ui.status.devices";
    private static final long POLL_MILLIS = 5_000;

    /** Volatile, not final: the handle calls back (and the Job may run) before its constructor returned. */
    private volatile ServiceHandle<DeviceService> service;
    private final Job update = new Job("Device status") {
        @Override
        protected IStatus run(IProgressMonitor monitor) {
            ServiceHandle<DeviceService> handle = service;
            if (handle == null) {
                // scheduled from inside the handle's constructor (the service was there already): run again once it is set
                schedule(100);
                return Status.OK_STATUS;
            }
            DeviceStatusSummary summary = handle.get().map(DeviceStatusSummary::of)
                    .orElseGet(() -> new DeviceStatusSummary(Messages.status_noService, Messages.status_noService, false));
            show(summary);
            if (label != null && !label.isDisposed()) {
                schedule(POLL_MILLIS);
            }
            return Status.OK_STATUS;
        }
    };
    private volatile CLabel label;
    private AutoCloseable subscription;
    private boolean disposed;
    private Shell window;

    public DeviceStatusItem() {
        super(ID);
        update.setSystem(true);
        service = new ServiceHandle<>(DeviceService.class, this::subscribe);
    }

    /** One subscription at a time: a devices service that comes again replaces the old one's; none after dispose. */
    private synchronized void subscribe(DeviceService devices) {
        if (disposed) {
            return;
        }
        unsubscribe();
        subscription = devices.onChange(event -> update.schedule());
        update.schedule();
    }

    /** Whether the item still listens to the devices service (tests: none after the window closed). */
    public synchronized boolean subscribed() {
        return subscription != null;
    }

    private synchronized void unsubscribe() {
        Subscriptions.closeQuietly(subscription);
        subscription = null;
    }

    @Override
    public void fill(Composite parent) {
        label = new CLabel(parent, SWT.SHADOW_NONE);
        label.setLayoutData(new StatusLineLayoutData());
        label.setText(Messages.status_noService);
        // The label is not the item's life: StatusLineManager.update(true) disposes the items' controls and fills them
        // again. The window closing is its end (the status line disposes its controls, not always its items).
        Shell shell = parent.getShell();
        if (window != shell) {
            window = shell;
            shell.addDisposeListener(e -> dispose());
        }
        update.schedule();
    }

    /** The text shown now (tests and accessibility read it). */
    public String text() {
        return label == null ? "" : label.getText();
    }

    private void show(DeviceStatusSummary summary) {
        CLabel shown = label;
        if (shown == null || shown.isDisposed()) {
            return;
        }
        Display display = shown.getDisplay();
        display.asyncExec(() -> {
            if (!shown.isDisposed()) {
                shown.setText(summary.line());
                // as wide as the line needs (the status line gives the rest to the others); the tooltip has everything
                ((StatusLineLayoutData) shown.getLayoutData()).widthHint = shown.computeSize(SWT.DEFAULT, SWT.DEFAULT).x;
                shown.getParent().layout(true);
                shown.setToolTipText(summary.details());
                shown.setForeground(summary.healthy() ? null : display.getSystemColor(SWT.COLOR_DARK_RED));
            }
        });
    }

    @Override
    public void dispose() {
        synchronized (this) {
            if (disposed) {
                return;
            }
            disposed = true;
        }
        label = null;
        update.cancel();
        unsubscribe();
        service.close();
    }
}
