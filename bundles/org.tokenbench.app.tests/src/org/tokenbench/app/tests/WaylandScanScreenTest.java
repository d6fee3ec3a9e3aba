package org.tokenbench.app.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.junit.jupiter.api.Test;
import org.tokenbench.qr.FoundCode;
import org.tokenbench.qr.QrEncoder;
import org.tokenbench.qr.QrException;
import org.tokenbench.qr.QrScanner;
import org.tokenbench.ui.internal.jobs.SwtScreenCapture;

/**
 * The workbench's Scan Screen capture on a real Wayland compositor (releng/scripts/wayland-rig runs this with
 * GDK_BACKEND=wayland on headless sway): SWT cannot copy a Wayland screen, so the capture goes through the portal,
 * from a worker thread as in Scan Screen's Job, while the display thread keeps dispatching.
 */
class WaylandScanScreenTest {

    private static final String URI = "otpauth://totp/SwtWayland:carol?secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP&issuer=SwtWayland";

    @Test
    void scanScreenFindsACodeShownInAWaylandWindow() throws Exception {
        assumeTrue("1".equals(System.getenv("TOKENBENCH_WAYLAND_RIG")), "only in releng/scripts/wayland-rig");
        Display display = Display.getCurrent();
        Image code = new Image(display, new ByteArrayInputStream(QrEncoder.png(URI, 6)));
        Shell shell = new Shell(display, SWT.ON_TOP);
        try {
            shell.setLayout(new FillLayout());
            new Label(shell, SWT.NONE).setImage(code);
            shell.pack();
            shell.open();
            List<FoundCode> found = List.of();
            long until = System.nanoTime() + 20_000_000_000L;
            while (found.isEmpty() && System.nanoTime() < until) {
                long pause = System.nanoTime() + 300_000_000L;
                while (System.nanoTime() < pause) {
                    if (!display.readAndDispatch()) {
                        Thread.sleep(10);
                    }
                }
                // as Scan Screen does: the portal from a worker thread (a Job in the view) while this thread dispatches
                CompletableFuture<List<FoundCode>> scan = CompletableFuture.supplyAsync(() -> {
                    try {
                        return new QrScanner().scanScreens(new SwtScreenCapture(display));
                    } catch (QrException e) {
                        throw new CompletionException(e);
                    } finally {
                        display.wake();
                    }
                });
                while (!scan.isDone()) {
                    if (!display.readAndDispatch()) {
                        display.sleep();
                    }
                }
                found = scan.join();
                found = found.stream().filter(f -> f.payload().equals(URI)).toList();
            }
            assertEquals(1, found.size(), "the code in the SWT window, through the portal");
            System.out.println("wayland-rig: the workbench's Scan Screen (SWT on Wayland) found the code");
        } finally {
            shell.dispose();
            code.dispose();
        }
    }
}
