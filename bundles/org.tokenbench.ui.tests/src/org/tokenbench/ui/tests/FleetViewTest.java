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
import org.eclipse.ui.IWorkbenchPage;
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
import org.tokenbench.ui.internal.views.FleetView;
import org.tokenbench.ui.internal.views.Messages;

/**
 * The Fleet and Activity views on the fleet bundle's real database (H2 under this run's TokenBench home), in the
 * workbench's language (the pom runs them in English and in Chinese).
 */
class FleetViewTest {

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
        view.refresh().get();
        view.setFilter(p, "All states");
        DisplayWait.until(() -> view.shownSerials().size() == 3, 10, view::statusText);
        assertEquals(List.of(p + "0001", p + "0002", p + "0003"), view.shownSerials(), "sorted by serial at first");

        view.sortBy(1);
        assertEquals(List.of(p + "0003", p + "0002", p + "0001"), view.shownSerials(), "a second click on the sorted column reverses it");
        view.sortBy(0);
        assertEquals(p + "0003", view.shownSerials().get(0), "by family: guomi-skf before safeid-c200");

        view.setFilter(p.toLowerCase() + " alice", "All states");
        assertEquals(List.of(p + "0001"), view.shownSerials());
        view.setFilter(p, "new");
        assertEquals(2, view.shownSerials().size());
        String shownTwo = NLS.bind(Messages.fleet_shown, 2, "\u0000");
        assertTrue(view.statusText().startsWith(shownTwo.substring(0, shownTwo.indexOf('\u0000'))), view.statusText());

        view.setFilter(p + "0001", "All states");
        view.select(p + "0001");
        DisplayWait.until(() -> view.shownHistory().size() == 2, 10, () -> view.shownHistory().toString());
        assertEquals("inventory.change " + NLS.bind(Messages.activity_withDetail, Messages.activity_succeeded,
                "state programmed (was new), account Example:alice@example.com"), view.shownHistory().get(0));
        assertEquals("inventory.change " + NLS.bind(Messages.activity_withDetail, Messages.activity_succeeded, "owner Alice Martin"),
                view.shownHistory().get(1));

        view.setFilter(p, "All states");
        Path csv = dir.resolve("fleet.csv");
        view.exportCsv(csv);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(csv)));
        List<String> lines = Files.readAllLines(csv);
        assertEquals(4, lines.size(), lines.toString());
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("safeid-c200," + p + "0001,safeid,1.2,Alice Martin,Example:alice@example.com,programmed,")),
                lines.toString());

        // Marking a device lost from another program (the CLI) shows here: the audit log's record refreshes the view.
        inventory.changeState("guomi-skf", p + "0003", State.LOST, "");
        view.setFilter(p, "lost");
        DisplayWait.until(() -> view.shownSerials().equals(List.of(p + "0003")), 10, view::statusText);
        view.setFilter(p, "All states");
        Screenshots.save(page.getWorkbenchWindow().getShell(), 1280, 800, ScreenshotNames.of("fleet-1280x800.png"));
        page.setPartState(page.getReference(view), IWorkbenchPage.STATE_MAXIMIZED);
        try {
            Screenshots.save(page.getWorkbenchWindow().getShell(), 1280, 800, ScreenshotNames.of("fleet-maximized-1280x800.png"));
        } finally {
            page.setPartState(page.getReference(view), IWorkbenchPage.STATE_RESTORED);
        }
    }

    @Test
    void theActivityViewShowsTheAuditLogLiveAndItsTraceLinesForTheSessionOnly() throws Exception {
        IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
        ActivityView view = (ActivityView) page.showView(ActivityView.ID);
        AuditLog log = OsgiServices.await(AuditLog.class);
        log.record(AuditEvent.failed(AuditEvent.PIN_VERIFY, "guomi-skf", "AV-0001", ErrorCode.of("skf", 0x0A000024L), "user PIN: 4 tries left"));
        DisplayWait.until(() -> !view.shownRows().isEmpty() && view.shownRows().get(0).device().equals("guomi-skf AV-0001"), 10,
                () -> view.shownRows().toString());
        ActivityView.Row row = view.shownRows().get(0);
        assertEquals(AuditEvent.PIN_VERIFY, row.action());
        assertEquals(NLS.bind(Messages.activity_withDetail, Messages.activity_failed + " [skf:0x0A000024]", "user PIN: 4 tries left"), row.result());
        assertEquals(System.getProperty("user.name"), row.user());

        ActivityView.trace("Virtual PCD 00 00", "> 00A4040007A0000005272101");
        DisplayWait.until(() -> view.shownRows().get(0).action().equals("APDU"), 10, () -> view.shownRows().toString());
        assertTrue(log.recent(5).stream().noneMatch(e -> e.event().action().equals("APDU")), "a trace line is not audit material");
        page.setPartState(page.getReference(view), IWorkbenchPage.STATE_MAXIMIZED);
        try {
            Screenshots.save(page.getWorkbenchWindow().getShell(), 1280, 800, ScreenshotNames.of("activity-maximized-1280x800.png"));
        } finally {
            page.setPartState(page.getReference(view), IWorkbenchPage.STATE_RESTORED);
        }
    }
}
