package org.tokenbench.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;

import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tokenbench.driver.guomi.CheckResult;
import org.tokenbench.driver.guomi.CheckStep;
import org.tokenbench.testing.skf.SoftSkf;
import org.tokenbench.ui.internal.jobs.Screenshots;
import org.tokenbench.ui.internal.views.GuomiKeyView;

/** The Guomi checklist in the workbench, against the soft SKF library with an injected fault. */
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
        DisplayWait.until(() -> view.pinCounterText().endsWith("6 of 6 tries left"));

        ProgramTokenViewTest.join(view.runCheck());
        DisplayWait.until(() -> view.shownResults().size() == CheckStep.values().length);
        CheckResult certificate = view.shownResults().get(CheckStep.CERTIFICATE.ordinal());
        assertEquals(CheckResult.Status.FAILED, certificate.status());
        assertEquals(CheckResult.Status.PASSED, view.shownResults().get(CheckStep.SM2_CONTAINER.ordinal()).status());
        assertEquals(CheckResult.Status.SKIPPED, view.shownResults().get(CheckStep.SIGNATURE.ordinal()).status());

        view.select(CheckStep.CERTIFICATE);
        DisplayWait.until(() -> view.detailsText().contains("What to do: "));
        assertTrue(view.detailsText().contains("Certificate parsing error [guomi.console:0x21210001]"), view.detailsText());
        DisplayWait.until(() -> view.summaryText().contains("red step"));
        Screenshots.save(page.getWorkbenchWindow().getShell(), 1280, 800, "guomi-key-red-step-1280x800.png");
        Screenshots.save(page.getWorkbenchWindow().getShell(), 1920, 1080, "guomi-key-red-step-1920x1080.png");

        key.clearFaults();
        ProgramTokenViewTest.join(view.runCheck());
        DisplayWait.until(() -> view.shownResults().size() == CheckStep.values().length);
        assertTrue(view.shownResults().stream().noneMatch(r -> r.status() == CheckResult.Status.FAILED), view.shownResults().toString());
        DisplayWait.until(() -> view.summaryText().equals("The USB key environment is verified."));
    }
}
