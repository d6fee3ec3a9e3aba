package org.tokenbench.ui.tests;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import java.util.function.Consumer;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.PlatformUI;

/**
 * A user at the screen: every dialog a view opens (from a Job's question, or a picker) is answered once by
 * {@code answer}, which works its widgets as a user would. Dialogs are modal: they are found by polling the
 * display's shells from inside their own event loop.
 */
final class DialogAnswers implements AutoCloseable {

    private final Display display = Display.getCurrent();
    private final Set<Shell> answered = Collections.newSetFromMap(new IdentityHashMap<>());
    private final Consumer<Shell> answer;
    private boolean open = true;

    DialogAnswers(Consumer<Shell> answer) {
        this.answer = answer;
        display.timerExec(50, this::look);
    }

    /** Types {@code text} into the dialog's field and presses its default button (OK). */
    static void typeAndOk(Shell dialog, String text) {
        find(dialog, Text.class).setText(text);
        press(dialog.getDefaultButton());
    }

    static void press(Button button) {
        button.notifyListeners(SWT.Selection, new Event());
    }

    static <W extends Control> W find(Control control, Class<W> type) {
        if (type.isInstance(control)) {
            return type.cast(control);
        }
        if (control instanceof Composite composite) {
            for (Control child : composite.getChildren()) {
                W found = find(child, type);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    private void look() {
        if (!open || display.isDisposed()) {
            return;
        }
        Set<Shell> windows = Collections.newSetFromMap(new IdentityHashMap<>());
        for (var window : PlatformUI.getWorkbench().getWorkbenchWindows()) {
            windows.add(window.getShell());
        }
        for (Shell shell : display.getShells()) {
            if (!windows.contains(shell) && shell.isVisible() && shell.getParent() != null && answered.add(shell)) {
                answer.accept(shell);
            }
        }
        display.timerExec(50, this::look);
    }

    @Override
    public void close() {
        open = false;
    }
}
