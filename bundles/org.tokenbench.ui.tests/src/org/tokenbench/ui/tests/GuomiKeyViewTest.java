package org.tokenbench.ui.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.jobs.IJobChangeEvent;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.core.runtime.jobs.JobChangeAdapter;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tokenbench.core.ErrorCode;
import org.tokenbench.core.TokenException;
import org.tokenbench.core.device.DeviceService;
import org.tokenbench.core.device.VendorLibraries;
import org.tokenbench.core.driver.Checklist;
import org.tokenbench.core.driver.PinStatus;
import org.tokenbench.core.driver.PinType;
import org.tokenbench.diagnostics.Diagnosis;
import org.tokenbench.diagnostics.DiagnosticsRegistry;
import org.tokenbench.testing.OsgiServices;
import org.tokenbench.testing.skf.SoftSkf;
import org.tokenbench.ui.internal.jobs.DeviceRule;
import org.tokenbench.ui.internal.jobs.Screenshots;
import org.tokenbench.ui.internal.model.ChecklistModel;
import org.tokenbench.ui.internal.views.GuomiKeyView;
import org.tokenbench.ui.internal.views.Messages;

/**
 * The Guomi checklist in the workbench, against the soft SKF library with an injected fault: the SKF transport's
 * environment steps, then the key's driver's checklist, through the devices service. Driven through the view's real
 * widgets (no hooks in the view): the library typed into its field, Run Check pressed, the table and summary read, in
 * the workbench's language (the pom runs it in English and in Chinese).
 */
class GuomiKeyViewTest {

    private static final String USER_PIN = "24681357";
    private static final int STATUS = 1;
    /** The soft key's fresh user PIN counter. */
    private static final PinStatus FRESH_PIN = new PinStatus(PinType.USER, 6, 6, false);
    /** The soft SKF library's corrupt-cert fault: the certificate cannot be parsed. */
    private static final ErrorCode CERTIFICATE_PARSING = ErrorCode.of("guomi.console", 0x21210001L);

    @TempDir
    Path dir;

    /** The view's form on a soft key, its library chosen and its PIN counter read. */
    private record Form(Control root, SoftSkf key, Label summary, Table steps, Button run) {

        void runCheck() {
            DisplayWait.until(run::isEnabled, 15);
            WidgetFinder.click(root, "guomi.run");
        }

        void awaitSummary(String expected) {
            DisplayWait.until(() -> summary.getText().equals(expected), 15, summary::getText);
        }
    }

    private Form openOn(Map<String, String> keyFiles, String... faults) throws Exception {
        SoftSkf key = SoftSkf.create(SoftSkf.library(), dir.resolve("key"), keyFiles);
        if (faults.length > 0) {
            key.faults(faults);
        }
        Control root = showWith(key);
        return new Form(root, key, WidgetFinder.find(root, "guomi.summary", Label.class), WidgetFinder.find(root, "guomi.steps", Table.class),
                WidgetFinder.find(root, "guomi.run", Button.class));
    }

    @Test
    void aCorruptCertificateTurnsItsStepRedWithTheRemedy() throws Exception {
        Form form = openOn(Map.of("user_pin", USER_PIN), "corrupt-cert");
        form.runCheck();
        assertFalse(form.run().isEnabled(), "one run at a time");
        form.awaitSummary(org.tokenbench.ui.internal.model.Messages.checklist_red);
        List<String> shown = UserGestures.column(form.steps(), STATUS);
        int at = shown.indexOf(statusText(Checklist.Status.FAILED));
        assertTrue(at >= 0, shown.toString());
        assertTrue(shown.subList(0, at).stream().allMatch(statusText(Checklist.Status.PASSED)::equals), "the steps before it passed");
        assertTrue(shown.size() > at + 1 && shown.subList(at + 1, shown.size()).stream().allMatch(statusText(Checklist.Status.SKIPPED)::equals),
                () -> "the steps after it are listed as not checked: " + shown + "\n" + WidgetFinder.find(form.root(), "guomi.details", Text.class).getText());

        // the red step is selected as it arrives, its diagnosis (the catalog's, in the run's language) below
        Text details = WidgetFinder.find(form.root(), "guomi.details", Text.class);
        Diagnosis diagnosis = OsgiServices.await(DiagnosticsRegistry.class).explain(CERTIFICATE_PARSING).orElseThrow();
        DisplayWait.until(() -> details.getText().contains(org.tokenbench.ui.internal.model.Messages.checklist_remedy + " "
                + diagnosis.remedy()), 5, details::getText);
        assertTrue(details.getText().contains(diagnosis.title() + " [" + CERTIFICATE_PARSING + "]"), details.getText());
        Screenshots.save(form.root().getShell(), 1280, 800, ScreenshotNames.of("guomi-key-red-step-1280x800.png"));
        Screenshots.save(form.root().getShell(), 1920, 1080, ScreenshotNames.of("guomi-key-red-step-1920x1080.png"));

        form.key().clearFaults();
        int count = shown.size();
        form.runCheck();
        // No CA file, CRL or PIN were given: nothing failed, yet the view must not call that "verified".
        form.awaitSummary(org.tokenbench.ui.internal.model.Messages.checklist_unchecked);
        assertEquals(count, form.steps().getItemCount(), () -> UserGestures.column(form.steps(), 0) + " " + UserGestures.column(form.steps(), STATUS));
        assertFalse(UserGestures.column(form.steps(), STATUS).contains(statusText(Checklist.Status.FAILED)));

        // A revocation list that cannot be read: said at once, nothing run, the PIN field emptied.
        Text crl = WidgetFinder.find(form.root(), "guomi.crl", Text.class);
        Text pin = WidgetFinder.find(form.root(), "guomi.pin", Text.class);
        UserGestures.type(crl, dir.resolve("missing.crl").toString());
        UserGestures.type(pin, USER_PIN);
        form.runCheck();
        // read in the Job, not on the display thread
        String unreadable = NLS.bind(org.tokenbench.ui.internal.model.Messages.checklist_unreadable,
                org.tokenbench.ui.internal.model.Messages.checklist_crlFile, "{1}");
        DisplayWait.until(() -> MessageTemplates.matches(unreadable, form.summary().getText()), 15, form.summary()::getText);
        assertEquals("", pin.getText());
        assertEquals(count, form.steps().getItemCount(), "the last results stay");
        UserGestures.type(crl, "");
        Files.deleteIfExists(dir.resolve("missing.crl"));
        awaitNoJobOnTheKey();
    }

