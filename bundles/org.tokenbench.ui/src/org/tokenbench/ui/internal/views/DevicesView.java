package org.tokenbench.ui.internal.views;

import org.tokenbench.ui.internal.commands.TokenBenchCommands;
import org.tokenbench.ui.internal.commands.ViewCommand;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.eclipse.core.runtime.IConfigurationElement;
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
import org.tokenbench.core.device.DeviceTransport;
import org.tokenbench.core.device.TransportStatus;
import org.tokenbench.core.device.VendorLibraries;
import org.tokenbench.ui.internal.editors.DeviceEditor;

/**
 * Every device the devices service knows, as it comes, is identified and goes: readers with or without a card, keys a
 * vendor library reports, and whatever a vendor's transport brings. The view only listens ({@link DeviceService#onChange});
 * identification, claims and exclusive access are the service's. Double-clicking a claimed device opens the view its
 * driver's family contributes (extension point {@code org.tokenbench.ui.deviceViews}) on that device. With nothing
 * connected, the view says what to start, connect or configure, from the transports' own status.
 */
public final class DevicesView extends ViewPart {

    public static final String ID = "org.tokenbench.ui.views.devices";

    private ServiceHandle<DeviceService> service;
    private AutoCloseable subscription;
    private boolean showPending;
    private List<Device> shown = List.of();
    private TableViewer viewer;
    private Label guidance;
    private Display display;

    @Override
    public void createPartControl(Composite parent) {
        setPartName("Devices");
        display = parent.getDisplay();
        GridLayoutFactory.swtDefaults().numColumns(2).applyTo(parent);
        guidance = new Label(parent, SWT.WRAP);
        GridDataFactory.fillDefaults().grab(true, false).hint(400, SWT.DEFAULT).applyTo(guidance);
        ViewCommand.activate(getSite(), TokenBenchCommands.REFRESH_DEVICES, this::refresh).button(parent, "Refresh");
        viewer = new TableViewer(parent, SWT.BORDER | SWT.FULL_SELECTION | SWT.SINGLE);
        viewer.getTable().setHeaderVisible(true);
        viewer.getTable().setLinesVisible(true);
        GridDataFactory.fillDefaults().span(2, 1).grab(true, true).applyTo(viewer.getTable());
        viewer.setContentProvider(ArrayContentProvider.getInstance());
        column("Transport", 80, d -> d.slot().transport());
        column("Reader / key", 220, d -> d.slot().name());
        column("State", 200, DevicesView::stateText);
        column("Claimed by", 300, d -> d.claim().map(c -> c.driver().displayName() + " — " + c.family().name()).orElse(""));
        column("Serial", 130, d -> d.serial().orElse(""));
        column("Clock vs PC", 100, DevicesView::skewText);
        column("Busy", 60, d -> d.busy() ? "busy" : "");
        viewer.addDoubleClickListener(e -> openDeviceView((Device) ((IStructuredSelection) e.getSelection()).getFirstElement()));
        ViewCommand open = ViewCommand.activate(getSite(), TokenBenchCommands.OPEN_DEVICE,
                () -> openDeviceView((Device) viewer.getStructuredSelection().getFirstElement()));
        open.setEnabled(false);
        viewer.addSelectionChangedListener(e -> open.setEnabled(!e.getStructuredSelection().isEmpty()));
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
        show();
    }

