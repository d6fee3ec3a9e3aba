package org.tokenbench.ui.internal.views;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;

/** The small widget helpers the task views share. */
final class Widgets {

    private Widgets() {
    }

    /** A push button that runs {@code action} when pressed. */
    static Button button(Composite parent, String text, Runnable action) {
        Button button = new Button(parent, SWT.PUSH);
        button.setText(text);
        button.addListener(SWT.Selection, e -> action.run());
        return button;
    }
}
