package org.tokenbench.ui.internal.views;

import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.ui.part.ViewPart;
import org.tokenbench.core.driver.DriverRegistry;
import org.tokenbench.core.driver.FamilyDescriptor;

/**
 * The device drivers installed right now, as found through OSGi services. A vendor's driver bundle
 * dropped into the product appears here without any change to TokenBench.
 */
public final class DriversView extends ViewPart {

    public static final String ID = "org.tokenbench.ui.views.drivers";

    static final String EMPTY_TEXT = "No device drivers are installed. Driver bundles (SafeID/Token2 tokens, "
            + "YKOATH applets, Guomi SKF keys, or a vendor's own) register themselves here when present.";

    private ServiceHandle<DriverRegistry> registryHandle;
    private AutoCloseable registryListener;
    private TableViewer viewer;
    private Label status;

    @Override
    public void createPartControl(Composite parent) {
        parent.setLayout(new GridLayout(1, false));
        status = new Label(parent, SWT.WRAP);
        GridDataFactory.fillDefaults().grab(true, false).hint(400, SWT.DEFAULT).applyTo(status);

        viewer = new TableViewer(parent, SWT.BORDER | SWT.FULL_SELECTION | SWT.SINGLE);
        Table table = viewer.getTable();
        table.setHeaderVisible(true);
        table.setLinesVisible(true);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(table);
        viewer.setContentProvider(ArrayContentProvider.getInstance());
        addColumn("Device family", 260, d -> d.info().displayName());
        addColumn("Vendor", 140, d -> d.info().vendor());
        addColumn("Version", 80, d -> d.info().version());
        addColumn("Families", 240, d -> d.descriptor().families().stream().map(FamilyDescriptor::name).collect(Collectors.joining(", ")));
        addColumn("Features", 320, d -> d.descriptor().features().stream().sorted().collect(Collectors.joining(", ")));
        addColumn("Driver id", 240, d -> d.info().id());

        registryHandle = new ServiceHandle<>(DriverRegistry.class);
        DriverRegistry registry = registryHandle.get().orElse(null);
        if (registry == null) {
            show(List.of());
            status.setText("The driver registry is not running: the product lacks org.apache.felix.scr.");
            return;
        }
        // Drivers come and go on OSGi threads; the table is only touched on the display thread.
        registryListener = registry.onChange(drivers -> {
            if (!viewer.getControl().isDisposed()) {
                viewer.getControl().getDisplay().asyncExec(() -> show(drivers));
            }
        });
        show(registry.drivers());
    }

    private void addColumn(String title, int width, Function<DriverRegistry.RegisteredDriver, String> text) {
        Widgets.textColumn(viewer, title, width, text);
    }

    private void show(List<DriverRegistry.RegisteredDriver> drivers) {
        if (viewer.getControl().isDisposed()) {
            return;
        }
        viewer.setInput(drivers);
        status.setText(drivers.isEmpty() ? EMPTY_TEXT : drivers.size() + " device driver(s) installed.");
        status.getParent().layout(true, true);
    }

    /** The device families listed, in table order. */
    public List<String> shownDeviceFamilies() {
        return Arrays.stream(viewer.getTable().getItems()).map(item -> item.getText(0)).toList();
    }

    /** The line above the table: a count, or what to install when nothing is there. */
    public String statusText() {
        return status.getText();
    }

    @Override
    public void setFocus() {
        viewer.getControl().setFocus();
    }

    @Override
    public void dispose() {
        try {
            if (registryListener != null) {
                registryListener.close();
            }
        } catch (Exception e) {
            // closing a listener handle cannot fail in a way the user could act on
        }
        if (registryHandle != null) {
            registryHandle.close();
        }
        super.dispose();
    }
}
