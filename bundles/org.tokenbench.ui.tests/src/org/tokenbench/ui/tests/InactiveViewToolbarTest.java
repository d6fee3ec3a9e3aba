package org.tokenbench.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.action.IContributionItem;
import org.eclipse.jface.action.ToolBarManager;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.ToolItem;
import org.eclipse.ui.IPerspectiveDescriptor;
import org.eclipse.ui.IViewPart;
import org.eclipse.ui.IViewSite;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceRegistration;
import org.tokenbench.core.device.Device;
import org.tokenbench.core.device.DeviceService;
import org.tokenbench.core.device.DeviceTransport;
import org.tokenbench.core.driver.TokenDriver;
import org.tokenbench.testing.OsgiServices;
import org.tokenbench.testing.PluggableDevice;
import org.tokenbench.testing.PluggableTransport;
import org.tokenbench.ui.TaskPerspectives;
import org.tokenbench.ui.internal.commands.TokenBenchCommands;
import org.tokenbench.ui.internal.commands.ViewCommand;
import org.tokenbench.ui.internal.jobs.DeviceJob;
import org.tokenbench.ui.internal.jobs.Screenshots;
import org.tokenbench.ui.internal.views.ActivityView;
import org.tokenbench.ui.internal.views.BatchesView;
import org.tokenbench.ui.internal.views.CredentialsView;
import org.tokenbench.ui.internal.views.DevicesView;
import org.tokenbench.ui.internal.views.DriversView;
import org.tokenbench.ui.internal.views.EnrollView;
import org.tokenbench.ui.internal.views.FleetView;
import org.tokenbench.ui.internal.views.GuomiKeyView;
import org.tokenbench.ui.internal.views.ProgramTokenView;
import org.tokenbench.ui.internal.views.Messages;

/**
 * A view's toolbar tells the truth while another view is the active part: with Devices active, the Credentials view
 * beside it shows Refresh, Compute Code, Delete and Add enabled exactly as its own form buttons are (a credential
 * selected, no Job on the device), greys them out while a Job holds the device and brings them back after; and the key
 * bindings F5 and Delete, pressed in Devices, do not act on Credentials (pressed in Credentials, F5 does).
 */
class InactiveViewToolbarTest {

    private static final String DEVICE = "bench:VC";
    /** Each command on Credentials' toolbar, and the form button that runs it. */
    private static final Map<String, String> BUTTONS = new LinkedHashMap<>();

    static {
        BUTTONS.put(TokenBenchCommands.REFRESH, "credentials.refresh");
        BUTTONS.put(TokenBenchCommands.COMPUTE_CODE, "credentials.compute");
        BUTTONS.put(TokenBenchCommands.DELETE, "credentials.delete");
        BUTTONS.put(TokenBenchCommands.ADD_CREDENTIAL, "credentials.add");
        BUTTONS.put(TokenBenchCommands.SCAN_SCREEN, "credentials.scanScreen");
        BUTTONS.put(TokenBenchCommands.LOAD_IMAGE, "credentials.loadImage");
    }

    private static final List<String> NEED_THE_DEVICE = List.of(TokenBenchCommands.REFRESH, TokenBenchCommands.COMPUTE_CODE,
            TokenBenchCommands.DELETE, TokenBenchCommands.ADD_CREDENTIAL);

    private final IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
    private final PluggableTransport bench = new PluggableTransport();
    private ServiceRegistration<TokenDriver> driverRegistration;
    private ServiceRegistration<DeviceTransport> transportRegistration;
    private IPerspectiveDescriptor before;
    private Set<IPerspectiveDescriptor> openBefore;

    @BeforeEach
    void plugAVendorKeyAndShowTheKeysTask() throws Exception {
        BundleContext context = FrameworkUtil.getBundle(InactiveViewToolbarTest.class).getBundleContext();
        driverRegistration = new VendorKeyDriver().register(context);
        transportRegistration = bench.register(context);
        DeviceService service = OsgiServices.await(DeviceService.class);
        bench.addSlot("VC");
        bench.plug("VC", new PluggableDevice("VC-0042", null));
        DisplayWait.until(() -> service.device(DEVICE).map(d -> d.state() == Device.State.CLAIMED).orElse(false), 10);
        // Keys: Devices on the left, Credentials in the task folder on the right, both shown
        before = page.getPerspective();
        openBefore = Set.of(page.getOpenPerspectives());
        page.setPerspective(PlatformUI.getWorkbench().getPerspectiveRegistry().findPerspectiveWithId(TaskPerspectives.KEYS));
    }

