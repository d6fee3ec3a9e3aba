package org.tokenbench.ui.internal.views;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.ScrolledComposite;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Group;
import org.eclipse.swt.widgets.Label;

/**
 * Program Token's form: its numbered sections one below the other, scrolling only when the view is too short for them
 * (rather than cutting off the Burn button), and the small builders the sections share.
 */
final class ProgramForm {

    private static final int MIN_WIDTH = 420;

    private final ScrolledComposite scroll;
    private final Composite body;

    ProgramForm(Composite view) {
        scroll = new ScrolledComposite(view, SWT.V_SCROLL | SWT.H_SCROLL);
        scroll.setExpandHorizontal(true);
        scroll.setExpandVertical(true);
        body = new Composite(scroll, SWT.NONE);
        scroll.setContent(body);
        scroll.addListener(SWT.Resize, e -> fit());
        GridLayoutFactory.swtDefaults().numColumns(1).applyTo(body);
    }

    /** Where the sections go. */
    Composite body() {
        return body;
    }

    /** Lays the form out again after a text changed its height, and scrolls only if it no longer fits. */
    void relayout() {
        if (body.isDisposed()) {
            return;
        }
        body.layout(true, true);
        fit();
    }

    private void fit() {
        scroll.setMinSize(body.computeSize(Math.max(MIN_WIDTH, scroll.getClientArea().width), SWT.DEFAULT));
    }

    /** A numbered section: a titled group of label/value rows. */
    static Group group(Composite parent, String title) {
        Group group = new Group(parent, SWT.NONE);
        group.setText(title);
        GridLayoutFactory.swtDefaults().numColumns(2).applyTo(group);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(group);
        return group;
    }

    /** A label/value row; the value wraps, and is named {@code id} for tests. */
    static Label field(Composite parent, String name, String id) {
        new Label(parent, SWT.NONE).setText(name);
        Label value = Widgets.id(new Label(parent, SWT.WRAP), id);
        GridDataFactory.fillDefaults().grab(true, false).hint(200, SWT.DEFAULT).applyTo(value);
        return value;
    }
}
