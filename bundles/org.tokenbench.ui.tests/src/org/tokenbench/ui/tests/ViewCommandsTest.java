package org.tokenbench.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.eclipse.core.commands.Command;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.viewers.StructuredViewer;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Menu;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.IViewPart;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.commands.ICommandService;
import org.eclipse.ui.handlers.IHandlerService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceRegistration;
import org.tokenbench.core.ErrorCode;
import org.tokenbench.core.TokenBenchHome;
import org.tokenbench.core.device.Device;
import org.tokenbench.core.device.DeviceService;
import org.tokenbench.core.device.DeviceTransport;
import org.tokenbench.core.driver.TokenDriver;
import org.tokenbench.core.driver.DeviceIdentity;
import org.tokenbench.core.fleet.DeviceInventory;
import org.tokenbench.core.fleet.DeviceInventory.State;
import org.tokenbench.programming.batch.BatchJournal;
import org.tokenbench.testing.OsgiServices;
import org.tokenbench.testing.PluggableDevice;
import org.tokenbench.testing.PluggableTransport;
import org.tokenbench.ui.internal.commands.TokenBenchCommands;
import org.tokenbench.ui.internal.editors.DeviceEditor;
import org.tokenbench.ui.internal.jobs.DeviceJob;
import org.tokenbench.ui.internal.jobs.Screenshots;
import org.tokenbench.ui.internal.views.ActivityView;
import org.tokenbench.ui.internal.views.BatchesView;
import org.tokenbench.ui.internal.views.CredentialsView;
import org.tokenbench.ui.internal.views.DevicesView;
import org.tokenbench.ui.internal.views.DriversView;
import org.tokenbench.ui.internal.views.EnrollView;
import org.tokenbench.ui.internal.views.FleetView;
import org.tokenbench.ui.internal.views.Messages;
import org.tokenbench.ui.internal.views.ProgramTokenView;

/**
 * Every view's actions are commands: while the view is active each has a handler (the view's), enabled as the view's
 * state says, and running it through the handler service (as a key binding, toolbar or context menu item does) does
 * what the form's button does.
 */
class ViewCommandsTest {

    private final IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
    private final ICommandService commands = PlatformUI.getWorkbench().getService(ICommandService.class);
    /** The Fleet view's serial column. */
    private static final int FLEET_SERIAL = 1;
    private final IHandlerService handlers = PlatformUI.getWorkbench().getService(IHandlerService.class);

    @Test
    void batchesRefreshesOnF5AndSavesTheReportOnlyWithABatchShown() throws Exception {
        BatchesView view = (BatchesView) freshView(BatchesView.ID);
        Combo batches = WidgetFinder.find(root(), "batches.batch", Combo.class);
        assertHandled(TokenBenchCommands.REFRESH, TokenBenchCommands.EXPORT);

        // A batch started (by the command line) after the view opened: shown after Refresh only.
        String name = "cmd-box-" + System.nanoTime();
        BatchJournal journal = BatchJournal.openOrCreate(BatchJournal.directory(TokenBenchHome.directory()).resolve(name + ".journal"),
                new BatchJournal.Header("box-18.pskc", "cd".repeat(32), "per-token", 1, 30, 0));
        journal.record("TC0001", BatchJournal.State.BURNING, Optional.empty(), "");
        journal.record("TC0001", BatchJournal.State.FAILED, Optional.of(ErrorCode.of(ErrorCode.PCSC, 0x80100069L)), "the card was removed");
        handlers.executeCommand(TokenBenchCommands.REFRESH, null);
        UserGestures.choose(batches, List.of(batches.getItems()).indexOf(name));
        assertEquals(List.of(List.of("TC0001", Messages.batches_stateFailed)),
                BatchesViewTest.serialsAndStates(WidgetFinder.find(root(), "batches.tokens", Table.class)));
        assertTrue(enabled(TokenBenchCommands.EXPORT), "a batch is shown: its report can be saved");
        assertHasContextMenu(view);
    }

