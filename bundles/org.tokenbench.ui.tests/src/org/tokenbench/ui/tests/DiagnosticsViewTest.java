package org.tokenbench.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.Test;
import org.tokenbench.core.ErrorCode;
import org.tokenbench.core.TokenException;
import org.tokenbench.diagnostics.Diagnosis;
import org.tokenbench.diagnostics.FailureJournal;
import org.tokenbench.testing.OsgiServices;
import org.tokenbench.ui.internal.views.DiagnosticsView;

/** Runs in the real workbench with the real diagnostics bundle and its catalogs. */
class DiagnosticsViewTest {

    @Test
    void searchingACodeFindsItAndShowsItsRemedy() throws Exception {
        DiagnosticsView view = show();
        assertTrue(view.shownCodes().size() > 150, "all catalogs listed: " + view.shownCodes().size());

        view.search("0x21220003");
        List<Diagnosis> shown = view.shownCodes();
        assertEquals(1, shown.size(), shown.toString());
        view.select(shown.get(0));
        assertTrue(view.detailsText().startsWith("Certificate not found [guomi.console:0x21220003]"), view.detailsText());
        assertTrue(view.detailsText().contains("What to do: Attach the key's certificate"), view.detailsText());

        view.search("6982");
        assertEquals(List.of("iso7816:0x69xx", "iso7816:0x6982", "safeid:0x6982", "ykoath:0x6982"),
                view.shownCodes().stream().map(d -> d.code().namespace() + ":" + d.pattern()).toList(),
                "the exact entries of three families, and the ISO range that contains it");
        view.search("63C2");
        assertTrue(view.shownCodes().stream().anyMatch(d -> d.pattern().equals("0x63Cx") && d.code().namespace().equals("iso7816")),
                "a concrete status word finds its range entry");
        view.search("removed");
        assertTrue(view.shownCodes().stream().anyMatch(d -> d.code().value() == 0x0A000023L), "words search explanations too");
        view.search("");
    }

    @Test
    void failuresOfOperationsAppearAsRecentErrors() throws Exception {
        DiagnosticsView view = show();
        int before = view.recentErrorCount();
        journal().record("Program token", new TokenException(ErrorCode.of("pcsc", 0x80100069L), "the token left the reader at APDU 4 of 6"));
        DisplayWait.until(() -> view.recentErrorCount() == before + 1);
    }

    private static DiagnosticsView show() throws Exception {
        IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
        return (DiagnosticsView) page.showView(DiagnosticsView.ID);
    }

    private static FailureJournal journal() throws InterruptedException {
        return OsgiServices.await(FailureJournal.class);
    }
}
