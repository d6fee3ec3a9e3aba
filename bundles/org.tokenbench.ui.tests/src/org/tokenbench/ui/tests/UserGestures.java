package org.tokenbench.ui.tests;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import org.eclipse.core.commands.common.CommandException;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.handlers.IHandlerService;

/**
 * What a user does to real widgets, beside {@link WidgetFinder}: typing, choosing, ticking, clicking a column header or
 * a row, running a command as its menu item or key binding does, and reading what a table shows.
 */
final class UserGestures {

    private UserGestures() {
    }

    /** Types {@code text} into the field (replacing what was there; its Modify listeners run). */
    static void type(Text field, String text) {
        field.setFocus();
        field.setText(text);
    }

    /** Chooses the combo's item {@code index}, as picking it from the list does. */
    static void choose(Combo combo, int index) {
        combo.select(index);
        combo.notifyListeners(SWT.Selection, new Event());
    }

    /** Ticks or clears a check box, as a click does. */
    static void tick(Button box, boolean ticked) {
        if (box.getSelection() != ticked) {
            box.setSelection(ticked);
            box.notifyListeners(SWT.Selection, new Event());
        }
    }

    /** Clicks column {@code index}'s header. */
    static void clickHeader(Table table, int index) {
        table.getColumn(index).notifyListeners(SWT.Selection, new Event());
    }

    /** Clicks the row {@code index} (the viewer's selection listeners run). */
    static void clickRow(Table table, int index) {
        table.setSelection(index);
        Event click = new Event();
        click.item = table.getItem(index);
        table.notifyListeners(SWT.Selection, click);
    }

    /** The first row whose column {@code column} shows {@code text}. */
    static int row(Table table, int column, String text) {
        List<String> shown = column(table, column);
        int at = shown.indexOf(text);
        if (at < 0) {
            throw new AssertionError("no row shows " + text + " in column " + column + ": " + shown);
        }
        return at;
    }

    /** What column {@code column} shows, row by row. */
    static List<String> column(Table table, int column) {
        return Arrays.stream(table.getItems()).map(item -> item.getText(column)).toList();
    }

    /** Every column of every row, as shown. */
    static List<List<String>> rows(Table table) {
        List<List<String>> rows = new ArrayList<>();
        for (TableItem item : table.getItems()) {
            List<String> row = new ArrayList<>();
            for (int i = 0; i < table.getColumnCount(); i++) {
                row.add(item.getText(i));
            }
            rows.add(row);
        }
        return rows;
    }

    /** Runs {@code commandId} through the workbench's handler service, as its menu item, toolbar button or key binding. */
    static void command(String commandId) throws CommandException {
        PlatformUI.getWorkbench().getService(IHandlerService.class).executeCommand(commandId, null);
    }

    /** The shells open now, to tell a dialog that opens later from them ({@link #newShell}). */
    static Set<Shell> shells() {
        return Set.of(Display.getCurrent().getShells());
    }

    /** A shell opened since {@code before} was taken (a dialog), if one is open now. */
    static Optional<Shell> newShell(Set<Shell> before) {
        return Arrays.stream(Display.getCurrent().getShells()).filter(s -> !before.contains(s) && s.isVisible()).findFirst();
    }

    /**
     * Answers the next dialog when it opens: a click that opens one returns only after it closed, so the answer is set
     * up first. {@code answer} types and presses a button; if it fails, the dialog is closed (as cancelled) so the test
     * goes on to fail instead of hanging.
     */
    static void whenDialogOpens(Consumer<Shell> answer) {
        Set<Shell> before = shells();
        Display display = Display.getCurrent();
        long deadline = System.nanoTime() + 15_000_000_000L;
        Runnable[] poll = new Runnable[1];
        poll[0] = () -> newShell(before).ifPresentOrElse(dialog -> {
            try {
                answer.accept(dialog);
            } finally {
                if (!dialog.isDisposed()) {
                    dialog.close();
                }
            }
        }, () -> {
            if (System.nanoTime() < deadline) {
                display.timerExec(50, poll[0]);
            }
        });
        display.timerExec(50, poll[0]);
    }

    /** Presses the dialog's button {@code buttonId} ({@code IDialogConstants.OK_ID}, {@code CANCEL_ID}). */
    static void press(Shell dialog, int buttonId) {
        Button button = buttonOf(dialog, buttonId).orElseThrow(() -> new AssertionError("no button " + buttonId + " in " + dialog.getText()));
        button.notifyListeners(SWT.Selection, new Event());
    }

    private static Optional<Button> buttonOf(Control control, int buttonId) {
        if (control instanceof Button button && Integer.valueOf(buttonId).equals(button.getData())) {
            return Optional.of(button);
        }
        if (control instanceof Composite composite) {
            for (Control child : composite.getChildren()) {
                Optional<Button> found = buttonOf(child, buttonId);
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return Optional.empty();
    }
}