    /** Asks every transport for its slots again (in a Job: identification may take a few seconds). */
    public Job refresh() {
        Job job = Job.create("Looking for devices", monitor -> {
            Optional<DeviceService> devices = service.get();
            if (devices.isEmpty()) {
                return Status.error("The devices service is not running");
            }
            try {
                devices.get().refresh();
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

    /** The rows shown, in table order. */
    public List<Device> shownDevices() {
        return shown;
    }

    public String guidanceText() {
        return guidance.getText();
    }

    // ---- showing ----

    /** Coalesces a burst of service events (on its threads) into one repaint on the display thread. */
    private void showLater() {
        synchronized (this) {
            if (showPending) {
                return;
            }
            showPending = true;
        }
        if (!display.isDisposed()) {
            display.asyncExec(() -> {
                synchronized (this) {
                    showPending = false;
                }
                show();
            });
        }
    }

    private void show() {
        if (viewer.getControl().isDisposed()) {
            return;
        }
        Optional<DeviceService> devices = service.get();
        shown = devices.map(DeviceService::devices).orElse(List.of());
        viewer.setInput(shown);
        guidance.setText(devices.map(this::guidance).orElse("The devices service is not running: the product lacks org.apache.felix.scr."));
        guidance.getParent().layout(true, true);
    }

    /** What to start, connect or configure next, from the transports' status and what is present: the first run. */
    private String guidance(DeviceService devices) {
        List<String> steps = new ArrayList<>();
        List<DeviceTransport> transports = devices.transports();
        if (transports.isEmpty()) {
            steps.add("No device transport is installed (PC/SC readers, vendor key libraries): the product is incomplete.");
        }
        for (DeviceTransport transport : transports) {
            TransportStatus status = transport.status();
            if (!status.available()) {
                steps.add(transport.displayName() + ": " + status.detail() + status.code().map(c -> " [" + c + "]").orElse(""));
                continue;
            }
            List<Device> slots = shown.stream().filter(d -> d.slot().transport().equals(transport.id())).toList();
            Optional<VendorLibraries> libraries = transport.feature(VendorLibraries.class);
            if (libraries.isPresent()) {
                libraryGuidance(transport, libraries.get(), slots).ifPresent(steps::add);
            } else if (slots.isEmpty()) {
                steps.add(transport.displayName() + ": none connected. " + status.detail());
            } else if (slots.stream().noneMatch(d -> d.slot().devicePresent())) {
                steps.add(transport.displayName() + ": put a token or card on a reader to identify it.");
            }
        }
        return steps.isEmpty() ? "Double-click a device to open its view." : String.join("\n", steps);
    }

    private static Optional<String> libraryGuidance(DeviceTransport transport, VendorLibraries libraries, List<Device> slots) {
        try {
            if (libraries.configured().isEmpty()) {
                return Optional.of(transport.displayName() + ": no vendor library is configured. Install the key vendor's driver, then add "
                        + "its library in Window › Preferences › TokenBench › Guomi SKF libraries (or: tokenbench guomi library set FAMILY PATH).");
            }
        } catch (TokenException e) {
            return Optional.of(transport.displayName() + ": " + e.getMessage() + " [" + e.code() + "]");
        }
        return slots.isEmpty() ? Optional.of(transport.displayName() + ": no key is plugged in.") : Optional.empty();
    }

    static String stateText(Device device) {
        String state = switch (device.state()) {
            case EMPTY -> "empty";
            case IDENTIFYING -> "identifying…";
            case CLAIMED -> "claimed";
            case UNCLAIMED -> "no driver";
            case UNAVAILABLE -> "in use by another program";
            case FAILED -> "failed";
        };
        return state + device.problem().map(p -> ": " + p.message()).orElse("");
    }

    static String skewText(Device device) {
        return device.claim().flatMap(Device.Claim::clockSkew).map(skew -> (skew.isNegative() ? "" : "+") + skew.toSeconds() + " s").orElse("");
    }

    // ---- device views ----

    /** The device's editor: its pages come from what its session offers (the family's own view is a button there). */
    private void openDeviceView(Device device) {
        if (device == null || device.claim().isEmpty()) {
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
            if (driverId.equals(element.getAttribute("driver"))) {
                return Optional.ofNullable(element.getAttribute("view"));
            }
        }
        return Optional.empty();
    }

    /** Opens the device's view as a double-click would (tests and keyboard users). */
    public void open(String deviceId) {
        shown.stream().filter(d -> d.id().equals(deviceId)).findFirst().ifPresent(this::openDeviceView);
    }

    private void column(String title, int width, Function<Device, String> text) {
        Widgets.textColumn(viewer, title, width, text);
    }

    private void closeSubscription() {
        if (subscription != null) {
            try {
                subscription.close();
            } catch (Exception e) {
                // the service is going away with it
            }
            subscription = null;
        }
    }

    @Override
    public void setFocus() {
        viewer.getControl().setFocus();
    }

    @Override
    public void dispose() {
        closeSubscription();
        service.close();
        super.dispose();
    }
}
