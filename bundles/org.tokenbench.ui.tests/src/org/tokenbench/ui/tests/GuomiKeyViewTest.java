package org.tokenbench.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tokenbench.core.driver.Checklist;
import org.tokenbench.testing.skf.SoftSkf;
import org.tokenbench.ui.internal.jobs.Screenshots;
import org.tokenbench.ui.internal.views.GuomiKeyView;

/**
 * The Guomi checklist in the workbench, against the soft SKF library with an injected fault: the SKF transport's
 * environment steps, then the key's driver's checklist, through the devices service.
 */
class GuomiKeyViewTest {

    @TempDir
    Path dir;

    @Test
    void aCorruptCertificateTurnsItsStepRedWithTheRemedy() throws Exception {
        SoftSkf key = SoftSkf.create(SoftSkf.library(), dir.resolve("key"), Map.of("user_pin", "24681357"));
        key.faults("corrupt-cert");
        IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
        GuomiKeyView view = (GuomiKeyView) page.showView(GuomiKeyView.ID);
        view.setLibrary(key.libraryPath().toString());
        ProgramTokenViewTest.join(view.refreshPinCounter());
        DisplayWait.until(() -> view.pinCounterText().endsWith("6 of 6 tries left"), 15);

        ProgramTokenViewTest.join(view.runCheck());
        DisplayWait.until(() -> view.summaryText().contains("red step"), 15);
        List<Checklist.Result> shown = view.shownResults();
        Checklist.Result red = shown.stream().filter(r -> r.status() == Checklist.Status.FAILED).findFirst().orElseThrow();
        assertTrue(red.step().title().toLowerCase().contains("certificate"), red.toString());
        int at = shown.indexOf(red);
        assertTrue(shown.subList(0, at).stream().allMatch(r -> r.status() == Checklist.Status.PASSED), "the steps before it passed: " + shown);
        assertTrue(shown.subList(at + 1, shown.size()).stream().allMatch(r -> r.status() == Checklist.Status.SKIPPED),
                "the steps after it are not checked: " + shown);
        assertTrue(shown.size() > at + 1, "the signature steps are listed as not checked: " + shown);

        view.select(red.step().id());
        DisplayWait.until(() -> view.detailsText().contains("What to do: "));
        assertTrue(view.detailsText().contains("Certificate parsing error [guomi.console:0x21210001]"), view.detailsText());
        Screenshots.save(page.getWorkbenchWindow().getShell(), 1280, 800, "guomi-key-red-step-1280x800.png");
        Screenshots.save(page.getWorkbenchWindow().getShell(), 1920, 1080, "guomi-key-red-step-1920x1080.png");

        key.clearFaults();
        int steps = shown.size();
        ProgramTokenViewTest.join(view.runCheck());
        // No CA file and no PIN were given: nothing failed, yet the view must not call that "verified".
        DisplayWait.until(() -> view.summaryText().startsWith("Passed with unchecked steps"), 15);
        assertEquals(steps, view.shownResults().size(), view.shownResults().toString());
        assertTrue(view.shownResults().stream().noneMatch(r -> r.status() == Checklist.Status.FAILED), view.shownResults().toString());
        // The check ends by refreshing the PIN counter on the key; a second refresh queues behind it on the device, so
        // joining it means the key's files are no longer in use when the temporary directory is deleted.
        ProgramTokenViewTest.join(view.refreshPinCounter());
    }
}
