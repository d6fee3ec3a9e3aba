package org.tokenbench.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;

import org.eclipse.swt.dnd.Clipboard;
import org.eclipse.swt.dnd.TextTransfer;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.Test;
import org.tokenbench.otp.OtpAccount;
import org.tokenbench.otp.OtpAuthUri;
import org.tokenbench.otp.OtpGenerator;
import org.tokenbench.ui.internal.jobs.Screenshots;
import org.tokenbench.ui.internal.views.EnrollView;

/**
 * Enrolment in the workbench through its real widgets: a new key, Copy URI (the test reads the clipboard as the phone
 * app would scan the code), a wrong and a right code, a replay, and the clipboard cleared 30 s after the copy.
 */
class EnrollViewTest {

    @Test
    void aNewKeyIsBoundWithTheAppsCodeAndItsCopiedUriLeavesTheClipboard() throws Exception {
        IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
        page.showView(EnrollView.ID);
        Control root = page.getWorkbenchWindow().getShell();
        WidgetFinder.find(root, "enroll.account", Text.class).setText("alice@example.com");
        WidgetFinder.click(root, "enroll.newKey");
        Label result = WidgetFinder.find(root, "enroll.result", Label.class);
        assertTrue(result.getText().startsWith("Scan this code"), result.getText());

        WidgetFinder.click(root, "enroll.copyUri");
        long copiedAt = System.nanoTime();
        Clipboard clipboard = new Clipboard(root.getDisplay());
        String uri = (String) clipboard.getContents(TextTransfer.getInstance());
        String code;
        try (OtpAccount phone = OtpAuthUri.parse(uri); OtpGenerator generator = OtpGenerator.open(phone.secret(), phone.params())) {
            assertEquals("alice@example.com", phone.params().account());
            code = generator.codeFor(phone.params().stepAt(Instant.now().getEpochSecond()));
        }
        Text typed = WidgetFinder.find(root, "enroll.code", Text.class);
        typed.setText(code.equals("000000") ? "999999" : "000000");
        WidgetFinder.click(root, "enroll.verify");
        assertTrue(result.getText().startsWith("The code does not match"), result.getText());
        typed.setText(code);
        WidgetFinder.click(root, "enroll.verify");
        assertTrue(result.getText().startsWith("Bound"), result.getText());
        WidgetFinder.click(root, "enroll.verify");
        assertTrue(result.getText().contains("already used"), result.getText());
        Screenshots.save(page.getWorkbenchWindow().getShell(), 1280, 800, "enroll-1280x800.png");

        DisplayWait.until(() -> System.nanoTime() - copiedAt > 31_000_000_000L, 40);
        DisplayWait.until(() -> result.getText().startsWith("The copied URI was cleared"), 5, result::getText);
        Object now = clipboard.getContents(TextTransfer.getInstance());
        assertTrue(now == null || !now.equals(uri), "the key left the clipboard");
        clipboard.dispose();
    }
}