    /**
     * Cancelled while it waited for the key (another Job holds it): the summary says cancelled, never "verified", and the
     * Job's result is CANCEL. Before the fix the wait returned silently, the run counted as finished and was verified.
     */
    @Test
    void aCheckCancelledWhileWaitingForTheKeyIsCancelledNotVerified() throws Exception {
        Form form = openOn(Map.of("user_pin", USER_PIN));
        DeviceService devices = OsgiServices.await(DeviceService.class);
        String keyId = devices.devices().stream()
                .filter(d -> form.key().libraryPath().toAbsolutePath().toString().equals(d.slot().properties().get(VendorLibraries.LIBRARY_PROPERTY)))
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
            form.runCheck();
            // the library's environment steps run, then the check waits for the key
            DisplayWait.until(() -> form.steps().getItemCount() > 0 && job(Messages.guomi_checkJob).isPresent(), 15, form.summary()::getText);
            Job check = job(Messages.guomi_checkJob).orElseThrow();
            AtomicReference<IStatus> result = new AtomicReference<>();
            check.addJobChangeListener(new JobChangeAdapter() {
                @Override
                public void done(IJobChangeEvent event) {
                    result.set(event.getResult());
                }
            });
            Thread.sleep(300);
            check.cancel();
            DisplayWait.until(() -> result.get() != null, 15, form.summary()::getText);
            assertEquals(IStatus.CANCEL, result.get().getSeverity(), result.get().toString());
            form.awaitSummary(org.tokenbench.ui.internal.model.Messages.checklist_cancelled);
            DisplayWait.until(form.run()::isEnabled, 5);
        } finally {
            release.countDown();
        }
        holder.join(10_000, null);
        awaitNoJobOnTheKey();
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

    /** Shows the view, chooses {@code key}'s library in it and waits until the key's PIN counter is read. */
    static Control showWith(SoftSkf key) throws Exception {
        IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
        page.showView(GuomiKeyView.ID);
        Control root = page.getWorkbenchWindow().getShell();
        Combo library = WidgetFinder.find(root, "guomi.library", Combo.class);
        library.setText(key.libraryPath().toString());
        library.notifyListeners(SWT.DefaultSelection, new org.eclipse.swt.widgets.Event());
        Label counter = WidgetFinder.find(root, "guomi.pinCounter", Label.class);
        DisplayWait.until(() -> MessageTemplates.matches(Messages.guomi_userPinOf, counter.getText())
                && counter.getText().endsWith(FRESH_PIN.describe()), 15, counter::getText);
        return root;
    }

    private static String statusText(Checklist.Status status) {
        return ChecklistModel.statusText(status);
    }

    private static Optional<Job> job(String name) {
        return Arrays.stream(Job.getJobManager().find(null)).filter(job -> job.getName().equals(name)).findFirst();
    }

    /**
     * A check ends by refreshing the PIN counter on the key: wait until no Job of the view works on it before the
     * temporary directory (the key's files) is deleted.
     */
    static void awaitNoJobOnTheKey() {
        DisplayWait.until(() -> job(Messages.guomi_checkJob).isEmpty() && job(Messages.guomi_pinJob).isEmpty(), 15);
    }
}
