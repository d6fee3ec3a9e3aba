package org.tokenbench.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tokenbench.core.Hex;
import org.tokenbench.core.Secret;
import org.tokenbench.core.device.Device;
import org.tokenbench.core.device.DeviceService;
import org.tokenbench.core.device.DeviceSession;
import org.tokenbench.core.device.OpenOptions;
import org.tokenbench.core.device.VendorLibraries;
import org.tokenbench.core.driver.CredentialStore;
import org.tokenbench.core.driver.HashAlgorithm;
import org.tokenbench.core.driver.Interaction;
import org.tokenbench.testing.OsgiServices;
import org.tokenbench.testing.pcsc.OathVirtualCard;
import org.tokenbench.testing.pcsc.SafeIdVirtualToken;
import org.tokenbench.testing.pcsc.VirtualReader;
import org.tokenbench.testing.skf.SoftSkf;
import org.tokenbench.ui.internal.editors.DeviceEditor;
import org.tokenbench.ui.internal.jobs.DeviceRule;
import org.tokenbench.ui.internal.jobs.Screenshots;
import org.tokenbench.ui.internal.views.DevicesView;

/**
 * The device editor of the three families TokenBench ships drivers for, on real stacks (a SafeID token and a YKOATH card
 * on vpcd through pcscd, a key of the soft SKF library): each gets the pages its session's features call for, every
 * page is shown and kept as a 1280×800 screenshot (the editor maximised, as a user double-clicking its tab sees it).
 */
class DeviceEditorScreenshotsTest {

    @TempDir
    Path dir;
    private final VirtualReader reader = new VirtualReader();

    @AfterEach
    void closeAndRemove() throws Exception {
        PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage().closeAllEditors(false);
        reader.remove();
    }

    @Test
    void aSafeIdTokensEditor() throws Exception {
        reader.insert(SafeIdVirtualToken.factoryNew("TB-ED-0001"));
        DeviceEditor editor = openClaimed("pcsc:" + VirtualReader.NAME);
        assertTrue(editor.pageTitles().containsAll(List.of("Overview", "Seed programming", "History")), editor.pageTitles().toString());
        Label clock = WidgetFinder.find(editor.getSite().getShell(), "seed.clock", Label.class);
        shootEveryPage(editor, "safeid", index -> {
            if (index == 1) {
                DisplayWait.until(() -> clock.getText().startsWith("token "), 15, clock::getText);
            }
        });
    }

    @Test
    void anOathCardsEditor() throws Exception {
        reader.insert(OathVirtualCard.yubiKey5());
        String id = "pcsc:" + VirtualReader.NAME;
        awaitClaimed(id);
        DeviceService devices = OsgiServices.await(DeviceService.class);
        try (DeviceSession session = devices.open(id, OpenOptions.of(Interaction.NONE))) {
            CredentialStore store = session.feature(CredentialStore.class).orElseThrow();
            store.put(new CredentialStore.Credential("Example:alice@example.com", CredentialStore.Type.TOTP, HashAlgorithm.SHA1, 6, 30, false),
                    Secret.adopt(Hex.parse("3132333435363738393031323334353637383930")), 0, Interaction.NONE);
            store.put(new CredentialStore.Credential("Bank:carol", CredentialStore.Type.TOTP, HashAlgorithm.SHA1, 6, 30, true),
                    Secret.adopt(Hex.parse("3132333435363738393031323334353637383930")), 0, Interaction.NONE);
        }
        DeviceEditor editor = openClaimed(id);
        assertTrue(editor.pageTitles().contains("Credentials"), editor.pageTitles().toString());
        Table credentials = WidgetFinder.find(editor.getSite().getShell(), "credentials.table", Table.class);
        shootEveryPage(editor, "oath", index -> {
            if (editor.pageTitles().get(index).equals("Credentials")) {
                DisplayWait.until(() -> credentials.getItemCount() == 2, 15);
                assertEquals("touch the key", credentials.getItem(1).getText(3));
            }
        });
    }

