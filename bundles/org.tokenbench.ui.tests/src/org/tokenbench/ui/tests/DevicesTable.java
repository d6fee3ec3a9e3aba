package org.tokenbench.ui.tests;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.tokenbench.core.device.Device;
import org.tokenbench.ui.internal.views.DevicesView;

/** Works the Devices view as a user does: selects a device's row in its table and double-clicks it. */
final class DevicesTable {

    private DevicesTable() {
    }

    static void open(DevicesView view, String deviceId) throws Exception {
        Table table = WidgetFinder.find(view.getSite().getShell(), "devices.table", Table.class);
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

    private static TableItem row(Table table, String deviceId) {
        for (TableItem item : table.getItems()) {
            if (item.getData() instanceof Device device && device.id().equals(deviceId)) {
                return item;
            }
        }
        return null;
    }
}
