package org.tokenbench.ui.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.eclipse.jface.window.Window;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.junit.jupiter.api.Test;
import org.tokenbench.ui.internal.jobs.MaskedDialog;

/** The masked question PINs and passphrases are typed into: a masked field, answered as chars, the field emptied. */
class MaskedDialogTest {

    @Test
    void okGivesTheTypedCharsAndEmptiesTheField() {
        Shell parent = Display.getCurrent().getActiveShell();
        MaskedDialog dialog = new MaskedDialog(parent, "TokenBench", "PIN");
        dialog.setBlockOnOpen(false);
        dialog.open();
        Shell shell = dialog.getShell();
        Text field = WidgetFinder.find(shell, "masked.field", Text.class);
        assertTrue((field.getStyle() & SWT.PASSWORD) != 0, "masked");
        field.setText("24681357");
        String[] left = new String[1];
        // the field's content just before the dialog goes (okPressed empties it before it closes)
        field.addListener(SWT.Dispose, e -> left[0] = field.getText());
        shell.getDefaultButton().notifyListeners(SWT.Selection, null);
        assertEquals(Window.OK, dialog.getReturnCode());
        assertArrayEquals("24681357".toCharArray(), dialog.typed());
        assertEquals("", left[0], "the field was emptied");
    }

    @Test
    void cancelGivesNothing() {
        MaskedDialog dialog = new MaskedDialog(Display.getCurrent().getActiveShell(), "TokenBench", "PIN");
        dialog.setBlockOnOpen(false);
        dialog.open();
        WidgetFinder.find(dialog.getShell(), "masked.field", Text.class).setText("1234");
        dialog.close();
        assertNull(dialog.typed());
    }
}
