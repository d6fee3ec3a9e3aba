package org.tokenbench.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.Test;
import org.tokenbench.core.ErrorCode;
import org.tokenbench.core.TokenException;
import org.tokenbench.diagnostics.Diagnosis;
import org.tokenbench.diagnostics.DiagnosticsRegistry;
import org.tokenbench.diagnostics.FailureJournal;
import org.tokenbench.testing.OsgiServices;
import org.tokenbench.ui.internal.views.DiagnosticsView;

/**
 * Runs in the real workbench with the real diagnostics bundle and its catalogs, in the workbench's language (catalog
 * texts are compared with the registry's, which reads the translated catalog where there is one).
 */
class DiagnosticsViewTest {

    /** The codes table's columns: code pattern, namespace, severity, title. */
    private static final int PATTERN = 0;
    private static final int NAMESPACE = 1;

    @Test
    void searchingACodeFindsItAndShowsItsRemedy() throws Exception {
        Control root = show();
        Text search = WidgetFinder.find(root, "diagnostics.search", Text.class);
        Table codes = WidgetFinder.find(root, "diagnostics.codes", Table.class);
        Text details = WidgetFinder.find(root, "diagnostics.details", Text.class);
        DiagnosticsRegistry registry = OsgiServices.await(DiagnosticsRegistry.class);
        UserGestures.type(search, "");
        assertTrue(codes.getItemCount() > 150, "all catalogs listed: " + codes.getItemCount());

        UserGestures.type(search, "0x21220003");
        assertEquals(List.of("guomi.console:0x21220003"), shown(codes));
        UserGestures.clickRow(codes, 0);
        Diagnosis certificateNotFound = registry.explain(ErrorCode.of("guomi.console", 0x21220003L)).orElseThrow();
        assertTrue(details.getText().startsWith(certificateNotFound.title() + " [guomi.console:0x21220003]"), details.getText());
        assertTrue(details.getText().contains(certificateNotFound.remedy()), details.getText());

        UserGestures.type(search, "6982");
        assertEquals(List.of("iso7816:0x69xx", "iso7816:0x6982", "safeid:0x6982", "ykoath:0x6982"), shown(codes),
                "the exact entries of three families, and the ISO range that contains it");
        UserGestures.type(search, "63C2");
        assertTrue(shown(codes).contains("iso7816:0x63Cx"), "a concrete status word finds its range entry: " + shown(codes));
        // words search explanations too (in the catalog's language)
        Diagnosis removed = registry.explain(ErrorCode.of("skf", 0x0A000023L)).orElseThrow();
        String words = removed.explanation().substring(0, Math.min(12, removed.explanation().length()));
        UserGestures.type(search, words);
        assertTrue(shown(codes).contains("skf:0x0A000023"), words + " finds " + shown(codes));
        UserGestures.type(search, "");
    }

    @Test
    void failuresOfOperationsAppearAsRecentErrors() throws Exception {
        Table recent = WidgetFinder.find(show(), "diagnostics.recent", Table.class);
        int before = recent.getItemCount();
        journal().record("Program token", new TokenException(ErrorCode.of("pcsc", 0x80100069L), "the token left the reader at APDU 4 of 6"));
        DisplayWait.until(() -> recent.getItemCount() == before + 1, 10, () -> UserGestures.rows(recent).toString());
    }

    /** The codes listed, as namespace:pattern. */
    private static List<String> shown(Table codes) {
        return UserGestures.rows(codes).stream().map(row -> row.get(NAMESPACE) + ":" + row.get(PATTERN)).toList();
    }

    private static Control show() throws Exception {
        IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
        page.showView(DiagnosticsView.ID);
        return page.getWorkbenchWindow().getShell();
    }

    private static FailureJournal journal() throws InterruptedException {
        return OsgiServices.await(FailureJournal.class);
    }
}
