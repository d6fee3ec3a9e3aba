package org.tokenbench.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.eclipse.core.runtime.Platform;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.osgi.util.NLS;
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
import org.tokenbench.ui.internal.editors.Messages;
import org.tokenbench.ui.internal.perspectives.ScreenshotMatrix;
import org.tokenbench.ui.internal.views.DevicesView;

/**
 * The device editor of the three families TokenBench ships drivers for, on real stacks (a SafeID token and a YKOATH card
 * on vpcd through pcscd, a key of the soft SKF library): each gets the pages its session's features call for, every
 * page is shown as a user sees it after double-clicking the device (Devices beside the editor, the task's views
 * stepped aside) and kept at 1280×800 and 1920×1080, light and dark, in the run's language ({@link ScreenshotMatrix};
 * the views-zh run makes the Chinese ones). A vendor's key ({@link DeviceEditorTest}) is kept the same way.
 */
class DeviceEditorScreenshotsTest {

    @TempDir
    Path dir;
    private final VirtualReader reader = new VirtualReader();

    @AfterEach
    void closeAndRemove() throws Exception {
        IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
        page.closeAllEditors(false);
        reader.remove();
        // the last editor gone, the perspective is as it began: no editor area, the task's views back in place
        DisplayWait.until(() -> !page.isEditorAreaVisible() && taskViews(page).stream()
                .allMatch(view -> page.getPartState(view) != IWorkbenchPage.STATE_MINIMIZED), 5);
    }

    private static List<org.eclipse.ui.IViewReference> taskViews(IWorkbenchPage page) {
        return java.util.Arrays.stream(page.getViewReferences()).filter(view -> !view.getId().equals(DevicesView.ID)).toList();
    }

