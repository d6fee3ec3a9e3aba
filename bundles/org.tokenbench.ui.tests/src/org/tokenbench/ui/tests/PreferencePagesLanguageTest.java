package org.tokenbench.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;

import org.eclipse.jface.preference.PreferenceDialog;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.dialogs.PreferencesUtil;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tokenbench.ui.internal.jobs.Screenshots;
import org.tokenbench.ui.internal.preferences.Messages;

/**
 * Window › Preferences › TokenBench and its Guomi page show TokenBench's words in the workbench's language (in the
 * views-zh run: Chinese); the dialog's own buttons and filter are the platform's (PlatformTextsLanguageTest).
 */
class PreferencePagesLanguageTest {

    @ParameterizedTest
    @ValueSource(strings = {"org.tokenbench.ui.preferences", "org.tokenbench.ui.preferences.guomi"})
    void aPageShowsItsTextsInTheWorkbenchsLanguage(String pageId) throws Exception {
        Shell window = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell();
        PreferenceDialog dialog = PreferencesUtil.createPreferenceDialogOn(window, pageId, null, null);
        dialog.setBlockOnOpen(false);
        dialog.open();
        try {
            Shell shell = dialog.getShell();
            List<String> texts = texts(shell);
            if (pageId.endsWith("guomi")) {
                assertTrue(texts.containsAll(List.of(Messages.guomi_description, Messages.guomi_keyFamily, Messages.guomi_library, Messages.guomi_add)),
                        texts.toString());
            } else {
                assertTrue(texts.containsAll(List.of(Messages.general_description, Messages.general_maxClockSkew, Messages.general_displaySeconds,
                        Messages.general_traceApdus)), texts.toString());
            }
            if (org.eclipse.core.runtime.Platform.getNL().startsWith("zh")) {
                assertEquals("\u4ee4\u724c\u9ed8\u8ba4\u663e\u793a\u65f6\u95f4\uff1a", Messages.general_displaySeconds);
            }
            DisplayWait.until(() -> true);
            Screenshots.save(shell, 0, 0, ScreenshotNames.of("preferences-" + (pageId.endsWith("guomi") ? "guomi" : "general") + ".png"));
        } finally {
            dialog.close();
        }
    }

    /** Every label, button, column header and the page's description the user sees. */
    private static List<String> texts(Control control) {
        java.util.ArrayList<String> texts = new java.util.ArrayList<>();
        if (control instanceof Label label) {
            texts.add(label.getText());
        } else if (control instanceof Button button) {
            texts.add(button.getText());
        } else if (control instanceof Table table) {
            Arrays.stream(table.getColumns()).map(TableColumn::getText).forEach(texts::add);
        } else if (control instanceof org.eclipse.swt.widgets.Text text) {
            texts.add(text.getText());
        }
        if (control instanceof Composite composite) {
            for (Control child : composite.getChildren()) {
                texts.addAll(texts(child));
            }
        }
        return texts;
    }
}
