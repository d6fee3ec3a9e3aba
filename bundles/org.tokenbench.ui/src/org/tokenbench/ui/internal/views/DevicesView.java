package org.tokenbench.ui.internal.views;

import org.tokenbench.ui.internal.commands.TokenBenchCommands;
import org.tokenbench.ui.internal.commands.ViewCommand;

import java.util.Optional;
import java.util.function.Function;

import org.eclipse.core.runtime.IConfigurationElement;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Platform;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.part.ViewPart;
import org.tokenbench.core.TokenException;
import org.tokenbench.core.device.Device;
import org.tokenbench.core.device.DeviceService;
import org.tokenbench.ui.internal.editors.DeviceEditor;
import org.tokenbench.ui.internal.model.DevicesModel;

/**
 * Every device the devices service knows, as it comes, is identified and goes: readers with or without a card, keys a
 * vendor library reports, and whatever a vendor's transport brings. The view only listens ({@link DeviceService#onChange});
 * identification, claims and exclusive access are the service's. Double-clicking a claimed device (or Open Device) opens
 * its editor ({@link DeviceEditor}). With nothing connected, the view says what to start, connect or configure, from the
 * transports' own status. The rows and the guidance are a {@link DevicesModel}; the view renders it.
 */
public final class DevicesView extends ViewPart {

    public static final String ID = "org.tokenbench.ui.views.devices";

    private final DevicesModel model = new DevicesModel();
    private ServiceHandle<DeviceService> service;
    private AutoCloseable subscription;
    private TableViewer viewer;
    private Label guidance;
    private Display display;

    @Override
    public void createPartControl(Composite parent) {
        setPartName(Messages.devices_title);
        display = parent.getDisplay();
        GridLayoutFactory.swtDefaults().numColumns(2).applyTo(parent);
        guidance = Widgets.id(new Label(parent, SWT.WRAP), "devices.guidance");
        GridDataFactory.fillDefaults().grab(true, false).hint(200, SWT.DEFAULT).applyTo(guidance);
        ViewCommand.activate(getSite(), TokenBenchCommands.REFRESH_DEVICES, this::refresh).button(parent, Messages.devices_refresh);
        viewer = new TableViewer(parent, SWT.BORDER | SWT.FULL_SELECTION | SWT.SINGLE);
        viewer.getTable().setHeaderVisible(true);
        viewer.getTable().setLinesVisible(true);
        Widgets.id(viewer.getTable(), "devices.table");
        GridDataFactory.fillDefaults().span(2, 1).grab(true, true).applyTo(viewer.getTable());
        viewer.setContentProvider(ArrayContentProvider.getInstance());
        // What a narrow view must show first (which device, what kind, in what state) on the left; the widths cap what
        // the content may take (Widgets.fitColumns: the header always fits, in either language).
        column(Messages.devices_slot, 220, d -> d.slot().name());
        column(Messages.devices_transport, 80, d -> d.slot().transport());
        column(Messages.devices_state, 200, DevicesModel::stateText);
        column(Messages.devices_claimedBy, 300, DevicesModel::claimText);
        column(Messages.devices_serial, 130, d -> d.serial().orElse(""));
        column(Messages.devices_clock, 100, DevicesModel::skewText);
        column(Messages.devices_busy, 60, DevicesModel::busyText);
        Widgets.fitColumns(viewer.getTable());
        viewer.addDoubleClickListener(e -> openEditor((Device) ((IStructuredSelection) e.getSelection()).getFirstElement()));
        ViewCommand open = ViewCommand.activate(getSite(), TokenBenchCommands.OPEN_DEVICE,
                () -> openEditor((Device) viewer.getStructuredSelection().getFirstElement()));
        open.setEnabled(false);
        viewer.addSelectionChangedListener(e -> open.setEnabled(DevicesModel.canOpen((Device) e.getStructuredSelection().getFirstElement())));
        // Open Device and Refresh Devices come from plugin.xml (popup:org.tokenbench.ui.views.devices).
        org.eclipse.jface.action.MenuManager menu = new org.eclipse.jface.action.MenuManager();
        viewer.getTable().setMenu(menu.createContextMenu(viewer.getTable()));
        getSite().registerContextMenu(menu, viewer);
        getSite().setSelectionProvider(viewer);

        // The service may be activated after the view: subscribe whenever it arrives.
        service = new ServiceHandle<>(DeviceService.class, devices -> {
            closeSubscription();
            subscription = devices.onChange(event -> showLater());
            showLater();
        });
        showLater();
    }

