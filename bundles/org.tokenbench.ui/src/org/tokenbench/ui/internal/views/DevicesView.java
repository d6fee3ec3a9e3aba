package org.tokenbench.ui.internal.views;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.eclipse.core.runtime.IConfigurationElement;
import org.eclipse.core.runtime.Platform;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.part.ViewPart;
import org.tokenbench.core.TokenBenchHome;
import org.tokenbench.core.TokenException;
import org.tokenbench.core.driver.DriverRegistry;
import org.tokenbench.core.driver.Interaction;
import org.tokenbench.core.driver.TokenClock;
import org.tokenbench.core.driver.TokenDriver;
import org.tokenbench.driver.guomi.SkfConnection;
import org.tokenbench.driver.guomi.SkfLibrary;
import org.tokenbench.driver.guomi.VendorLibraries;
import org.tokenbench.pcsc.ApduTrace;
import org.tokenbench.pcsc.PcscReaders;
import org.tokenbench.pcsc.ReaderMonitor;
import org.tokenbench.pcsc.ReaderSessions;

/**
 * Readers and keys as they come and go: PC/SC readers with their cards (identified by whichever installed driver
 * claims them), and Guomi keys of every configured vendor library. Drivers are never listed here by name: a card is
 * offered to every registered driver, so a vendor's driver bundle added later shows up by claiming its devices.
 * Double-clicking a device opens the view its driver's family contributes (extension point
 * {@code org.tokenbench.ui.deviceViews}). With nothing connected, the view says what to connect and install.
 */
public final class DevicesView extends ViewPart {

    public static final String ID = "org.tokenbench.ui.views.devices";

    /** One row: a reader (with or without a card) or a key. */
    public record Device(String kind, String name, String present, String driverId, String driver, String serial, String clock) {
    }

    private final Map<String, Device> readerRows = new LinkedHashMap<>();
    private final List<Device> keyRows = new ArrayList<>();
    private ServiceHandle<DriverRegistry> drivers;
    private ReaderMonitor monitor;
    private boolean pcscAvailable = true;
    private TableViewer viewer;
    private Label guidance;

    @Override
    public void createPartControl(Composite parent) {
        setPartName("Devices");
        drivers = new ServiceHandle<>(DriverRegistry.class);
        GridLayoutFactory.swtDefaults().numColumns(2).applyTo(parent);
        guidance = new Label(parent, SWT.WRAP);
        GridDataFactory.fillDefaults().grab(true, false).hint(400, SWT.DEFAULT).applyTo(guidance);
        Button refresh = new Button(parent, SWT.PUSH);
        refresh.setText("Refresh");
        refresh.addListener(SWT.Selection, e -> refresh());
        viewer = new TableViewer(parent, SWT.BORDER | SWT.FULL_SELECTION | SWT.SINGLE);
        viewer.getTable().setHeaderVisible(true);
        viewer.getTable().setLinesVisible(true);
        GridDataFactory.fillDefaults().span(2, 1).grab(true, true).applyTo(viewer.getTable());
        viewer.setContentProvider(ArrayContentProvider.getInstance());
        column("Kind", 90, Device::kind);
        column("Reader / key", 260, Device::name);
        column("Present", 90, Device::present);
        column("Claimed by", 260, Device::driver);
        column("Serial", 140, Device::serial);
        column("Clock vs PC", 110, Device::clock);
        viewer.addDoubleClickListener(e -> openDriverView((Device) ((IStructuredSelection) e.getSelection()).getFirstElement()));

        Display display = parent.getDisplay();
        monitor = ReaderMonitor.start(event -> display.asyncExec(() -> onReaderEvent(event)));
        refresh();
        pollKeys(display);
    }

    /** Re-reads readers and keys now. */
    public Job refresh() {
        try {
            readerRows.clear();
            for (String reader : PcscReaders.names()) {
                readerRows.put(reader, readerRow(reader, PcscReaders.isCardPresent(reader)));
            }
            pcscAvailable = true;
        } catch (TokenException e) {
            pcscAvailable = false;
        }
        readerRows.values().stream().filter(r -> r.present().equals("card")).forEach(r -> identify(r.name()));
        show();
        return refreshKeys();
    }

