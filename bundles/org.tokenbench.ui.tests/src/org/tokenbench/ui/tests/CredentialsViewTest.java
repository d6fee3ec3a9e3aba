package org.tokenbench.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;

import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.tokenbench.core.device.Device;
import org.tokenbench.core.device.DeviceService;
import org.tokenbench.testing.OsgiServices;
import org.tokenbench.otp.OtpAccount;
import org.tokenbench.otp.OtpAuthUri;
import org.tokenbench.otp.OtpGenerator;
import org.tokenbench.testing.pcsc.OathVirtualCard;
import org.tokenbench.testing.pcsc.SafeIdVirtualToken;
import org.tokenbench.testing.pcsc.VirtualReader;
import org.tokenbench.ui.internal.jobs.Screenshots;
import org.tokenbench.ui.internal.views.CredentialsView;
import org.tokenbench.ui.internal.views.DevicesView;
import org.tokenbench.ui.internal.views.Messages;

/**
 * A YKOATH card (the second PC/SC family) in the real workbench: the Devices view shows it claimed by the OATH driver,
 * double-clicking opens the credentials page on it, a credential added from an otpauth URI shows the phone app's live
 * code, a touch credential says "touch the key", and Delete asks first. Driven through the view's real widgets, in the
 * workbench's language.
 */
class CredentialsViewTest {

    private static final String URI = "otpauth://totp/Example:alice@example.com?secret=JBSWY3DPEHPK3PXP&issuer=Example";
    private static final String TOUCH_URI = "otpauth://totp/Bank:carol?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=Bank";
    private static final int NAME = 0;
    private static final int CODE = 1;
    /** The confirmation's first button. */
    private static final int YES = 0;
    private final VirtualReader reader = new VirtualReader();

    @AfterEach
    void takeTheCardOut() throws Exception {
        reader.remove();
    }

    @Test
    void aDevicesDoubleClickOpensItsCredentialsWithLiveCodesAndAddsFromAUri() throws Exception {
        IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
        page.showView(DevicesView.ID);
        DeviceService service = OsgiServices.await(DeviceService.class);
        reader.insert(OathVirtualCard.yubiKey5());
        String id = "pcsc:" + VirtualReader.NAME;
        DisplayWait.until(() -> service.device(id).filter(d -> d.state() == Device.State.CLAIMED).isPresent(), 15);
        Device card = service.device(id).orElseThrow();
        assertEquals("org.tokenbench.driver.oath", card.claim().orElseThrow().driver().id());

        // Double-click opens the device editor; its overview opens the family's view on the device, as this does.
        CredentialsView view = (CredentialsView) page.showView(CredentialsView.ID);
        view.showDevice(id);
        Control root = page.getWorkbenchWindow().getShell();
        Label status = WidgetFinder.find(root, "credentials.status", Label.class);
        Table codes = WidgetFinder.find(root, "credentials.codes", Table.class);
        DisplayWait.until(() -> status.getText().equals(NLS.bind(Messages.credentials_count, 0)), 15, status::getText);

        Text uri = WidgetFinder.find(root, "credentials.uri", Text.class);
        UserGestures.type(uri, URI);
        // the read's Job may still be ending when its count shows: Add is enabled once the device is free, as users see it
        Button add = WidgetFinder.find(root, "credentials.add", Button.class);
        DisplayWait.until(add::isEnabled, 10);
        long before = Instant.now().getEpochSecond();
        WidgetFinder.click(root, "credentials.add");
        DisplayWait.until(() -> codes.getItemCount() == 1, 15, status::getText);
        long after = Instant.now().getEpochSecond();
        assertEquals(NLS.bind(Messages.credentials_added, "Example:alice@example.com"), status.getText());
        assertEquals("Example:alice@example.com", codes.getItem(0).getText(NAME));
        try (OtpAccount account = OtpAuthUri.parse(URI); OtpGenerator generator = OtpGenerator.open(account.secret(), account.params())) {
            String code = codes.getItem(0).getText(CODE);
            assertTrue(code.equals(generator.codeAt(before)) || code.equals(generator.codeAt(after)), code);
        }
        assertEquals("", uri.getText(), "the key left the field");

        UserGestures.type(uri, TOUCH_URI);
        UserGestures.tick(WidgetFinder.find(root, "credentials.touch", Button.class), true);
        DisplayWait.until(add::isEnabled, 10);
        WidgetFinder.click(root, "credentials.add");
        DisplayWait.until(() -> codes.getItemCount() == 2, 15, status::getText);
        int touch = UserGestures.row(codes, NAME, "Bank:carol");
        assertEquals(org.tokenbench.ui.internal.model.Messages.credentials_touch, codes.getItem(touch).getText(CODE));
        assertFalse(status.getText().contains("JBSWY3DP"), "the key is never shown");
        Screenshots.save(page.getWorkbenchWindow().getShell(), 1280, 800, ScreenshotNames.of("oath-credentials-1280x800.png"));

        // Delete asks first, in the real dialog: Yes removes it from the card.
        UserGestures.clickRow(codes, touch);
        UserGestures.whenDialogOpens(dialog -> UserGestures.press(dialog, YES));
        DisplayWait.until(WidgetFinder.find(root, "credentials.delete", Button.class)::isEnabled, 10);
        WidgetFinder.click(root, "credentials.delete");
        DisplayWait.until(() -> codes.getItemCount() == 1, 15, status::getText);
        assertEquals(NLS.bind(Messages.credentials_deleted, "Bank:carol"), status.getText());
        assertEquals("Example:alice@example.com", codes.getItem(0).getText(NAME));
    }

    /** A device without OATH credentials (a SafeID token) is said so in the workbench's language, not as an error code. */
    @Test
    void aDeviceWithoutOathCredentialsIsSaidSo() throws Exception {
        IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
        DeviceService service = OsgiServices.await(DeviceService.class);
        reader.insert(SafeIdVirtualToken.factoryNew("TB-UI-NOOATH"));
        String id = "pcsc:" + VirtualReader.NAME;
        DisplayWait.until(() -> service.device(id).filter(d -> d.state() == Device.State.CLAIMED).isPresent(), 15);
        CredentialsView view = (CredentialsView) page.showView(CredentialsView.ID);
        view.showDevice(id);
        Label status = WidgetFinder.find(page.getWorkbenchWindow().getShell(), "credentials.status", Label.class);
        DisplayWait.until(() -> MessageTemplates.matches(Messages.credentials_noOathStore, status.getText()), 15, status::getText);
        assertFalse(status.getText().contains("0x0004"), status.getText());
    }
}