    @Test
    void fleetMarksTheSelectedDeviceRetiredOnlyWhenOneIsSelectedAndNotRetiredYet() throws Exception {
        String serial = "VC" + Long.toString(System.nanoTime() % 1_000_000, 36).toUpperCase() + "-0001";
        DeviceInventory inventory = OsgiServices.await(DeviceInventory.class);
        inventory.seen(new DeviceIdentity("safeid", "safeid-c200", serial), "1.2", Optional.of(Duration.ofSeconds(1)));
        FleetView view = (FleetView) freshView(FleetView.ID);
        Table devices = WidgetFinder.find(root(), "fleet.devices", Table.class);
        Label status = WidgetFinder.find(root(), "fleet.status", Label.class);
        UserGestures.command(TokenBenchCommands.REFRESH);
        UserGestures.type(WidgetFinder.find(root(), "fleet.filter", Text.class), serial);
        UserGestures.choose(WidgetFinder.find(root(), "fleet.state", Combo.class), 0);
        DisplayWait.until(() -> UserGestures.column(devices, FLEET_SERIAL).equals(List.of(serial)), 10, status::getText);
        assertHandled(TokenBenchCommands.REFRESH, TokenBenchCommands.EXPORT, TokenBenchCommands.MARK_RETIRED, TokenBenchCommands.MARK_LOST);
        assertFalse(enabled(TokenBenchCommands.MARK_RETIRED), "nothing selected: nothing to mark");
        assertFalse(enabled(TokenBenchCommands.MARK_LOST), "nothing selected: nothing to mark");

        UserGestures.clickRow(devices, UserGestures.row(devices, FLEET_SERIAL, serial));
        assertTrue(enabled(TokenBenchCommands.MARK_RETIRED));
        handlers.executeCommand(TokenBenchCommands.MARK_RETIRED, null);
        DisplayWait.until(() -> stateOf(inventory, serial) == State.RETIRED, 10, () -> String.valueOf(stateOf(inventory, serial)));
        // The audit log's record refreshes the view; the device stays selected, now retired.
        DisplayWait.until(() -> !enabled(TokenBenchCommands.MARK_RETIRED), 10, status::getText);
        assertTrue(enabled(TokenBenchCommands.MARK_LOST), "a retired device can still be reported lost");

        List<String> items = shotWithContextMenu(view, "fleet-commands-1280x800.png");
        assertTrue(items.contains(Messages.fleet_markRetired) && items.contains(Messages.fleet_markLost), items.toString());
    }

    @Test
    void credentialsCommandsWaitForADeviceAndASelection() throws Exception {
        freshView(CredentialsView.ID);
        assertHandled(TokenBenchCommands.REFRESH, TokenBenchCommands.COMPUTE_CODE, TokenBenchCommands.DELETE, TokenBenchCommands.ADD_CREDENTIAL,
                TokenBenchCommands.SCAN_SCREEN, TokenBenchCommands.LOAD_IMAGE);
        for (String needsDevice : List.of(TokenBenchCommands.REFRESH, TokenBenchCommands.COMPUTE_CODE, TokenBenchCommands.DELETE,
                TokenBenchCommands.ADD_CREDENTIAL)) {
            assertFalse(enabled(needsDevice), needsDevice + " without a device");
        }
        assertTrue(enabled(TokenBenchCommands.SCAN_SCREEN));
        assertTrue(enabled(TokenBenchCommands.LOAD_IMAGE));
    }

    @Test
    void enrollOffersTheKeysActionsOnceThereIsAKey() throws Exception {
        freshView(EnrollView.ID);
        List<String> needKey = List.of(TokenBenchCommands.VERIFY_CODE, TokenBenchCommands.KEY_TO_TOKEN, TokenBenchCommands.COPY_URI,
                TokenBenchCommands.BACKUP_KEY);
        assertHandled(TokenBenchCommands.NEW_KEY, TokenBenchCommands.RESTORE_KEY);
        assertHandled(needKey.toArray(String[]::new));
        needKey.forEach(id -> assertFalse(enabled(id), id + " without a key"));
        assertTrue(enabled(TokenBenchCommands.RESTORE_KEY));

        // the toolbar and the buttons with the key's actions off (before a key exists: no QR code of a key in the picture)
        Screenshots.save(page.getWorkbenchWindow().getShell(), 1280, 800, ScreenshotNames.of("enroll-commands-1280x800.png"));
        handlers.executeCommand(TokenBenchCommands.NEW_KEY, null);
        needKey.forEach(id -> assertTrue(enabled(id), id + " with a key"));
    }

