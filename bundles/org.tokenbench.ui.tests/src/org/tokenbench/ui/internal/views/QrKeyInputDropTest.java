package org.tokenbench.ui.internal.views;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tokenbench.qr.QrEncoder;

/**
 * Files dropped on a view with a QR key input (Program Token, OATH Credentials): decoded in turn in a Job, a file that
 * is not an image skipped, the first OTP code taken. (A drag and drop itself cannot be played under Xvfb: the
 * DropTarget's drop hands its files to {@code dropFiles}.)
 */
class QrKeyInputDropTest {

    private static final String URI = "otpauth://totp/Drop:erin?secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP&issuer=Drop";

    @TempDir
    Path dir;

    private final Display display = Display.getCurrent();
    private final Shell shell = new Shell(display);

    @AfterEach
    void close() {
        shell.dispose();
    }

    @Test
    void theFirstDroppedImageWithAnOtpCodeIsTaken() throws Exception {
        List<String> taken = new CopyOnWriteArrayList<>();
        QrKeyInput input = new QrKeyInput(new Text(shell, SWT.BORDER), status -> {
        }, e -> e.getMessage(), (code, found) -> taken.add(code.payload()));
        Path text = Files.writeString(dir.resolve("notes.txt"), "not an image");
        Path image = Files.write(dir.resolve("qr.png"), QrEncoder.png(URI, 4));
        Job job = input.dropFiles(new String[] {text.toString(), image.toString()});
        long deadline = System.nanoTime() + 10_000_000_000L;
        while ((job.getResult() == null || taken.isEmpty()) && System.nanoTime() < deadline) {
            if (!display.readAndDispatch()) {
                Thread.sleep(5);
            }
        }
        assertEquals(List.of(URI), taken);
    }
}