    public List<Device> shownDevices() {
        List<Device> all = new ArrayList<>(readerRows.values());
        all.addAll(keyRows);
        return all;
    }

    public String guidanceText() {
        return guidance.getText();
    }

    // ---- readers ----

    private void onReaderEvent(ReaderMonitor.Event event) {
        if (viewer.getControl().isDisposed()) {
            return;
        }
        switch (event.kind()) {
            case SERVICE_UNAVAILABLE -> pcscAvailable = false;
            case SERVICE_AVAILABLE -> pcscAvailable = true;
            case READER_ADDED, CARD_REMOVED -> readerRows.put(event.reader(), readerRow(event.reader(), false));
            case READER_REMOVED -> readerRows.remove(event.reader());
            case CARD_INSERTED -> {
                readerRows.put(event.reader(), readerRow(event.reader(), true));
                identify(event.reader());
            }
        }
        show();
    }

    private static Device readerRow(String reader, boolean card) {
        return new Device("Reader", reader, card ? "card" : "empty", "", card ? "identifying…" : "", "", "");
    }

    /** Offers the card to every installed driver in a Job and shows who claimed it, the serial and the clock. */
    private void identify(String reader) {
        Display display = viewer.getControl().getDisplay();
        List<TokenDriver> installed = drivers.get().map(DriverRegistry::drivers).orElse(List.of());
        Job.create("Identifying the card in " + reader, m -> {
            Device row;
            try (ReaderSessions.Opened opened = ReaderSessions.open(reader, installed, NO_QUESTIONS, ApduTrace.NONE)) {
                String clock = opened.session().feature(TokenClock.class).map(c -> {
                    try {
                        return (c.tokenTime().getEpochSecond() - Instant.now().getEpochSecond()) + " s";
                    } catch (TokenException e) {
                        return "unreadable";
                    }
                }).orElse("");
                row = new Device("Reader", reader, "card", opened.driver().info().id(), opened.driver().info().displayName(),
                        opened.session().identity().serial(), clock);
            } catch (TokenException e) {
                row = new Device("Reader", reader, "card", "", "no driver claims it: " + e.getMessage(), "", "");
            }
            Device done = row;
            display.asyncExec(() -> {
                if (!viewer.getControl().isDisposed() && readerRows.containsKey(reader) && readerRows.get(reader).present().equals("card")) {
                    readerRows.put(reader, done);
                    show();
                }
            });
        }).schedule();
    }

    // ---- Guomi keys ----

    private Job refreshKeys() {
        Display display = viewer.getControl().getDisplay();
        Job job = Job.create("Looking for Guomi USB keys", m -> {
            List<Device> found = new ArrayList<>();
            try {
                for (Map.Entry<String, Path> family : new VendorLibraries(TokenBenchHome.directory()).all().entrySet()) {
                    try {
                        SkfLibrary library = SkfLibrary.load(family.getValue());
                        for (SkfLibrary.KeyName key : library.devices()) {
                            found.add(keyRow(family.getKey(), library, key));
                        }
                    } catch (TokenException e) {
                        found.add(new Device("USB key", family.getKey(), "library fails", "", e.getMessage(), "", ""));
                    }
                }
            } catch (TokenException e) {
                found.add(new Device("USB key", "vendor libraries", "", "", e.getMessage(), "", ""));
            }
            display.asyncExec(() -> {
                if (!viewer.getControl().isDisposed()) {
                    keyRows.clear();
                    keyRows.addAll(found);
                    show();
                }
            });
        });
        job.schedule();
        return job;
    }

    /** SKF has no portable hot-plug callback (SKF_WaitForDevEvent blocks a thread per library): look every 5 s. */
    private void pollKeys(Display display) {
        display.timerExec(5000, () -> {
            if (!viewer.getControl().isDisposed()) {
                try {
                    if (!new VendorLibraries(TokenBenchHome.directory()).all().isEmpty()) {
                        refreshKeys();
                    }
                } catch (TokenException e) {
                    // shown by the next manual refresh
                }
                pollKeys(display);
            }
        });
    }