    @Test
    void aSafeIdTokensEditor() throws Exception {
        reader.insert(SafeIdVirtualToken.factoryNew("TB-ED-0001"));
        DeviceEditor editor = openClaimed("pcsc:" + VirtualReader.NAME);
        assertTrue(editor.pageTitles().containsAll(List.of(Messages.page_overview, Messages.page_seed, Messages.page_history)),
                editor.pageTitles().toString());
        Label clock = WidgetFinder.find(editor.getSite().getShell(), "seed.clock", Label.class);
        String clockRead = Messages.seed_clockRead.substring(0, Messages.seed_clockRead.indexOf("{0}"));
        shootEveryPage(editor, "safeid", index -> {
            if (index == 1) {
                DisplayWait.until(() -> clock.getText().startsWith(clockRead), 15, clock::getText);
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
        assertTrue(editor.pageTitles().contains(Messages.page_credentials), editor.pageTitles().toString());
        Table credentials = WidgetFinder.find(editor.getSite().getShell(), "credentials.table", Table.class);
        shootEveryPage(editor, "oath", index -> {
            if (editor.pageTitles().get(index).equals(Messages.page_credentials)) {
                DisplayWait.until(() -> credentials.getItemCount() == 2, 15);
                // the driver's own words for a touch credential's code (drivers' texts are English)
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
        assertTrue(editor.pageTitles().containsAll(List.of(Messages.page_overview, Messages.page_pin, Messages.page_certificates,
                Messages.page_checklist, Messages.page_history)), editor.pageTitles().toString());
        Control root = editor.getSite().getShell();
        shootEveryPage(editor, "guomi", index -> {
            String title = editor.pageTitles().get(index);
            if (title.equals(Messages.page_overview)) {
                Table rows = WidgetFinder.find(root, "overview.rows", Table.class);
                DisplayWait.until(() -> rows.getItemCount() > 8, 15);
                Map<String, String> shown = new java.util.HashMap<>();
                Arrays.stream(rows.getItems()).forEach(row -> shown.put(row.getText(0), row.getText(1)));
                // the PIN types by their names, the key's details labelled by its driver in the workbench's language
                assertEquals(org.tokenbench.ui.internal.model.Messages.overview_pinUser + org.tokenbench.ui.internal.model.Messages.overview_listSeparator
                        + org.tokenbench.ui.internal.model.Messages.overview_pinAdmin, shown.get(org.tokenbench.ui.internal.model.Messages.overview_pins));
                String freeSpace = Platform.getNL().startsWith("zh") ? "\u5269\u4f59\u7a7a\u95f4" : "Free space";
                assertTrue(shown.containsKey(freeSpace) && !shown.containsKey("free space"), shown.toString());
            } else if (title.equals(Messages.page_pin)) {
                Label counter = WidgetFinder.find(root, "pin.counter.USER", Label.class);
                String allTries = NLS.bind(Messages.pin_triesLeft, 6, 6);
                DisplayWait.until(() -> counter.getText().startsWith(allTries), 15, counter::getText);
            } else if (title.equals(Messages.page_certificates)) {
                Table certificates = WidgetFinder.find(root, "certificates.table", Table.class);
                DisplayWait.until(() -> certificates.getItemCount() > 0, 15);
                // an SM2 certificate (a curve the JDK cannot decode) is shown, not "not readable as X.509"
                assertTrue(certificates.getItem(0).getText(2).contains("CN=SoftSKF Test Key"), certificates.getItem(0).getText(2));
                org.eclipse.swt.widgets.Text details = WidgetFinder.find(root, "certificates.details", org.eclipse.swt.widgets.Text.class);
                DisplayWait.until(() -> details.getText().contains("SM3withSM2"), 5, details::getText);
            } else if (title.equals(Messages.page_checklist)) {
                WidgetFinder.click(root, "checklist.run");
                Label status = WidgetFinder.find(root, "checklist.status", Label.class);
                DisplayWait.until(() -> status.getText().equals(org.tokenbench.ui.internal.model.Messages.checklist_unchecked), 20,
                        status::getText);
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
        DisplayWait.until(() -> DevicesTable.device(devices, id).map(d -> d.state() == Device.State.CLAIMED).orElse(false), 10);
        DevicesTable.open(devices, id);
        DeviceEditor editor = (DeviceEditor) page.getActiveEditor();
        // the task's views step aside for the editor (Devices stays): neither is squeezed at 1280×800
        assertTrue(taskViews(page).stream().allMatch(view -> page.getPartState(view) == IWorkbenchPage.STATE_MINIMIZED),
                () -> taskViews(page).stream().map(view -> view.getId() + "=" + page.getPartState(view)).toList().toString());
        DisplayWait.until(() -> editor.pageTitles().size() > 1, 15, () -> editor.pageTitles().toString());
        idle(id);
        return editor;
    }

    private static void shootEveryPage(DeviceEditor editor, String family, PageCheck check) throws Exception {
        List<String> titles = editor.pageTitles();
        assertTrue(titles.stream().noneMatch(String::isBlank), "no empty tab: " + titles);
        for (int i = 0; i < titles.size(); i++) {
            editor.showPage(i);
            check.shown(i);
            idle(editor.deviceId());
            shoot(editor, family, i);
        }
    }

    /**
     * Page {@code index} of {@code editor} at every size and theme, named by the page's kind (the same in every
     * language): {@code device-editor-<family>-<n>-<page>-<w>x<h>-<theme>-<language>.png}.
     */
    static void shoot(DeviceEditor editor, String family, int index) throws Exception {
        String title = editor.pageTitles().get(index);
        Map<String, String> kinds = Map.of(Messages.page_overview, "overview", Messages.page_seed, "seed", Messages.page_credentials,
                "credentials", Messages.page_pin, "pin", Messages.page_certificates, "certificate", Messages.page_checklist, "checklist",
                Messages.page_history, "history");
        String kind = kinds.getOrDefault(title, title.toLowerCase(java.util.Locale.ROOT).replace(' ', '-'));
        DisplayWait.until(() -> true);
        ScreenshotMatrix.saveEach(editor.getSite().getShell(), "device-editor-" + family + "-" + (index + 1) + "-" + kind);
    }

    /** Waits until no device Job works on {@code id} (the page read what it shows). */
    private static void idle(String id) {
        DisplayWait.until(() -> Job.getJobManager().find(new DeviceRule(id)).length == 0, 20);
    }
}
