package org.tokenbench.ui.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.jobs.IJobChangeEvent;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.core.runtime.jobs.JobChangeAdapter;
import org.tokenbench.core.device.DeviceService;
import org.tokenbench.core.device.VendorLibraries;
import org.tokenbench.core.TokenException;
import org.tokenbench.testing.OsgiServices;
import org.tokenbench.ui.internal.model.ChecklistModel;
import org.tokenbench.ui.internal.jobs.DeviceRule;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tokenbench.testing.skf.SoftSkf;
import org.tokenbench.ui.internal.jobs.Screenshots;
import org.tokenbench.ui.internal.views.GuomiKeyView;

/**
 * The Guomi checklist in the workbench, against the soft SKF library with an injected fault: the SKF transport's
 * environment steps, then the key's driver's checklist, through the devices service. Driven through the view's real
 * widgets (no hooks in the view): the library typed into its field, Run Check pressed, the table and summary read.
 */
class GuomiKeyViewTest {

    @TempDir
    Path dir;

    @Test
    void aCorruptCertificateTurnsItsStepRedWithTheRemedy() throws Exception {
        SoftSkf key = SoftSkf.create(SoftSkf.library(), dir.resolve("key"), Map.of("user_pin", "24681357"));
        key.faults("corrupt-cert");
        Shell root = showWith(key);

        Label summary = WidgetFinder.find(root, "guomi.summary", Label.class);
        Table steps = WidgetFinder.find(root, "guomi.steps", Table.class);
        Button run = WidgetFinder.find(root, "guomi.run", Button.class);
        WidgetFinder.click(root, "guomi.run");
        assertFalse(run.isEnabled(), "one run at a time");
        DisplayWait.until(() -> summary.getText().contains("red step"), 15, summary::getText);
        List<String[]> shown = rows(steps);
        int at = indexOf(shown, "failed");
        assertTrue(at >= 0 && shown.get(at)[0].toLowerCase().contains("certificate"), Arrays.deepToString(shown.toArray()));
        assertTrue(shown.subList(0, at).stream().allMatch(r -> r[1].equals("passed")), "the steps before it passed");
        assertTrue(shown.size() > at + 1 && shown.subList(at + 1, shown.size()).stream().allMatch(r -> r[1].equals("not checked")),
                "the steps after it are listed as not checked");

        // the red step is selected as it arrives, its diagnosis below
        Text details = WidgetFinder.find(root, "guomi.details", Text.class);
        DisplayWait.until(() -> details.getText().contains("What to do: "), 5, details::getText);
        assertTrue(details.getText().contains("Certificate parsing error [guomi.console:0x21210001]"), details.getText());
        Screenshots.save(root, 1280, 800, "guomi-key-red-step-1280x800.png");
        Screenshots.save(root, 1920, 1080, "guomi-key-red-step-1920x1080.png");

        key.clearFaults();
        int count = shown.size();
        DisplayWait.until(run::isEnabled, 15);
        WidgetFinder.click(root, "guomi.run");
        // No CA file, CRL or PIN were given: nothing failed, yet the view must not call that "verified".
        DisplayWait.until(() -> summary.getText().startsWith("Passed with unchecked steps"), 15, summary::getText);
        assertEquals(count, steps.getItemCount());
        assertEquals(-1, indexOf(rows(steps), "failed"));

        // A revocation list that cannot be read: said at once, nothing run, the PIN field emptied.
        Text crl = WidgetFinder.find(root, "guomi.crl", Text.class);
        Text pin = WidgetFinder.find(root, "guomi.pin", Text.class);
        crl.setText(dir.resolve("missing.crl").toString());
        pin.setText("24681357");
        DisplayWait.until(run::isEnabled, 15);
        WidgetFinder.click(root, "guomi.run");
        // read in the Job, not on the display thread
        DisplayWait.until(() -> summary.getText().startsWith("The revocation list file cannot be read"), 15, summary::getText);
        assertEquals("", pin.getText());
        assertEquals(count, steps.getItemCount(), "the last results stay");
        crl.setText("");
        Files.deleteIfExists(dir.resolve("missing.crl"));
        awaitKeyJobsDone();
    }