    private Device keyRow(String family, SkfLibrary library, SkfLibrary.KeyName key) {
        SkfConnection connection = new SkfConnection(library, key);
        for (TokenDriver driver : drivers.get().map(DriverRegistry::drivers).orElse(List.of())) {
            if (!driver.connectionType().isInstance(connection)) {
                continue;
            }
            try {
                if (driver.probe(connection).isPresent()) {
                    try (var session = driver.open(connection, NO_QUESTIONS)) {
                        return new Device("USB key", family + ": " + key.display(), "key", driver.info().id(), driver.info().displayName(),
                                session.identity().serial(), "");
                    }
                }
            } catch (TokenException e) {
                return new Device("USB key", family + ": " + key.display(), "key", "", e.getMessage(), "", "");
            }
        }
        return new Device("USB key", family + ": " + key.display(), "key", "", "no driver claims it", "", "");
    }

    // ---- showing ----

    private void show() {
        viewer.setInput(shownDevices());
        guidance.setText(guidance());
        guidance.getParent().layout(true, true);
    }

    /** What to connect or install next, from what is missing: the first-run experience. */
    private String guidance() {
        List<String> steps = new ArrayList<>();
        if (!pcscAvailable) {
            steps.add("Smart-card service not running: install and start pcscd (sudo apt install pcscd libpcsclite1; "
                    + "sudo systemctl start pcscd), then Refresh.");
        } else if (readerRows.isEmpty()) {
            steps.add("No smart-card reader: plug in a PC/SC reader such as the HID OMNIKEY 5427 CK.");
        } else if (readerRows.values().stream().noneMatch(r -> r.present().equals("card"))) {
            steps.add("Put a programmable token on a reader to identify it.");
        }
        try {
            if (new VendorLibraries(TokenBenchHome.directory()).all().isEmpty()) {
                steps.add("Guomi USB keys: install the key vendor's driver, then choose its SKF library in the Guomi Key view "
                        + "(or: tokenbench guomi library set FAMILY /path/to/libskf.so).");
            }
        } catch (TokenException e) {
            steps.add(e.getMessage());
        }
        return steps.isEmpty() ? "Double-click a device to open its view." : String.join("\n", steps);
    }

    /** The view a device family contributes for its driver, through the extension registry. */
    private void openDriverView(Device device) {
        if (device == null || device.driverId().isEmpty()) {
            return;
        }
        Optional<String> view = driverView(device.driverId());
        view.ifPresent(id -> {
            try {
                getSite().getPage().showView(id);
            } catch (PartInitException e) {
                guidance.setText("The view for " + device.driver() + " cannot be opened: " + e.getMessage());
            }
        });
    }

    /** {@code <deviceView driver="…" view="…"/>} elements of the {@code org.tokenbench.ui.deviceViews} extension point. */
    public static Optional<String> driverView(String driverId) {
        for (IConfigurationElement element : Platform.getExtensionRegistry().getConfigurationElementsFor("org.tokenbench.ui.deviceViews")) {
            if (driverId.equals(element.getAttribute("driver"))) {
                return Optional.ofNullable(element.getAttribute("view"));
            }
        }
        return Optional.empty();
    }

    private void column(String title, int width, Function<Device, String> text) {
        Widgets.textColumn(viewer, title, width, text);
    }

    /** Identification asks nothing: a driver that wanted a PIN or a key to identify a card would be refused. */
    private static final Interaction NO_QUESTIONS = new Interaction() {
        @Override
        public Optional<org.tokenbench.core.Secret> askSecret(String prompt, int triesLeft) {
            return Optional.empty();
        }

        @Override
        public boolean confirm(String question) {
            return false;
        }

        @Override
        public Optional<String> askText(String prompt) {
            return Optional.empty();
        }

        @Override
        public void inform(String message) {
        }
    };

    @Override
    public void setFocus() {
        viewer.getControl().setFocus();
    }

    @Override
    public void dispose() {
        if (monitor != null) {
            monitor.close();
        }
        drivers.close();
        super.dispose();
    }
}