    @Test
    void theOtherViewsActionsAreCommandsToo() throws Exception {
        freshView(ActivityView.ID);
        assertHandled(TokenBenchCommands.REFRESH);
        handlers.executeCommand(TokenBenchCommands.REFRESH, null);
        freshView(DriversView.ID);
        assertTrue(enabled(TokenBenchCommands.INSTALL_DRIVER), "Install Driver… is on the Drivers view's toolbar");
        freshView(ProgramTokenView.ID);
        assertHandled(TokenBenchCommands.REFRESH_DEVICES, TokenBenchCommands.SCAN_SCREEN, TokenBenchCommands.LOAD_IMAGE,
                TokenBenchCommands.PASTE_IMAGE, TokenBenchCommands.CONNECT, TokenBenchCommands.BURN);
        assertFalse(enabled(TokenBenchCommands.BURN), "nothing to burn yet");
    }

    @Test
    void aDevicesCommandsFollowSelectionAndBusyStateAndTheEditorsActivePage() throws Exception {
        PluggableTransport bench = new PluggableTransport();
        VendorKeyDriver driver = new VendorKeyDriver();
        BundleContext context = FrameworkUtil.getBundle(ViewCommandsTest.class).getBundleContext();
        ServiceRegistration<TokenDriver> driverRegistration = driver.register(context);
        ServiceRegistration<DeviceTransport> transportRegistration = bench.register(context);
        String device = "bench:VC";
        try {
            DevicesView devices = (DevicesView) freshView(DevicesView.ID);
            DeviceService service = OsgiServices.await(DeviceService.class);
            bench.addSlot("VC");
            bench.plug("VC", new PluggableDevice("VC-0042", null));
            DisplayWait.until(() -> service.device(device).map(d -> d.state() == Device.State.CLAIMED).orElse(false), 10);

            CredentialsView view = (CredentialsView) freshView(CredentialsView.ID);
            view.showDevice(device);
            Table codes = WidgetFinder.find(root(), "credentials.codes", Table.class);
            Label status = WidgetFinder.find(root(), "credentials.status", Label.class);
            DisplayWait.until(() -> codes.getItemCount() == 2 && enabled(TokenBenchCommands.REFRESH), 10, status::getText);
            assertFalse(enabled(TokenBenchCommands.COMPUTE_CODE), "nothing selected: nothing to compute");
            assertFalse(enabled(TokenBenchCommands.DELETE), "nothing selected: nothing to delete");
            UserGestures.clickRow(codes, 0);
            assertTrue(enabled(TokenBenchCommands.COMPUTE_CODE));
            assertTrue(enabled(TokenBenchCommands.DELETE));

            // Another Job on the device (a burn, a checklist): the view's device commands wait for it.
            CountDownLatch release = new CountDownLatch(1);
            Job busy = DeviceJob.schedule("Holding the device", device, monitor -> {
                try {
                    release.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, e -> { });
            try {
                DisplayWait.until(() -> !enabled(TokenBenchCommands.COMPUTE_CODE), 5);
                assertFalse(enabled(TokenBenchCommands.DELETE), "busy: Delete waits");
                assertFalse(enabled(TokenBenchCommands.REFRESH), "busy: Refresh waits");
                assertFalse(enabled(TokenBenchCommands.ADD_CREDENTIAL), "busy: Add waits");
            } finally {
                release.countDown();
            }
            busy.join();
            DisplayWait.until(() -> enabled(TokenBenchCommands.COMPUTE_CODE), 5);
            handlers.executeCommand(TokenBenchCommands.COMPUTE_CODE, null);
            DisplayWait.until(() -> MessageTemplates.matches(Messages.credentials_computed, status.getText()), 10, status::getText);
            List<String> items = shotWithContextMenu(view, "credentials-commands-1280x800.png");
            assertEquals(4, items.size(), "Compute Code, Delete, Refresh and a separator: " + items);

            // The device's editor: F5 reads the active page again, Run Check only on the Checklist page.
            DevicesTable.open(devices, device);
            DeviceEditor editor = (DeviceEditor) page.getActiveEditor();
            DisplayWait.until(() -> editor.pageTitles().size() == 8, 10, () -> editor.pageTitles().toString());
            assertTrue(enabled(TokenBenchCommands.REFRESH), "Overview: F5 reads the device again");
            assertFalse(enabled(TokenBenchCommands.RUN_CHECK), "Overview: no checklist here");
            editor.showPage(editor.pageTitles().indexOf(org.tokenbench.ui.internal.editors.Messages.page_checklist));
            assertTrue(enabled(TokenBenchCommands.RUN_CHECK), "Checklist: Run Check runs its checklist");
            assertFalse(enabled(TokenBenchCommands.REFRESH), "Checklist: nothing to read again");
            editor.showPage(editor.pageTitles().indexOf(org.tokenbench.ui.internal.editors.Messages.page_history));
            assertTrue(enabled(TokenBenchCommands.REFRESH), "History: F5 reads the audit log again");
        } finally {
            page.closeAllEditors(false);
            transportRegistration.unregister();
            driverRegistration.unregister();
        }
    }

    private Control root() {
        return page.getWorkbenchWindow().getShell();
    }

    /**
     * Puts the perspective back as it was laid out: views this test hid and opened again (and the folders emptied on
     * the way) would otherwise stay where they landed, taking room from the views other tests measure
     * (FleetViewTest's columns at 1280x800).
     */
    @AfterEach
    void restoreThePerspective() {
        page.resetPerspective();
        flush();
    }

    /** The view, newly opened and active (a view left open by another test keeps its state). */
    private IViewPart freshView(String id) throws Exception {
        IViewPart open = page.findView(id);
        if (open != null) {
            page.hideView(open);
        }
        IViewPart view = page.showView(id);
        page.activate(view);
        flush();
        return view;
    }

    private void assertHandled(String... ids) {
        for (String id : ids) {
            Command command = commands.getCommand(id);
            assertTrue(command.isDefined(), id + " is declared");
            assertTrue(command.isHandled(), id + " has a handler while " + page.getActivePart().getTitle() + " is active");
        }
    }

    private boolean enabled(String id) {
        flush();
        Command command = commands.getCommand(id);
        command.setEnabled(handlers.getCurrentState());
        return command.isHandled() && command.isEnabled();
    }

    /** Opens the view's context menu on its table, saves a screenshot of the window with it, and says its items. */
    private List<String> shotWithContextMenu(IViewPart view, String name) throws Exception {
        Table table = assertHasContextMenu(view);
        Menu menu = table.getMenu();
        Point where = table.toDisplay(40, 40);
        menu.setLocation(where);
        menu.setVisible(true);
        try {
            DisplayWait.until(() -> menu.getItemCount() >= 3, 5, () -> Arrays.toString(menu.getItems()));
            flush();
            Screenshots.save(page.getWorkbenchWindow().getShell(), 1280, 800, ScreenshotNames.of(name));
            return Arrays.stream(menu.getItems()).map(item -> item.getText()).toList();
        } finally {
            menu.setVisible(false);
        }
    }

    /** The view's table (its site's selection provider) with the view's context menu. */
    private static Table assertHasContextMenu(IViewPart view) {
        Control control = ((StructuredViewer) view.getSite().getSelectionProvider()).getControl();
        assertTrue(control instanceof Table, "the view's selection provider is its table: " + control);
        assertNotNull(control.getMenu(), "the table has a context menu");
        return (Table) control;
    }

    private static State stateOf(DeviceInventory inventory, String serial) {
        try {
            return inventory.list().stream().filter(e -> e.serial().equals(serial)).map(DeviceInventory.Entry::state).findFirst().orElse(null);
        } catch (org.tokenbench.core.TokenException e) {
            throw new AssertionError(e);
        }
    }

    private static void flush() {
        Display display = Display.getCurrent();
        while (display.readAndDispatch()) {
            // run what the view posted
        }
    }
}
