package org.tokenbench.ui.internal.views;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;

import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tokenbench.qr.GreyImage;
import org.tokenbench.qr.ImageFiles;
import org.tokenbench.qr.MonitorImage;
import org.tokenbench.qr.QrEncoder;
import org.tokenbench.qr.QrException;
import org.tokenbench.qr.QrProblem;
import org.tokenbench.qr.Region;

/**
 * Scan Screen when the capture waits (the Wayland portal may wait 30 s for the user): it runs in a Job, not a nested
 * event loop; one scan at a time with Scan disabled meanwhile; closing the view cancels it and touches no widget.
 */
class QrKeyInputScanTest {

    private static final String URI = "otpauth://totp/Scan:dave?secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP&issuer=Scan";

    private final Display display = Display.getCurrent();
    private final List<String> statuses = new CopyOnWriteArrayList<>();
    private final List<String> taken = new CopyOnWriteArrayList<>();
    private final List<Boolean> scanEnabled = new CopyOnWriteArrayList<>();
    private final CountDownLatch captureStarted = new CountDownLatch(1);
    private final AtomicBoolean answer = new AtomicBoolean();
    private final AtomicBoolean sawCancel = new AtomicBoolean();
    private Shell shell;
    private QrKeyInput input;

    @BeforeEach
    void open() throws QrException {
        shell = new Shell(display);
        Text text = new Text(shell, SWT.BORDER);
        shell.open();
        input = new QrKeyInput(text, statuses::add, e -> e.getMessage(), (code, found) -> taken.add(code.payload()));
        input.whileScanning(scanEnabled::add);
        GreyImage screen = ImageFiles.read(QrEncoder.png(URI, 6), "screen");
        input.setScreenSource(cancelled -> waitingCapture(cancelled, screen));
    }

    @AfterEach
    void close() {
        if (!shell.isDisposed()) {
            shell.dispose();
        }
    }

    /** Like the portal: blocks until the "user" answers or the Job is cancelled (then it gives up, as Close does). */
    private List<MonitorImage> waitingCapture(BooleanSupplier cancelled, GreyImage screen) throws QrException {
        captureStarted.countDown();
        while (!answer.get()) {
            if (cancelled.getAsBoolean()) {
                sawCancel.set(true);
                throw new QrException(QrProblem.CAPTURE_FAILED, "the screen capture was cancelled");
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new QrException(QrProblem.CAPTURE_FAILED, "interrupted");
            }
        }
        return List.of(new MonitorImage(0, "desktop", new Region(0, 0, screen.width(), screen.height()), 1.0, screen));
    }

    @Test
    void oneScanAtATimeWithScanDisabledUntilTheCodeIsTaken() throws Exception {
        Job first = input.scanScreen();
        assertTrue(captureStarted.await(10, TimeUnit.SECONDS), "the capture runs in the Job");
        assertEquals(List.of(false), scanEnabled, "Scan is disabled while the capture waits");
        assertSame(first, input.scanScreen(), "a second click while the first waits starts no second capture");
        assertTrue(first.isUser(), "a user Job: the Progress view offers Cancel");
        answer.set(true);
        spinUntil(() -> !taken.isEmpty() && scanEnabled.size() == 2, first);
        assertEquals(List.of(URI), taken);
        assertEquals(List.of(false, true), scanEnabled, "Scan is enabled again afterwards");
        assertEquals(IStatus.OK, first.getResult().getSeverity());
    }

    @Test
    void closingTheViewCancelsAWaitingScanAndNoDisposedWidgetIsTouched() throws Exception {
        Job scan = input.scanScreen();
        assertTrue(captureStarted.await(10, TimeUnit.SECONDS));
        shell.dispose();
        assertTrue(scan.join(10_000, null), "the cancelled scan ends");
        assertTrue(sawCancel.get(), "the capture saw the cancellation (the portal closes its request)");
        assertEquals(IStatus.CANCEL, scan.getResult().getSeverity());
        long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(500);
        while (System.nanoTime() < until) { // the Job's late updates run here: none may touch the disposed widgets
            if (!display.readAndDispatch()) {
                Thread.sleep(5);
            }
        }
        assertTrue(taken.isEmpty());
        assertEquals(List.of(false), scanEnabled, "the closed view's Scan button is not touched");
    }

    private void spinUntil(BooleanSupplier condition, Job job) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within 10 s; statuses: " + statuses + ", enabled: " + scanEnabled + ", job: " + job.getResult()
                        + (job.getResult() == null || job.getResult().getException() == null ? ""
                                : " " + job.getResult().getException()));
            }
            if (!display.readAndDispatch()) {
                Thread.sleep(5);
            }
        }
    }
}
