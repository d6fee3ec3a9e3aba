package org.tokenbench.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.IPerspectiveDescriptor;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tokenbench.core.ErrorCode;
import org.tokenbench.core.driver.DeviceIdentity;
import org.tokenbench.core.fleet.AuditEvent;
import org.tokenbench.core.fleet.AuditLog;
import org.tokenbench.core.fleet.DeviceInventory;
import org.tokenbench.core.fleet.DeviceInventory.State;
import org.tokenbench.testing.OsgiServices;
import org.tokenbench.ui.internal.jobs.Screenshots;
import org.tokenbench.ui.internal.views.ActivityView;
import org.tokenbench.ui.TaskPerspectives;
import org.tokenbench.ui.internal.commands.TokenBenchCommands;
import org.tokenbench.ui.internal.views.FileDialogs;
import org.tokenbench.ui.internal.views.FleetView;
import org.tokenbench.ui.internal.views.Messages;

/**
 * The Fleet and Activity views on the fleet bundle's real database (H2 under this run's TokenBench home), in the
 * workbench's language (the pom runs them in English and in Chinese).
 */
class FleetViewTest {

    /** The state filter's first item: every state (then {@code State.values()[i]} at {@code i + 1}). */
    private static final int ALL_STATES = 0;
    private static final int SERIAL = 1;
    /** The Activity view's columns: time, user, action, device, result. */
    private static final int ACTIVITY_USER = 1;
    private static final int ACTIVITY_ACTION = 2;
    private static final int ACTIVITY_DEVICE = 3;
    private static final int ACTIVITY_RESULT = 4;
    /** GTK's padding around a cell's text. */
    private static final int CELL_PADDING = 4;

    @TempDir
    Path dir;

