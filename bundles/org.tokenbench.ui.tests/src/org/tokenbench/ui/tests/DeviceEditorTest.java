package org.tokenbench.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.jobs.IJobChangeEvent;
import org.eclipse.core.runtime.jobs.IJobChangeListener;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.core.runtime.jobs.JobChangeAdapter;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.Text;
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
import org.tokenbench.ui.internal.editors.DeviceEditor;
import org.tokenbench.ui.internal.jobs.DeviceRule;
import org.tokenbench.ui.internal.editors.Messages;
import org.tokenbench.ui.internal.views.DevicesView;

/**
 * A third vendor's key (a driver registered from this test bundle, no UI code of its own but one devicePage) opened
 * from the Devices view: its editor gets every page from the session's features, holds no device while idle, and its
 * pages work the device through device Jobs — a wrong PIN is sent once and never again, a failure is the Job's error.
 */
class DeviceEditorTest {

    private static final String DEVICE = "bench:VK";
    private final BundleContext context = FrameworkUtil.getBundle(DeviceEditorTest.class).getBundleContext();
    private final PluggableTransport bench = new PluggableTransport();
    private final VendorKeyDriver driver = new VendorKeyDriver();
    private final Map<String, IStatus> finished = new ConcurrentHashMap<>();
    private final IJobChangeListener results = new JobChangeAdapter() {
        @Override
        public void done(IJobChangeEvent event) {
            if (event.getJob().belongsTo(new DeviceRule(DEVICE))) {
                finished.put(event.getJob().getName(), event.getResult());
            }
        }
    };
    private ServiceRegistration<DeviceTransport> transportRegistration;
    private ServiceRegistration<TokenDriver> driverRegistration;

    @BeforeEach
    void plugTheVendorsKey() throws Exception {
        driverRegistration = driver.register(context);
        transportRegistration = bench.register(context);
        Job.getJobManager().addJobChangeListener(results);
    }

    @AfterEach
    void unplug() {
        Job.getJobManager().removeJobChangeListener(results);
        PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage().closeAllEditors(false);
        transportRegistration.unregister();
        driverRegistration.unregister();
    }

