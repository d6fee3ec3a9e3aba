package org.tokenbench.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.jobs.Job;
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
import org.tokenbench.core.device.DeviceSession;
import org.tokenbench.core.device.DeviceTransport;
import org.tokenbench.core.device.OpenOptions;
import org.tokenbench.core.driver.Interaction;
import org.tokenbench.core.driver.TokenDriver;
import org.tokenbench.testing.OsgiServices;
import org.tokenbench.testing.PluggableDevice;
import org.tokenbench.testing.PluggableDriver;
import org.tokenbench.testing.PluggableTransport;
import org.tokenbench.ui.internal.jobs.DeviceJob;
import org.tokenbench.ui.internal.jobs.Screenshots;
import org.tokenbench.ui.internal.views.DevicesView;
import org.tokenbench.ui.internal.views.ProgramTokenView;

/**
 * A vendor's transport with its own connection type and a vendor's driver, both registered from this test bundle as
 * OSGi services (no change to the ui bundle): the Devices view lists the device, claimed, and opens the view the
 * driver's family contributes (this fragment's deviceViews entry) on it; Jobs on the device queue behind each other.
 */
class DevicesViewTest {

    private final BundleContext context = FrameworkUtil.getBundle(DevicesViewTest.class).getBundleContext();
    private final PluggableTransport bench = new PluggableTransport();
    private ServiceRegistration<DeviceTransport> transportRegistration;
    private ServiceRegistration<TokenDriver> driverRegistration;

    @BeforeEach
    void registerTheVendorsTransportAndDriver() {
        driverRegistration = new PluggableDriver().register(context);
        transportRegistration = bench.register(context);
    }

    @AfterEach
    void unregister() {
        transportRegistration.unregister();
        driverRegistration.unregister();
    }

    @Test
    void aTestTransportsDeviceIsClaimedByItsDriverAndDoubleClickOpensItsFamilysView() throws Exception {
        IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
        DevicesView view = (DevicesView) page.showView(DevicesView.ID);
        bench.addSlot("A");
        DisplayWait.until(() -> row(view, "bench:A").map(d -> d.state() == Device.State.EMPTY).orElse(false), 10);

        PluggableDevice token = new PluggableDevice("BENCH-UI-1", null);
        bench.plug("A", token);
        DisplayWait.until(() -> row(view, "bench:A").map(d -> d.state() == Device.State.CLAIMED).orElse(false), 10);
        Device shown = row(view, "bench:A").orElseThrow();
        assertEquals("BENCH-UI-1", shown.serial().orElseThrow());
        assertEquals(PluggableDriver.ID, shown.claim().orElseThrow().driver().id());
        assertEquals("Bench token", shown.claim().orElseThrow().family().name());
        Duration skew = shown.claim().orElseThrow().clockSkew().orElseThrow();
        assertTrue(skew.abs().compareTo(Duration.ofSeconds(2)) <= 0, "the bench clock is the PC's: " + skew);
        Screenshots.save(page.getWorkbenchWindow().getShell(), 1280, 800, ScreenshotNames.of("devices-test-transport-1280x800.png"));

        // Double-click opens the device's editor; its overview offers the view the family contributes (deviceViews).
        DevicesTable.open(view, "bench:A");
        org.eclipse.swt.widgets.Button familyView = WidgetFinder.find(page.getWorkbenchWindow().getShell(), "overview.openView",
                org.eclipse.swt.widgets.Button.class);
        DisplayWait.until(familyView::getVisible, 10);
        WidgetFinder.click(page.getWorkbenchWindow().getShell(), "overview.openView");
        org.eclipse.ui.IViewPart program = page.findView(ProgramTokenView.ID);
        assertTrue(program != null && page.isPartVisible(program), "the family's view is open");
        assertEquals(IWorkbenchPage.STATE_MINIMIZED, page.getPartState(page.getEditorReferences()[0]),
                "the editor steps aside for the view the user asked for (beside each other, the view's form would scroll)");
        PluggableDevice other = new PluggableDevice("BENCH-UI-2", null);
        bench.addSlot("B");
        bench.plug("B", other);
        DisplayWait.until(() -> row(view, "bench:B").map(d -> d.state() == Device.State.CLAIMED).orElse(false), 10);
        page.closeAllEditors(false);
        DevicesTable.open(view, "bench:A");
        org.eclipse.swt.widgets.Button again = WidgetFinder.find(page.getWorkbenchWindow().getShell(), "overview.openView",
                org.eclipse.swt.widgets.Button.class);
        DisplayWait.until(again::getVisible, 10);
        WidgetFinder.click(page.getWorkbenchWindow().getShell(), "overview.openView");
        ProgramTokenForm form = ProgramTokenForm.show();
        assertTrue(form.chosenDevice().contains("BENCH-UI-1"), "double-click chose the device; it shows " + form.chosenDevice()
                + "; status: " + form.status() + "; Devices says: " + DevicesTable.guidance(view));
        try (JobWatch jobs = new JobWatch()) {
            form.run(org.tokenbench.ui.internal.commands.TokenBenchCommands.CONNECT);
            JobWatch.finished(jobs.started(job -> job instanceof DeviceJob d && d.deviceId().equals("bench:A"), "Connect"));
        }
        DisplayWait.until(() -> form.token().contains("BENCH-UI-1"), 5, () -> "token '" + form.token() + "', status '" + form.status() + "'");
        assertTrue(form.token().startsWith(org.eclipse.osgi.util.NLS.bind(org.tokenbench.ui.internal.views.Messages.program_tokenSummary,
                "Bench token", "BENCH-UI-1")), form.token());
        assertEquals(List.of(), form.displayTimes(), "the bench family has no display time to set");
        assertTrue(token.log().contains("close") && token.log().get(token.log().size() - 1).equals("disconnect"),
                "Connect closes its session: " + token.log());

        page.closeAllEditors(false);
        DisplayWait.until(() -> !page.isEditorAreaVisible(), 5);
        bench.unplug("A");
        DisplayWait.until(() -> row(view, "bench:A").map(d -> d.state() == Device.State.EMPTY).orElse(false), 10);
        bench.removeSlot("A");
        bench.removeSlot("B");
        DisplayWait.until(() -> row(view, "bench:A").isEmpty() && row(view, "bench:B").isEmpty(), 10);
    }