    @Test
    void theFleetIsFilteredSortedExportedAndShowsEachDevicesHistory() throws Exception {
        // The home's database outlives a test run: serials of this run only.
        String p = "FV" + Long.toString(System.nanoTime() % 1_000_000, 36).toUpperCase() + "-";
        DeviceInventory inventory = OsgiServices.await(DeviceInventory.class);
        inventory.seen(new DeviceIdentity("safeid", "safeid-c200", p + "0002"), "1.2", Optional.of(Duration.ofSeconds(2)));
        inventory.seen(new DeviceIdentity("safeid", "safeid-c200", p + "0001"), "1.2", Optional.empty());
        inventory.seen(new DeviceIdentity("guomi", "guomi-skf", p + "0003"), "", Optional.empty());
        inventory.changeState("safeid-c200", p + "0001", State.PROGRAMMED, "Example:alice@example.com");
        inventory.assign("safeid-c200", p + "0001", "Alice Martin");

        IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
        FleetView view = (FleetView) page.showView(FleetView.ID);
        Control root = page.getWorkbenchWindow().getShell();
        Text filter = WidgetFinder.find(root, "fleet.filter", Text.class);
        Combo state = WidgetFinder.find(root, "fleet.state", Combo.class);
        Table devices = WidgetFinder.find(root, "fleet.devices", Table.class);
        Table history = WidgetFinder.find(root, "fleet.history", Table.class);
        Label status = WidgetFinder.find(root, "fleet.status", Label.class);
        WidgetFinder.click(root, "fleet.refresh");
        UserGestures.type(filter, p);
        UserGestures.choose(state, ALL_STATES);
        DisplayWait.until(() -> serials(devices).size() == 3, 10, status::getText);
        assertEquals(List.of(p + "0001", p + "0002", p + "0003"), serials(devices), "sorted by serial at first");

        UserGestures.clickHeader(devices, SERIAL);
        assertEquals(List.of(p + "0003", p + "0002", p + "0001"), serials(devices), "a second click on the sorted column reverses it");
        assertEquals(SWT.DOWN, devices.getSortDirection());
        UserGestures.clickHeader(devices, 0);
        assertEquals(p + "0003", serials(devices).get(0), "by family: guomi-skf before safeid-c200");

        UserGestures.type(filter, p.toLowerCase() + " alice");
        assertEquals(List.of(p + "0001"), serials(devices));
        UserGestures.type(filter, p);
        UserGestures.choose(state, State.NEW.ordinal() + 1);
        assertEquals(2, serials(devices).size());
        String shownTwo = NLS.bind(Messages.fleet_shown, 2, "\u0000");
        assertTrue(status.getText().startsWith(shownTwo.substring(0, shownTwo.indexOf('\u0000'))), status.getText());

        UserGestures.type(filter, p + "0001");
        UserGestures.choose(state, ALL_STATES);
        UserGestures.clickRow(devices, UserGestures.row(devices, SERIAL, p + "0001"));
        DisplayWait.until(() -> history.getItemCount() == 2, 10, () -> UserGestures.rows(history).toString());
        assertEquals(List.of("inventory.change", NLS.bind(Messages.activity_withDetail, Messages.activity_succeeded,
                "state programmed (was new), account Example:alice@example.com")), actionAndResult(history, 0));
        assertEquals(List.of("inventory.change", NLS.bind(Messages.activity_withDetail, Messages.activity_succeeded, "owner Alice Martin")),
                actionAndResult(history, 1));

        // Export CSV is a command: run as its menu item and key binding run it, into the file the save dialog answers.
        UserGestures.type(filter, p);
        Path csv = dir.resolve("fleet.csv");
        FileDialogs.answerNext(Optional.of(csv));
        UserGestures.command(TokenBenchCommands.EXPORT);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(csv)));
        List<String> lines = Files.readAllLines(csv);
        assertEquals(4, lines.size(), lines.toString());
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("safeid-c200," + p + "0001,safeid,1.2,Alice Martin,Example:alice@example.com,programmed,")),
                lines.toString());
        assertEquals(NLS.bind(Messages.fleet_exported, 3, csv), status.getText());

        // Marking a device lost from another program (the CLI) shows here: the audit log's record refreshes the view.
        inventory.changeState("guomi-skf", p + "0003", State.LOST, "");
        UserGestures.choose(state, State.LOST.ordinal() + 1);
        DisplayWait.until(() -> serials(devices).equals(List.of(p + "0003")), 10, status::getText);
        UserGestures.choose(state, ALL_STATES);
        Screenshots.save(page.getWorkbenchWindow().getShell(), 1280, 800, ScreenshotNames.of("fleet-1280x800.png"));
        page.setPartState(page.getReference(view), IWorkbenchPage.STATE_MAXIMIZED);
        try {
            Screenshots.save(page.getWorkbenchWindow().getShell(), 1280, 800, ScreenshotNames.of("fleet-maximized-1280x800.png"));
        } finally {
            page.setPartState(page.getReference(view), IWorkbenchPage.STATE_RESTORED);
        }
    }

    /**
     * The view fills its table when it opens: the inventory, already registered, is read at once, without Refresh
     * (its tracker reports the service while the view is still being built).
     */
    @Test
    void theFleetIsShownWhenTheViewOpensWithoutRefresh() throws Exception {
        String p = "FO" + Long.toString(System.nanoTime() % 1_000_000, 36).toUpperCase() + "-";
        DeviceInventory inventory = OsgiServices.await(DeviceInventory.class);
        inventory.seen(new DeviceIdentity("safeid", "safeid-c200", p + "0001"), "1.2", Optional.empty());
        inventory.seen(new DeviceIdentity("guomi", "guomi-skf", p + "0002"), "", Optional.empty());
        IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
        // A view left open by another test (in any perspective: they share it) read the inventory before these rows.
        IPerspectiveDescriptor before = page.getPerspective();
        for (IPerspectiveDescriptor open : page.getOpenPerspectives()) {
            page.setPerspective(open);
            Optional.ofNullable(page.findView(FleetView.ID)).ifPresent(page::hideView);
        }
        page.setPerspective(before);
        assertEquals(null, page.findView(FleetView.ID), "no Fleet view before this test opens one");
        page.showView(FleetView.ID);
        Control root = page.getWorkbenchWindow().getShell();
        Table devices = WidgetFinder.find(root, "fleet.devices", Table.class);
        Label status = WidgetFinder.find(root, "fleet.status", Label.class);
        UserGestures.type(WidgetFinder.find(root, "fleet.filter", Text.class), p);
        DisplayWait.until(() -> serials(devices).equals(List.of(p + "0001", p + "0002")), 10, () -> serials(devices) + " " + status.getText());
    }

    /**
     * The Fleet view where users see it, its own perspective and the Tokens one (opened there from Show View), with a
     * fleet's typical rows: at 1280x800 every header and cell is whole, Last seen included.
     */
    @Test
    void everyColumnIsWholeAt1280x800InThePerspectivesShowingTheView() throws Exception {
        String p = "FW" + Long.toString(System.nanoTime() % 1_000_000, 36).toUpperCase() + "-";
        DeviceInventory inventory = OsgiServices.await(DeviceInventory.class);
        inventory.seen(new DeviceIdentity("safeid", "safeid-c200", p + "0001"), "1.2", Optional.of(Duration.ofSeconds(-12)));
        inventory.seen(new DeviceIdentity("guomi", "guomi-skf", p + "0002"), "", Optional.empty());
        inventory.changeState("safeid-c200", p + "0001", State.PROGRAMMED, "Example:alice@example.com");
        inventory.assign("safeid-c200", p + "0001", "Alice Martin");
        IWorkbenchWindow window = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
        IPerspectiveDescriptor before = window.getActivePage().getPerspective();
        try {
            for (String perspective : List.of(TaskPerspectives.FLEET, TaskPerspectives.TOKENS)) {
                PlatformUI.getWorkbench().showPerspective(perspective, window);
                IWorkbenchPage page = window.getActivePage();
                page.showView(FleetView.ID);
                Control root = window.getShell();
                Table devices = WidgetFinder.find(root, "fleet.devices", Table.class);
                UserGestures.type(WidgetFinder.find(root, "fleet.filter", Text.class), p);
                WidgetFinder.click(root, "fleet.refresh");
                DisplayWait.until(() -> serials(devices).size() == 2, 10, () -> serials(devices).toString());
                String name = perspective.substring(perspective.lastIndexOf('.') + 1);
                Screenshots.save(window.getShell(), 1280, 800, ScreenshotNames.of("fleet-in-" + name + "-1280x800.png"));
                assertColumnsFit(devices);
            }
        } finally {
            window.getActivePage().setPerspective(before);
        }
    }

    /**
     * Every header and cell of {@code table} is whole where the view is now: no column narrower than its header or its
     * widest cell, and none reaching past the table's right edge (a cut-off "Last seen").
     */
    static void assertColumnsFit(Table table) {
        GC gc = new GC(table);
        try {
            int right = 0;
            for (int i = 0; i < table.getColumnCount(); i++) {
                TableColumn column = table.getColumn(i);
                int needed = gc.textExtent(column.getText()).x;
                for (String cell : UserGestures.column(table, i)) {
                    needed = Math.max(needed, gc.textExtent(cell).x);
                }
                assertTrue(column.getWidth() >= needed + CELL_PADDING, column.getText() + " is " + column.getWidth() + " px wide, needs " + needed);
                right += column.getWidth();
            }
            assertTrue(right <= table.getClientArea().width, "the columns take " + right + " px of " + table.getClientArea().width);
        } finally {
            gc.dispose();
        }
    }

    private static List<String> serials(Table devices) {
        return UserGestures.column(devices, SERIAL);
    }

    private static List<String> actionAndResult(Table history, int row) {
        return List.of(history.getItem(row).getText(2), history.getItem(row).getText(3));
    }

    @Test
    void theActivityViewShowsTheAuditLogLiveAndItsTraceLinesForTheSessionOnly() throws Exception {
        IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
        ActivityView view = (ActivityView) page.showView(ActivityView.ID);
        Table entries = WidgetFinder.find(page.getWorkbenchWindow().getShell(), "activity.entries", Table.class);
        AuditLog log = OsgiServices.await(AuditLog.class);
        log.record(AuditEvent.failed(AuditEvent.PIN_VERIFY, "guomi-skf", "AV-0001", ErrorCode.of("skf", 0x0A000024L), "user PIN: 4 tries left"));
        DisplayWait.until(() -> entries.getItemCount() > 0 && entries.getItem(0).getText(ACTIVITY_DEVICE).equals("guomi-skf AV-0001"), 10,
                () -> UserGestures.rows(entries).toString());
        List<String> newest = UserGestures.rows(entries).get(0);
        assertEquals(AuditEvent.PIN_VERIFY, newest.get(ACTIVITY_ACTION));
        assertEquals(NLS.bind(Messages.activity_withDetail, Messages.activity_failed + " [skf:0x0A000024]", "user PIN: 4 tries left"),
                newest.get(ACTIVITY_RESULT));
        assertEquals(System.getProperty("user.name"), newest.get(ACTIVITY_USER));

        ActivityView.trace("Virtual PCD 00 00", "> 00A4040007A0000005272101");
        DisplayWait.until(() -> entries.getItem(0).getText(ACTIVITY_ACTION).equals("APDU"), 10, () -> UserGestures.rows(entries).toString());
        assertTrue(log.recent(5).stream().noneMatch(e -> e.event().action().equals("APDU")), "a trace line is not audit material");
        page.setPartState(page.getReference(view), IWorkbenchPage.STATE_MAXIMIZED);
        try {
            Screenshots.save(page.getWorkbenchWindow().getShell(), 1280, 800, ScreenshotNames.of("activity-maximized-1280x800.png"));
        } finally {
            page.setPartState(page.getReference(view), IWorkbenchPage.STATE_RESTORED);
        }
    }
}