    /** The tasks this test opened close again: later tests (and their screenshots) find the workbench as it was. */
    @AfterEach
    void putTheWorkbenchBack() {
        page.setPerspective(before);
        for (IPerspectiveDescriptor opened : page.getOpenPerspectives()) {
            if (!openBefore.contains(opened)) {
                page.closePerspective(opened, false, false);
            }
        }
        transportRegistration.unregister();
        driverRegistration.unregister();
        flush();
    }

    @Test
    void anInactiveViewsToolbarFollowsItsStateAndItsKeysStayWithIt() throws Exception {
        IViewPart devices = page.showView(DevicesView.ID);
        CredentialsView credentials = (CredentialsView) page.showView(CredentialsView.ID);
        page.activate(credentials);
        credentials.showDevice(DEVICE);
        Control root = page.getWorkbenchWindow().getShell();
        Table codes = WidgetFinder.find(root, "credentials.codes", Table.class);
        Label status = WidgetFinder.find(root, "credentials.status", Label.class);
        DisplayWait.until(() -> codes.getItemCount() == 2 && ViewCommand.idle(DEVICE), 10, status::getText);
        UserGestures.clickRow(codes, 0);

        page.activate(devices);
        assertSame(devices, page.getActivePart());
        Map<String, ToolItem> toolbar = toolItems(credentials);
        assertEquals(BUTTONS.keySet(), toolbar.keySet(), "Credentials' toolbar");
        DisplayWait.until(() -> enabled(toolbar).equals(List.of(true, true, true, true, true, true)), 5,
                () -> "toolbar " + enabled(toolbar) + ", buttons " + buttonsEnabled(root));
        assertEquals(buttonsEnabled(root), enabled(toolbar), "the toolbar says what the form's buttons say");
        Screenshots.save(page.getWorkbenchWindow().getShell(), 1280, 800, ScreenshotNames.of("inactive-view-toolbar-1280x800.png"));

        // A Job holds the device (a burn, a checklist): Credentials' device actions wait, on its toolbar too.
        CountDownLatch release = new CountDownLatch(1);
        Job busy = DeviceJob.schedule("Holding the device", DEVICE, monitor -> {
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, e -> { });
        try {
            DisplayWait.until(() -> NEED_THE_DEVICE.stream().noneMatch(id -> toolbar.get(id).isEnabled()), 5,
                    () -> "toolbar " + enabled(toolbar));
            assertTrue(toolbar.get(TokenBenchCommands.SCAN_SCREEN).isEnabled(), "Scan Screen needs no device");
            assertEquals(buttonsEnabled(root), enabled(toolbar), "the toolbar says what the form's buttons say");
            assertSame(devices, page.getActivePart(), "Devices stayed the active part");
        } finally {
            release.countDown();
        }
        busy.join();
        DisplayWait.until(() -> NEED_THE_DEVICE.stream().allMatch(id -> toolbar.get(id).isEnabled()), 5, () -> "toolbar " + enabled(toolbar));

        // F5 and Delete pressed in Devices: Credentials neither reads nor deletes (no Job on the device, no question).
        Table devicesTable = WidgetFinder.find(root, "devices.table", Table.class);
        awayFromACodesEnd();
        try (JobWatch jobs = new JobWatch(); DialogWatch dialogs = new DialogWatch()) {
            press(devicesTable, SWT.F5, 0);
            press(devicesTable, SWT.DEL, SWT.DEL);
            spin(500);
            assertEquals(List.of(), jobs.scheduled().stream().filter(DeviceJob.class::isInstance).map(Job::getName).toList(),
                    "device Jobs started by F5 and Delete pressed in Devices");
            assertFalse(dialogs.opened(), "Delete pressed in Devices asked about Credentials' credential");
        }
        // The same F5 in Credentials reads its device: the keys reach the view that is active.
        page.activate(credentials);
        try (JobWatch jobs = new JobWatch()) {
            press(codes, SWT.F5, 0);
            jobs.started(Messages.credentials_reading);
        }
    }

    /**
     * Every view with a toolbar, in its task: the toolbar shows the same while Devices is the active part as while the
     * view itself is (at least one of its buttons enabled, so a toolbar greyed out beside Devices fails), and Devices'
     * own toolbar stays enabled beside it.
     */
    @Test
    void everyViewsToolbarIsTheSameWhetherItIsActiveOrNot() throws Exception {
        Map<String, List<String>> tasks = new LinkedHashMap<>();
        tasks.put(TaskPerspectives.TOKENS, List.of(ProgramTokenView.ID, EnrollView.ID, BatchesView.ID));
        tasks.put(TaskPerspectives.KEYS, List.of(GuomiKeyView.ID, CredentialsView.ID));
        tasks.put(TaskPerspectives.FLEET, List.of(FleetView.ID, ActivityView.ID));
        tasks.put(TaskPerspectives.DIAGNOSTICS, List.of(DriversView.ID));
        for (Map.Entry<String, List<String>> task : tasks.entrySet()) {
            page.setPerspective(PlatformUI.getWorkbench().getPerspectiveRegistry().findPerspectiveWithId(task.getKey()));
            IViewPart devices = page.showView(DevicesView.ID);
            for (String id : task.getValue()) {
                IViewPart view = page.showView(id);
                page.activate(view);
                spin(500); // the workbench updates toolbars in batches
                Map<String, Boolean> whileActive = enablement(toolItems(view));
                assertTrue(whileActive.containsValue(true), id + "'s toolbar while it is active: " + whileActive);
                assertTrue(enablement(toolItems(devices)).containsValue(true), "Devices' toolbar beside the active " + id);

                page.activate(devices);
                DisplayWait.until(() -> enablement(toolItems(view)).equals(whileActive), 5,
                        () -> id + "'s toolbar beside the active Devices: " + enablement(toolItems(view)) + ", active: " + whileActive);
            }
        }
    }

    private static Map<String, Boolean> enablement(Map<String, ToolItem> toolbar) {
        Map<String, Boolean> enabled = new LinkedHashMap<>();
        toolbar.forEach((id, item) -> enabled.put(id, item.isEnabled()));
        return enabled;
    }

    /** The commands on the view's toolbar by id, with the buttons that show them. */
    private static Map<String, ToolItem> toolItems(IViewPart view) {
        ToolBarManager manager = (ToolBarManager) ((IViewSite) view.getSite()).getActionBars().getToolBarManager();
        Map<String, ToolItem> items = new LinkedHashMap<>();
        for (ToolItem item : manager.getControl().getItems()) {
            if ((item.getStyle() & SWT.SEPARATOR) == 0 && item.getData() instanceof IContributionItem contribution) {
                items.put(contribution.getId(), item);
            }
        }
        return items;
    }

    private static List<Boolean> enabled(Map<String, ToolItem> toolbar) {
        return BUTTONS.keySet().stream().map(id -> toolbar.get(id).isEnabled()).toList();
    }

    private static List<Boolean> buttonsEnabled(Control root) {
        return BUTTONS.values().stream().map(id -> WidgetFinder.find(root, id, Button.class).isEnabled()).toList();
    }

    /**
     * Waits until the codes shown stay valid for a few seconds more: the view reads its device again by itself when
     * they expire, a Job that is not the keys'.
     */
    private static void awayFromACodesEnd() {
        DisplayWait.until(() -> {
            long intoPeriod = Instant.now().getEpochSecond() % 30;
            return intoPeriod >= 3 && intoPeriod <= 25 && ViewCommand.idle(DEVICE);
        }, 35, () -> "the device stayed busy");
    }

    /** A key pressed in {@code control}, as the keyboard delivers it: the workbench's key bindings see it first. */
    private static void press(Control control, int keyCode, int character) {
        control.setFocus();
        for (int type : new int[] {SWT.KeyDown, SWT.KeyUp}) {
            Event key = new Event();
            key.keyCode = keyCode;
            key.character = (char) character;
            control.notifyListeners(type, key);
        }
    }

    private static void spin(long millis) {
        Display display = Display.getCurrent();
        long until = System.nanoTime() + millis * 1_000_000L;
        while (System.nanoTime() < until) {
            if (!display.readAndDispatch()) {
                Thread.onSpinWait();
            }
        }
    }

    private static void flush() {
        Display display = Display.getCurrent();
        while (display.readAndDispatch()) {
            // run what the views posted
        }
    }

    /** Notes (and closes) any dialog that opens while it is open: a question the key should not have asked. */
    private static final class DialogWatch implements AutoCloseable {

        private final java.util.Set<Shell> before = UserGestures.shells();
        private final AtomicBoolean opened = new AtomicBoolean();
        private final AtomicBoolean watching = new AtomicBoolean(true);
        private final Display display = Display.getCurrent();

        DialogWatch() {
            display.timerExec(50, this::look);
        }

        private void look() {
            if (!watching.get()) {
                return;
            }
            UserGestures.newShell(before).ifPresent(dialog -> {
                opened.set(true);
                dialog.close();
            });
            display.timerExec(50, this::look);
        }

        boolean opened() {
            return opened.get();
        }

        @Override
        public void close() {
            watching.set(false);
        }
    }
}
