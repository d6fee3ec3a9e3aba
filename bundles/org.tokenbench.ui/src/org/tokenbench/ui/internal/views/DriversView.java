package org.tokenbench.ui.internal.views;

import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.osgi.util.NLS;
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

    private ServiceHandle<DriverRegistry> registryHandle;
    private AutoCloseable registryListener;
    private TableViewer viewer;
    private Label status;

    @Override
    public void createPartControl(Composite parent) {
        parent.setLayout(new GridLayout(1, false));
        status = Widgets.id(new Label(parent, SWT.WRAP), "drivers.status");
        GridDataFactory.fillDefaults().grab(true, false).hint(400, SWT.DEFAULT).applyTo(status);

        viewer = Widgets.table(parent, SWT.SINGLE, "drivers.installed");
        Table table = viewer.getTable();
        GridDataFactory.fillDefaults().grab(true, true).applyTo(table);
        addColumn(Messages.drivers_deviceFamily, 260, d -> d.info().displayName());
        addColumn(Messages.drivers_vendor, 140, d -> d.info().vendor());
        addColumn(Messages.drivers_version, 80, d -> d.info().version());
        addColumn(Messages.drivers_families, 240, d -> d.descriptor().families().stream().map(FamilyDescriptor::name).collect(Collectors.joining(", ")));
        addColumn(Messages.drivers_features, 320, d -> d.descriptor().features().stream().sorted().collect(Collectors.joining(", ")));
        addColumn(Messages.drivers_driverId, 240, d -> d.info().id());

        registryHandle = new ServiceHandle<>(DriverRegistry.class);
        DriverRegistry registry = registryHandle.get().orElse(null);
        if (registry == null) {
            show(List.of());
            status.setText(Messages.drivers_noRegistry);
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
        status.setText(drivers.isEmpty() ? Messages.drivers_none : NLS.bind(Messages.drivers_installed, drivers.size()));
        status.getParent().layout(true, true);
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