    @Test
    void aVendorsKeyGetsEveryPageFromItsFeaturesAndItsOwnPage() throws Exception {
        DeviceService devices = OsgiServices.await(DeviceService.class);
        IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
        DevicesView view = (DevicesView) page.showView(DevicesView.ID);
        bench.addSlot("VK");
        bench.plug("VK", new PluggableDevice("VK-0042", null));
        DisplayWait.until(() -> DevicesTable.device(view, DEVICE).map(d -> d.state() == Device.State.CLAIMED).orElse(false), 10);

        DevicesTable.open(view, DEVICE);
        DeviceEditor editor = (DeviceEditor) page.getActiveEditor();
        assertEquals(DEVICE, editor.deviceId());
        DisplayWait.until(() -> editor.pageTitles().size() == 8, 10, () -> editor.pageTitles().toString());
        assertEquals(List.of(Messages.page_overview, Messages.page_seed, Messages.page_credentials, Messages.page_pin,
                Messages.page_certificates, Messages.page_checklist, Messages.page_history, "Vendor profiles"), editor.pageTitles());
        Control root = editor.getSite().getShell();
        Table overview = WidgetFinder.find(root, "overview.rows", Table.class);
        DisplayWait.until(() -> overview.getItemCount() > 0);
        assertTrue(rows(overview).contains("Firmware=3.1.4"), rows(overview).toString());
        assertTrue(rows(overview).contains(org.tokenbench.ui.internal.model.Messages.overview_driver + "=Example vendor key (test driver)"), rows(overview).toString());
        DisplayWait.until(() -> !devices.device(DEVICE).orElseThrow().busy(), 5);
        assertFalse(devices.device(DEVICE).orElseThrow().busy(), "an open editor holds no device while idle");
        shot(editor, 0);

        editor.showPage(1);
        Label clock = WidgetFinder.find(root, "seed.clock", Label.class);
        String twoSecondsAhead = org.tokenbench.ui.internal.model.DeviceOffer.signedSeconds(java.time.Duration.ofSeconds(2));
        DisplayWait.until(() -> clock.getText().endsWith(twoSecondsAhead), 10, clock::getText);
        shot(editor, 1);

        editor.showPage(2);
        Table credentials = WidgetFinder.find(root, "credentials.table", Table.class);
        DisplayWait.until(() -> credentials.getItemCount() == 2, 10);
        assertEquals("287082", credentials.getItem(0).getText(3));
        assertEquals("touch the key", credentials.getItem(1).getText(3));
        shot(editor, 2);

        editor.showPage(3);
        Label counter = WidgetFinder.find(root, "pin.counter.USER", Label.class);
        DisplayWait.until(() -> counter.getText().equals(triesLeft(6)), 10, counter::getText);
        Text pin = WidgetFinder.find(root, "pin.field.USER", Text.class);
        pin.setText("11112222");
        WidgetFinder.click(root, "pin.verify.USER");
        assertEquals("", pin.getText(), "the typed PIN leaves the field at once");
        DisplayWait.until(() -> counter.getText().equals(triesLeft(5)), 10, counter::getText);
        Label pinStatus = WidgetFinder.find(root, "pin.status", Label.class);
        // the key's refusal, explained with its code (the driver's words and, where a catalog knows it, the remedy)
        DisplayWait.until(() -> pinStatus.getText().contains(org.tokenbench.core.ErrorCode.of("vendorkey", 0x63C0).toString()), 5, pinStatus::getText);
        DisplayWait.until(() -> finished.containsKey(Messages.pin_verifying), 5);
        assertEquals(IStatus.ERROR, finished.get(Messages.pin_verifying).getSeverity(), "a refused PIN is the Job's error");
        Thread.sleep(500);
        assertEquals(1, driver.attempts.get(), "one click, one attempt: never retried");
        finished.clear();
        pin.setText(VendorKeyDriver.PIN);
        WidgetFinder.click(root, "pin.verify.USER");
        DisplayWait.until(() -> pinStatus.getText().startsWith(Messages.pin_accepted.substring(0, Messages.pin_accepted.indexOf("{0}"))), 10, pinStatus::getText);
        DisplayWait.until(() -> counter.getText().equals(triesLeft(6)), 5, counter::getText);
        assertEquals(2, driver.attempts.get());
        shot(editor, 3);

        editor.showPage(4);
        Table certificates = WidgetFinder.find(root, "certificates.table", Table.class);
        DisplayWait.until(() -> certificates.getItemCount() == 1, 10);
        assertTrue(certificates.getItem(0).getText(2).contains("CN=Vendor Key Test"), certificates.getItem(0).getText(2));
        Text certificate = WidgetFinder.find(root, "certificates.details", Text.class);
        DisplayWait.until(() -> certificate.getText().contains("SHA-256"), 5);
        shot(editor, 4);

        editor.showPage(5);
        WidgetFinder.click(root, "checklist.run");
        Table steps = WidgetFinder.find(root, "checklist.steps", Table.class);
        Label checklistStatus = WidgetFinder.find(root, "checklist.status", Label.class);
        DisplayWait.until(() -> checklistStatus.getText().equals(org.tokenbench.ui.internal.model.Messages.checklist_unchecked), 10, checklistStatus::getText);
        assertEquals(2, steps.getItemCount());
        assertEquals(org.tokenbench.ui.internal.model.Messages.checklist_skipped, steps.getItem(1).getText(1));
        shot(editor, 5);

        editor.showPage(6);
        Table history = WidgetFinder.find(root, "history.table", Table.class);
        DisplayWait.until(() -> history.getItemCount() >= 2, 10, () -> String.valueOf(history.getItemCount()));
        assertTrue(history.getItem(0).getText(2).equals("key.pin-verify"), "the PIN verifications are the key's history");
        shot(editor, 6);

        editor.showPage(7);
        Label vendorPage = WidgetFinder.find(root, "vendor.profiles", Label.class);
        DisplayWait.until(() -> vendorPage.getText().equals("Vendor profiles of VK-0042 (firmware 3.1.4)"), 10, vendorPage::getText);
        shot(editor, 7);

        // A device another program holds: the page's Job ends with an error status and the page says why.
        bench.plug("VK", heldElsewhere());
        finished.clear();
        editor.showPage(0);
        WidgetFinder.click(root, "overview.refresh");
        DisplayWait.until(() -> finished.containsKey(Messages.editor_reading), 15);
        assertEquals(IStatus.ERROR, finished.get(Messages.editor_reading).getSeverity());
        Label overviewStatus = WidgetFinder.find(root, "overview.status", Label.class);
        DisplayWait.until(() -> overviewStatus.getText().contains("tokenbench:0x000F"), 5, overviewStatus::getText);

        // Opening the device again brings the same editor to the front.
        DevicesTable.open(view, DEVICE);
        assertEquals(1, page.getEditorReferences().length);
        bench.unplug("VK");
        bench.removeSlot("VK");
    }

    private static PluggableDevice heldElsewhere() {
        PluggableDevice device = new PluggableDevice("VK-0042", null);
        device.holdElsewhere(true);
        return device;
    }

    private static List<String> rows(Table table) {
        return java.util.Arrays.stream(table.getItems()).map(item -> item.getText(0) + "=" + item.getText(1)).toList();
    }

    private static String triesLeft(int left) {
        return NLS.bind(Messages.pin_triesLeft, left, VendorKeyDriver.MAX_TRIES);
    }

    /** Page {@code index} at every size and theme, as the other families' editors are kept. */
    private static void shot(DeviceEditor editor, int index) throws Exception {
        DeviceEditorScreenshotsTest.shoot(editor, "vendor-key", index);
    }
}
