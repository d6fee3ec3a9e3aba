package org.tokenbench.ui.tests;

import java.util.Optional;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Event;
import org.tokenbench.ui.internal.views.Widgets;

/** Finds real widgets by the id views give them ({@link Widgets#ID_KEY}) and works them as a user would. */
final class WidgetFinder {

    private WidgetFinder() {
    }

    static <W extends Control> W find(Control root, String id, Class<W> type) {
        return search(root, id, type).orElseThrow(() -> new AssertionError("no " + type.getSimpleName() + " with id " + id));
    }

    private static <W extends Control> Optional<W> search(Control control, String id, Class<W> type) {
        if (id.equals(control.getData(Widgets.ID_KEY)) && type.isInstance(control)) {
            return Optional.of(type.cast(control));
        }
        if (control instanceof Composite composite) {
            for (Control child : composite.getChildren()) {
                Optional<W> found = search(child, id, type);
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return Optional.empty();
    }

    /** Presses the button as a click does (its Selection listeners run). */
    static void click(Control root, String id) {
        Button button = find(root, id, Button.class);
        if (!button.isEnabled()) {
            throw new AssertionError(id + " is disabled");
        }
        button.notifyListeners(SWT.Selection, new Event());
    }
}