    /**
     * Cancelled while it waited for the key (another Job holds it): the summary says cancelled, never "verified", and the
     * Job's result is CANCEL. Before the fix the wait returned silently, the run counted as finished and was verified.
     */
    @Test
    void aCheckCancelledWhileWaitingForTheKeyIsCancelledNotVerified() throws Exception {
        SoftSkf key = SoftSkf.create(SoftSkf.library(), dir.resolve("key"), Map.of("user_pin", "24681357"));
        Shell root = showWith(key);
        DeviceService devices = OsgiServices.await(DeviceService.class);
        String keyId = devices.devices().stream()
                .filter(d -> key.libraryPath().toAbsolutePath().toString().equals(d.slot().properties().get(VendorLibraries.LIBRARY_PROPERTY)))
                .findFirst().orElseThrow().id();

        CountDownLatch release = new CountDownLatch(1);
        Job holder = Job.create("holding the key", monitor -> {
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        holder.setRule(new DeviceRule(keyId));
        holder.schedule();
        try {
            DisplayWait.until(() -> holder.getState() == Job.RUNNING, 10);
            Label summary = WidgetFinder.find(root, "guomi.summary", Label.class);
            Table steps = WidgetFinder.find(root, "guomi.steps", Table.class);
            Button run = WidgetFinder.find(root, "guomi.run", Button.class);
            DisplayWait.until(run::isEnabled, 15);
            WidgetFinder.click(root, "guomi.run");
            // the library's environment steps run, then the check waits for the key
            DisplayWait.until(() -> steps.getItemCount() > 0 && check().isPresent(), 15, summary::getText);
            Job check = check().orElseThrow();
            AtomicReference<IStatus> result = new AtomicReference<>();
            check.addJobChangeListener(new JobChangeAdapter() {
                @Override
                public void done(IJobChangeEvent event) {
                    result.set(event.getResult());
                }
            });
            Thread.sleep(300);
            check.cancel();
            DisplayWait.until(() -> result.get() != null, 15, summary::getText);
            assertEquals(IStatus.CANCEL, result.get().getSeverity(), result.get().toString());
            DisplayWait.until(() -> summary.getText().equals(org.tokenbench.ui.internal.model.Messages.checklist_cancelled), 5, summary::getText);
            assertFalse(summary.getText().contains("verified") && !summary.getText().contains("nothing is verified"), summary.getText());
            DisplayWait.until(run::isEnabled, 5);
        } finally {
            release.countDown();
        }
        holder.join(10_000, null);
        awaitKeyJobsDone();
    }

    /** A CA or CRL file is read bounded: a file past the limit is refused with what it is, not read into memory. */
    @Test
    void aHugeRevocationListIsRefusedNotRead() throws Exception {
        Path huge = dir.resolve("huge.crl");
        try (java.io.RandomAccessFile file = new java.io.RandomAccessFile(huge.toFile(), "rw")) {
            file.setLength(ChecklistModel.MAX_INPUT_BYTES + 1L);
        }
        ChecklistModel.Typed typed = ChecklistModel.typed("", huge.toString(), new char[0]);
        TokenException refused = assertThrows(TokenException.class, () -> ChecklistModel.inputs(typed));
        assertTrue(refused.getMessage().contains(String.valueOf(ChecklistModel.MAX_INPUT_BYTES >> 20)), refused.getMessage());
        Files.write(huge, new byte[] {1, 2, 3});
        assertArrayEquals(new byte[] {1, 2, 3}, ChecklistModel.inputs(typed).revocationLists().orElseThrow());
    }

    /**
     * Shows the view, types {@code key}'s library into it and waits until the key's PIN counter is read (its
     * "6 of 6 tries left" is the core's words, the same in every language). Returns the workbench window's shell.
     */
    static Shell showWith(SoftSkf key) throws PartInitException {
        IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
        page.showView(GuomiKeyView.ID);
        Shell root = page.getWorkbenchWindow().getShell();
        Combo library = WidgetFinder.find(root, "guomi.library", Combo.class);
        library.setText(key.libraryPath().toString());
        library.notifyListeners(SWT.DefaultSelection, new org.eclipse.swt.widgets.Event());
        Label counter = WidgetFinder.find(root, "guomi.pinCounter", Label.class);
        DisplayWait.until(() -> counter.getText().endsWith("6 of 6 tries left"), 15, counter::getText);
        return root;
    }

    /** Waits until no Job works on the key (a check ends by refreshing its PIN counter) before its files are deleted. */
    static void awaitKeyJobsDone() {
        DisplayWait.until(() -> Arrays.stream(Job.getJobManager().find(null))
                .noneMatch(job -> job.getName().contains("PIN") || job.getName().contains("USB key")), 15);
    }

    private static java.util.Optional<Job> check() {
        return Arrays.stream(Job.getJobManager().find(null)).filter(job -> job.getName().equals("Checking the USB key environment")).findFirst();
    }

    private static List<String[]> rows(Table table) {
        return Arrays.stream(table.getItems()).map((TableItem item) -> new String[] {item.getText(0), item.getText(1), item.getText(2)}).toList();
    }

    private static int indexOf(List<String[]> rows, String status) {
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i)[1].equals(status)) {
                return i;
            }
        }
        return -1;
    }
}
