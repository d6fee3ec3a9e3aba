package org.tokenbench.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;

import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.tokenbench.core.device.Device;
import org.tokenbench.otp.OtpAccount;
import org.tokenbench.otp.OtpAuthUri;
import org.tokenbench.otp.OtpGenerator;
import org.tokenbench.testing.ScriptedInteraction;
import org.tokenbench.testing.pcsc.OathVirtualCard;
import org.tokenbench.testing.pcsc.VirtualReader;
import org.tokenbench.ui.internal.jobs.Screenshots;
import org.tokenbench.ui.internal.views.CredentialsView;
import org.tokenbench.ui.internal.views.DevicesView;

/**
 * A YKOATH card (the second PC/SC family) in the real workbench: the Devices view shows it claimed by the OATH driver,
 * double-clicking opens the credentials page on it, a credential added from an otpauth URI shows the phone app's live
 * code, and a touch credential says "touch the key".
 */
class CredentialsViewTest {

    private static final String URI = "otpauth://totp/Example:alice@example.com?secret=JBSWY3DPEHPK3PXP&issuer=Example";
    private static final String TOUCH_URI = "otpauth://totp/Bank:carol?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=Bank";
    private final VirtualReader reader = new VirtualReader();

    @AfterEach
    void takeTheCardOut() throws Exception {
        reader.remove();
    }

    @Test
    void aDevicesDoubleClickOpensItsCredentialsWithLiveCodesAndAddsFromAUri() throws Exception {
        IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
        DevicesView devices = (DevicesView) page.showView(DevicesView.ID);
        reader.insert(OathVirtualCard.yubiKey5());
        String id = "pcsc:" + VirtualReader.NAME;
        DisplayWait.until(() -> DevicesTable.device(devices, id).map(d -> d.state() == Device.State.CLAIMED).orElse(false), 15);
        Device card = DevicesTable.device(devices, id).orElseThrow();
        assertEquals("org.tokenbench.driver.oath", card.claim().orElseThrow().driver().id());

        // Double-click opens the device editor; its overview opens the family's view on the device, as this does.
        CredentialsView view = (CredentialsView) page.showView(CredentialsView.ID);
        view.showDevice(id);
        DisplayWait.until(() -> view.statusText().startsWith("0 credentials"), 15, view::statusText);
        view.setInteraction(new ScriptedInteraction(true));

        view.useKey(URI);
        long before = Instant.now().getEpochSecond();
        ProgramTokenViewTest.join(view.addCredential());
        DisplayWait.until(() -> view.rows().size() == 1, 15, view::statusText);
        String row = view.rows().get(0);
        long after = Instant.now().getEpochSecond();
        try (OtpAccount account = OtpAuthUri.parse(URI); OtpGenerator generator = OtpGenerator.open(account.secret(), account.params())) {
            assertTrue(row.equals("Example:alice@example.com  " + generator.codeAt(before))
                    || row.equals("Example:alice@example.com  " + generator.codeAt(after)), row);
        }

        view.useKey(TOUCH_URI);
        // the touch checkbox is the user's; tests add through the same path with it ticked
        view.requireTouch(true);
        ProgramTokenViewTest.join(view.addCredential());
        DisplayWait.until(() -> view.rows().size() == 2, 15, view::statusText);
        assertEquals("Bank:carol  touch the key", view.rows().get(1));
        assertFalse(view.statusText().contains("JBSWY3DP"), "the key is never shown");
        Screenshots.save(page.getWorkbenchWindow().getShell(), 1280, 800, "oath-credentials-1280x800.png");
    }
}