    @Test
    void aSoftGuomiKeysEditor() throws Exception {
        SoftSkf key = SoftSkf.create(SoftSkf.library(), dir.resolve("key"), Map.of("user_pin", "24681357"));
        DeviceService devices = OsgiServices.await(DeviceService.class);
        Path library = devices.transport("skf").orElseThrow().feature(VendorLibraries.class).orElseThrow().attach(key.libraryPath());
        devices.refresh();
        Device found = devices.devices().stream().filter(d -> library.toString().equals(d.slot().properties().get(VendorLibraries.LIBRARY_PROPERTY))
                && d.slot().devicePresent()).findFirst().orElseThrow(() -> new AssertionError(devices.devices().toString()));
        DeviceEditor editor = openClaimed(found.id());
        assertTrue(editor.pageTitles().containsAll(List.of("Overview", "PIN", "Certificate", "Checklist", "History")), editor.pageTitles().toString());
        Control root = editor.getSite().getShell();
        shootEveryPage(editor, "guomi", index -> {
            switch (editor.pageTitles().get(index)) {
                case "PIN" -> {
                    Label counter = WidgetFinder.find(root, "pin.counter.USER", Label.class);
                    DisplayWait.until(() -> counter.getText().startsWith("6 of 6 tries left"), 15, counter::getText);
                }
                case "Certificate" -> {
                    Table certificates = WidgetFinder.find(root, "certificates.table", Table.class);
                    DisplayWait.until(() -> certificates.getItemCount() > 0, 15);
                }
                case "Checklist" -> {
                    WidgetFinder.click(root, "checklist.run");
                    Label status = WidgetFinder.find(root, "checklist.status", Label.class);
                    DisplayWait.until(() -> status.getText().startsWith("Passed with unchecked steps"), 20, status::getText);
                }
                default -> {
                }
            }
        });
        assertFalse(devices.device(found.id()).orElseThrow().busy(), "the editor holds the key only while a page works on it");
    }

    private interface PageCheck {
        void shown(int index) throws Exception;
    }

    private static void awaitClaimed(String id) throws Exception {
        DeviceService devices = OsgiServices.await(DeviceService.class);
        DisplayWait.until(() -> devices.device(id).map(d -> d.state() == Device.State.CLAIMED).orElse(false), 20,
                () -> devices.device(id).toString());
    }

    /** Double-clicks the device in Devices (through the view's open) and waits until its pages are there. */
    private static DeviceEditor openClaimed(String id) throws Exception {
        awaitClaimed(id);
        IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
        DevicesView devices = (DevicesView) page.showView(DevicesView.ID);
        DisplayWait.until(() -> devices.model().devices().stream().anyMatch(d -> d.id().equals(id) && d.state() == Device.State.CLAIMED), 10);
        DevicesTable.open(devices, id);
        DeviceEditor editor = (DeviceEditor) page.getActiveEditor();
        DisplayWait.until(() -> editor.pageTitles().size() > 1, 15, () -> editor.pageTitles().toString());
        idle(id);
        return editor;
    }

    private static void shootEveryPage(DeviceEditor editor, String family, PageCheck check) throws Exception {
        IWorkbenchPage page = editor.getSite().getPage();
        page.setPartState(page.getReference(editor), IWorkbenchPage.STATE_MAXIMIZED);
        List<String> titles = editor.pageTitles();
        assertTrue(titles.stream().noneMatch(String::isBlank), "no empty tab: " + titles);
        for (int i = 0; i < titles.size(); i++) {
            editor.showPage(i);
            check.shown(i);
            idle(editor.deviceId());
            Screenshots.save(page.getWorkbenchWindow().getShell(), 1280, 800,
                    "device-editor-" + family + "-" + (i + 1) + "-" + titles.get(i).toLowerCase().replace(' ', '-') + "-1280x800.png");
        }
        page.setPartState(page.getReference(editor), IWorkbenchPage.STATE_RESTORED);
    }

    /** Waits until no device Job works on {@code id} (the page read what it shows). */
    private static void idle(String id) {
        DisplayWait.until(() -> Job.getJobManager().find(new DeviceRule(id)).length == 0, 20);
    }
}