    /** Refresh Devices: asks every transport for its slots again (in a Job: identification may take a few seconds). */
    public Job refresh() {
        Job job = Job.create(Messages.devices_looking, monitor -> {
            Optional<DeviceService> devices = service.get();
            if (devices.isEmpty()) {
                return Status.error(org.tokenbench.ui.internal.model.Messages.devices_noService);
            }
            try {
                devices.get().refresh();
                // the user asked: what failed or was held is tried again too (not re-plugging is the point)
                devices.get().identifyAgain();
            } catch (TokenException e) {
                showLater();
                return Status.error(e.getMessage() + " [" + e.code() + "]");
            }
            showLater();
            return Status.OK_STATUS;
        });
        job.setProperty(org.eclipse.ui.progress.IProgressConstants.NO_IMMEDIATE_ERROR_PROMPT_PROPERTY, Boolean.TRUE);
        job.schedule();
        return job;
    }

    // ---- showing ----

    /**
     * Coalesces a burst of service events (on its threads) into one update: the model is computed here, off the display
     * thread (a transport's status may ask pcscd or a vendor library), and rendered there.
     */
    private void showLater() {
        update.schedule();
    }

    /**
     * One Job, so one computation at a time: scheduled while it runs, it runs once more after (the newest snapshot is
     * always computed last and rendered last); scheduled while it waits, nothing more. Two threads computing at once
     * could have rendered an older snapshot over a newer one.
     */
    private final Job update = new Job("Devices view") {
        {
            setSystem(true);
        }

        @Override
        protected IStatus run(IProgressMonitor monitor) {
            Optional<DeviceService> devices = service.get();
            devices.ifPresentOrElse(d -> model.update(d.devices(), d.transports()), model::noService);
            if (!display.isDisposed()) {
                display.asyncExec(DevicesView.this::render);
            }
            return Status.OK_STATUS;
        }
    };

    private void render() {
        if (viewer.getControl().isDisposed()) {
            return;
        }
        viewer.setInput(model.devices());
        Widgets.fitColumns(viewer.getTable());
        guidance.setText(model.guidance());
        guidance.getParent().layout(true, true);
    }

    /** The device's editor: its pages come from what its session offers (the family's own view is a button there). */
    private void openEditor(Device device) {
        if (device == null) {
            return;
        }
        if (!DevicesModel.canOpen(device)) {
            guidance.setText(org.eclipse.osgi.util.NLS.bind(Messages.devices_noDriverYet, device.slot().name()));
            return;
        }
        try {
            DeviceEditor.open(getSite().getPage(), device);
        } catch (PartInitException e) {
            guidance.setText(e.getMessage());
        }
    }

    /** {@code <deviceView driver="…" view="…"/>} elements of the {@code org.tokenbench.ui.deviceViews} extension point. */
    public static Optional<String> deviceView(String driverId) {
        for (IConfigurationElement element : Platform.getExtensionRegistry().getConfigurationElementsFor("org.tokenbench.ui.deviceViews")) {
            if ("deviceView".equals(element.getName()) && driverId.equals(element.getAttribute("driver"))) {
                return Optional.ofNullable(element.getAttribute("view"));
            }
        }
        return Optional.empty();
    }

    /** A device's state in words (Program Token's device chooser shows the same). */
    static String stateText(Device device) {
        return DevicesModel.stateText(device);
    }

    private void column(String title, int width, Function<Device, String> text) {
        Widgets.textColumn(viewer, title, width, text);
    }

    private void closeSubscription() {
        Subscriptions.closeQuietly(subscription);
        subscription = null;
    }

    @Override
    public void setFocus() {
        viewer.getControl().setFocus();
    }

    @Override
    public void dispose() {
        closeSubscription();
        update.cancel();
        service.close();
        super.dispose();
    }
}
