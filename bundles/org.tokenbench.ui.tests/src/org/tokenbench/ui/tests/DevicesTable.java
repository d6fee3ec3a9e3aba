package org.tokenbench.ui.tests;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.tokenbench.core.device.Device;
import org.tokenbench.ui.internal.views.DevicesView;

/**
 * Works the Devices view as a user does: reads the rows its table shows, selects a device's row and double-clicks it.
 */
final class DevicesTable {

    private DevicesTable() {
    }

    /** The devices the view's table shows, top to bottom (each row's data is its {@link Device}). */
    static List<Device> devices(DevicesView view) {
        return Arrays.stream(table(view).getItems()).map(item -> (Device) item.getData()).toList();
    }

    /** The device row {@code deviceId} shows, if the table has one. */
    static Optional<Device> device(DevicesView view, String deviceId) {
        return devices(view).stream().filter(d -> d.id().equals(deviceId)).findFirst();
    }

    /** What the view says above its table (what to start, connect or configure). */
    static String guidance(DevicesView view) {
        return WidgetFinder.find(view.getSite().getShell(), "devices.guidance", org.eclipse.swt.widgets.Label.class).getText();
    }

    static void open(DevicesView view, String deviceId) throws Exception {
        Table table = table(view);
        // the table shows the row once the view rendered the devices service's news: wait until it shows it claimed
        DisplayWait.until(() -> row(table, deviceId) != null && ((Device) row(table, deviceId).getData()).claim().isPresent(), 10);
        TableItem item = row(table, deviceId);
        view.getSite().getPage().activate(view);
        table.setSelection(item);
        // a click on the row, then a double-click: SWT's events, which the table's viewer turns into its selection and open
        Event click = new Event();
        click.item = item;
        table.notifyListeners(SWT.Selection, click);
        Event doubleClick = new Event();
        doubleClick.item = item;
        table.notifyListeners(SWT.DefaultSelection, doubleClick);
    }

    private static Table table(DevicesView view) {
        return WidgetFinder.find(view.getSite().getShell(), "devices.table", Table.class);
    }

    private static TableItem row(Table table, String deviceId) {
        for (TableItem item : table.getItems()) {
            if (item.getData() instanceof Device device && device.id().equals(deviceId)) {
                return item;
            }
        }
        return null;
    }
}