    /** A Job on the device and a Connect pressed meanwhile: the Connect waits for the Job; the two never interleave. */
    @Test
    void jobsOnOneDeviceQueueUpUnderItsRule() throws Exception {
        DeviceService devices = OsgiServices.await(DeviceService.class);
        PluggableDevice token = new PluggableDevice("BENCH-RULE", null);
        bench.addSlot("R");
        bench.plug("R", token);
        DisplayWait.until(() -> devices.device("bench:R").map(d -> d.state() == Device.State.CLAIMED).orElse(false), 10);

        IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
        ProgramTokenView program = (ProgramTokenView) page.showView(ProgramTokenView.ID);
        program.showDevice("bench:R");
        List<String> started = new ArrayList<>();
        DeviceJob slow = DeviceJob.schedule("A long operation", "bench:R", monitor -> {
            started.add("slow");
            try (DeviceSession session = devices.open("bench:R", OpenOptions.of(Interaction.NONE))) {
                session.feature(PluggableDriver.Work.class).orElseThrow().run("slow", Duration.ofSeconds(2));
            }
        }, e -> {
        });
        DisplayWait.until(() -> slow.getState() == Job.RUNNING && token.log().contains("start slow"), 10);
        ProgramTokenForm form = ProgramTokenForm.show();
        Job connect;
        try (JobWatch jobs = new JobWatch()) {
            form.run(org.tokenbench.ui.internal.commands.TokenBenchCommands.CONNECT);
            connect = jobs.started(job -> job != slow && job instanceof DeviceJob d && d.deviceId().equals("bench:R"), "Connect");
        }
        DisplayWait.until(() -> connect.getState() != Job.NONE, 2);
        assertTrue(connect.getState() == Job.WAITING || connect.getState() == Job.SLEEPING, "the Connect waits for the device: " + connect.getState());
        JobWatch.finished(connect);
        assertEquals(IStatus.OK, slow.getResult().getSeverity());
        assertEquals(IStatus.OK, connect.getResult().getSeverity());
        List<String> log = token.log();
        int endSlow = log.indexOf("end slow");
        int connectOpens = log.lastIndexOf("open");
        assertTrue(endSlow >= 0 && connectOpens > endSlow, "the Connect opened only after the long operation ended: " + log);
        DisplayWait.until(() -> form.token().contains("BENCH-RULE"));

        // A device that cannot be opened: the Job's result is an error, not OK.
        token.holdElsewhere(true);
        try (JobWatch jobs = new JobWatch()) {
            form.run(org.tokenbench.ui.internal.commands.TokenBenchCommands.CONNECT);
            Job refused = JobWatch.finished(jobs.started(job -> job instanceof DeviceJob d && d.deviceId().equals("bench:R"), "Connect"));
            assertEquals(IStatus.ERROR, refused.getResult().getSeverity(), refused.getResult().toString());
        }
        DisplayWait.until(() -> form.status().contains("another program is using bench slot R"), 5, form::status);
        token.holdElsewhere(false);
        form.typeKey("");
        assertFalse(form.enabled("program.burn"), "no key: nothing to burn");
        // The bench family's descriptor accepts a SHA1/6/30 key, but its sessions offer no seed programming: the burn
        // Job ends in an error, with the catalog's explanation in the view.
        form.typeKey("otpauth://totp/Bench:rule?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=Bench");
        assertTrue(form.enabled("program.burn"), form.text("program.settingsCheck"));
        try (JobWatch jobs = new JobWatch()) {
            form.run(org.tokenbench.ui.internal.commands.TokenBenchCommands.BURN);
            Job burn = JobWatch.finished(jobs.started(job -> job instanceof DeviceJob d && d.deviceId().equals("bench:R"), "Burn"));
            assertEquals(IStatus.ERROR, burn.getResult().getSeverity(), burn.getResult().toString());
        }
        DisplayWait.until(() -> form.status().contains("[tokenbench:0x0004]"), 5, form::status);
        form.typeKey("");
        bench.removeSlot("R");
    }

    private static Optional<Device> row(DevicesView view, String id) {
        return DevicesTable.device(view, id);
    }
}
