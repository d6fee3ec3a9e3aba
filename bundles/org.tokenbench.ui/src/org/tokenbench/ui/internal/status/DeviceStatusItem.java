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
import org.tokenbench.core.device.DeviceService;
import org.tokenbench.ui.internal.views.ServiceHandle;

/**
 * The status bar's device line: pcscd and the readers, vendor key libraries, how many devices are identified. Asking a
 * transport may block (pcscd, a vendor library), so the summary is made in a system Job, on every device event and
 * every few seconds (pcscd stopping sends no event), and only shown on the display thread.
 */
public final class DeviceStatusItem extends ContributionItem {

    public static final String ID = "org.tokenbench.ui.status.devices";
    private static final long POLL_MILLIS = 5_000;

    private final ServiceHandle<DeviceService> service;
    private final Job update = new Job("Device status") {
        @Override
        protected IStatus run(IProgressMonitor monitor) {
            DeviceStatusSummary summary = service.get().map(DeviceStatusSummary::of)
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

    public DeviceStatusItem() {
        super(ID);
        update.setSystem(true);
        service = new ServiceHandle<>(DeviceService.class, devices -> {
            subscription = devices.onChange(event -> update.schedule());
            update.schedule();
        });
    }

    @Override
    public void fill(Composite parent) {
        label = new CLabel(parent, SWT.SHADOW_NONE);
        StatusLineLayoutData data = new StatusLineLayoutData();
        data.widthHint = 1000;
        label.setLayoutData(data);
        label.setText(Messages.status_noService);
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
                shown.setToolTipText(summary.details());
                shown.setForeground(summary.healthy() ? null : display.getSystemColor(SWT.COLOR_DARK_RED));
            }
        });
    }

    @Override
    public void dispose() {
        label = null;
        update.cancel();
        try {
            if (subscription != null) {
                subscription.close();
            }
        } catch (Exception e) {
            // the devices service went first; nothing left to unsubscribe from
        }
        service.close();
    }
}
