package org.tokenbench.ui.tests;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.eclipse.ui.IPerspectiveDescriptor;
import org.eclipse.ui.IPerspectiveRegistry;
import org.eclipse.ui.IViewReference;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tokenbench.core.device.Device;
import org.tokenbench.core.device.DeviceService;
import org.tokenbench.core.device.VendorLibraries;
import org.tokenbench.testing.OsgiServices;
import org.tokenbench.testing.skf.SoftSkf;
import org.tokenbench.ui.internal.views.DevicesView;

/**
 * A device editor is shared by the perspectives, their task views are not: with an editor open, each perspective the
 * user switches to has its task views stepped aside (not its folder above the editor), and each is as it began once
 * the last editor closed, wherever that happened. Through a soft SKF key, opened from Devices as a double-click does.
 */
class EditorRoomTest {

    private static final String TOKENS = "org.tokenbench.ui.perspectives.tokens";
    private static final String KEYS = "org.tokenbench.ui.perspectives.keys";

    @TempDir
    Path dir;

    @Test
    void eachPerspectivesTaskViewsMakeRoomForAnOpenEditorAndComeBackAfterIt() throws Exception {
        SoftSkf key = SoftSkf.create(SoftSkf.library(), dir.resolve("key"), Map.of());
        DeviceService devices = OsgiServices.await(DeviceService.class);
        Path library = devices.transport("skf").orElseThrow().feature(VendorLibraries.class).orElseThrow().attach(key.libraryPath());
        devices.refresh();
        String id = devices.devices().stream().filter(d -> library.toString().equals(d.slot().properties().get(VendorLibraries.LIBRARY_PROPERTY))
                && d.slot().devicePresent()).findFirst().orElseThrow(() -> new AssertionError(devices.devices().toString())).id();
        // every soft key of this library has the same id: pulled and plugged, it is identified afresh for this test's key
        // (not left as an earlier test's key ended up)
        key.unplug();
        DisplayWait.until(() -> devices.device(id).map(d -> !d.slot().devicePresent()).orElse(true), 10, () -> devices.device(id).toString());
        key.plug();
        DisplayWait.until(() -> devices.device(id).map(d -> d.state() == Device.State.CLAIMED).orElse(false), 20, () -> devices.device(id).toString());

        IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
        IPerspectiveRegistry perspectives = PlatformUI.getWorkbench().getPerspectiveRegistry();
        IPerspectiveDescriptor before = page.getPerspective();
        try {
            page.setPerspective(perspectives.findPerspectiveWithId(TOKENS));
            DevicesView devicesView = (DevicesView) page.showView(DevicesView.ID);
            DisplayWait.until(() -> DevicesTable.device(devicesView, id).map(d -> d.state() == Device.State.CLAIMED).orElse(false), 10);
            DevicesTable.open(devicesView, id);
            assertTrue(page.isEditorAreaVisible());
            assertFalse(taskViews(page).isEmpty());
            assertTrue(allMinimized(page), () -> states(page));

            page.setPerspective(perspectives.findPerspectiveWithId(KEYS));
            DisplayWait.until(() -> allMinimized(page), 5, () -> "the Keys views step aside as well: " + states(page));
            assertTrue(page.isEditorAreaVisible(), "the open editor is shown in the next perspective too");
            assertFalse(taskViews(page).isEmpty());
            assertTrue(Arrays.stream(page.getEditorReferences()).noneMatch(e -> page.getPartState(e) == IWorkbenchPage.STATE_MINIMIZED));

            page.closeAllEditors(false);
            DisplayWait.until(() -> !page.isEditorAreaVisible() && noneMinimized(page), 5, () -> states(page));

            page.setPerspective(perspectives.findPerspectiveWithId(TOKENS));
            DisplayWait.until(() -> !page.isEditorAreaVisible() && noneMinimized(page), 5, () -> "closed in Keys, Tokens is as it began too: "
                    + states(page));
        } finally {
            page.closeAllEditors(false);
            page.setPerspective(before);
            DisplayWait.until(() -> devices.device(id).map(d -> !d.busy()).orElse(true), 15);
        }
    }

    private static List<IViewReference> taskViews(IWorkbenchPage page) {
        return Arrays.stream(page.getViewReferences()).filter(view -> !view.getId().equals(DevicesView.ID)).toList();
    }

    private static boolean allMinimized(IWorkbenchPage page) {
        return taskViews(page).stream().allMatch(view -> page.getPartState(view) == IWorkbenchPage.STATE_MINIMIZED);
    }

    private static boolean noneMinimized(IWorkbenchPage page) {
        return taskViews(page).stream().noneMatch(view -> page.getPartState(view) == IWorkbenchPage.STATE_MINIMIZED);
    }

    private static String states(IWorkbenchPage page) {
        return page.getPerspective().getId() + " " + taskViews(page).stream().map(view -> view.getId() + "=" + page.getPartState(view)).toList();
    }
}
