package org.tokenbench.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.eclipse.core.runtime.Platform;
import org.eclipse.jface.dialogs.IMessageProvider;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tokenbench.ui.internal.model.LanguageSetting;
import org.tokenbench.ui.internal.model.LanguageSetting.Choice;
import org.tokenbench.ui.internal.preferences.LanguagePreferencePage;

/**
 * Preferences › Language: a change is written for the next start and said on the page; OK opens no dialog and never
 * restarts the workbench (the product's pure-Java launcher would just exit).
 */
class LanguagePreferencePageTest {

    @TempDir
    Path dir;

    @Test
    void aChangeIsForTheNextStartAndNothingRestarts() throws Exception {
        Path ini = dir.resolve("config.ini");
        Files.write(ini, List.of("osgi.bundles=a.jar@start"));
        Choice other = Platform.getNL().startsWith("zh") ? Choice.ENGLISH : Choice.SIMPLIFIED_CHINESE;
        Display display = Display.getCurrent();
        Shell shell = new Shell(display);
        try {
            LanguagePreferencePage page = new LanguagePreferencePage(ini);
            page.createControl(shell);
            assertEquals(LanguageSetting.restartNeeded(Choice.AUTOMATIC, Platform.getNL(), Locale.getDefault()), page.getMessage() != null,
                    "automatic is what is shown unless -nl overrides the OS: " + page.getMessage());

            Button button = WidgetFinder.find(shell, "language." + other.name(), Button.class);
            WidgetFinder.find(shell, "language." + Choice.AUTOMATIC.name(), Button.class).setSelection(false);
            button.setSelection(true);
            button.notifyListeners(SWT.Selection, null);
            assertTrue(page.getMessage() != null && page.getMessage().contains("TokenBench"), "the page says when it applies: " + page.getMessage());
            assertEquals(IMessageProvider.INFORMATION, page.getMessageType());

            int shells = display.getShells().length;
            assertTrue(page.performOk());
            assertEquals(other, LanguageSetting.read(ini));
            assertTrue(Files.readAllLines(ini).contains("osgi.bundles=a.jar@start"), "Equinox's lines stay");
            DisplayWait.until(() -> true);
            assertEquals(shells, display.getShells().length, "no question, no dialog");
            assertFalse(PlatformUI.getWorkbench().isClosing(), "the workbench keeps running");
            assertNull(page.getErrorMessage());
        } finally {
            shell.dispose();
        }
    }
}
