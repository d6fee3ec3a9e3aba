package org.tokenbench.ui.internal.jobs;

import org.eclipse.jface.dialogs.Dialog;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.tokenbench.ui.internal.views.Widgets;

/**
 * A question with a masked field (PINs, passphrases). Unlike JFace's {@code InputDialog}, whose value is a String that
 * lives until the collector takes it, the answer is read as chars ({@link Text#getTextChars()}) when OK is pressed and
 * the field is emptied at once; the caller owns (and wipes) the returned array.
 */
public final class MaskedDialog extends Dialog {

    private final String title;
    private final String prompt;
    private Text field;
    private char[] typed;

    public MaskedDialog(Shell parent, String title, String prompt) {
        super(parent);
        this.title = title;
        this.prompt = prompt;
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText(title);
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        Label label = new Label(area, SWT.WRAP);
        label.setText(prompt);
        GridDataFactory.fillDefaults().grab(true, false).hint(convertHorizontalDLUsToPixels(250), SWT.DEFAULT).applyTo(label);
        field = Widgets.id(new Text(area, SWT.SINGLE | SWT.BORDER | SWT.PASSWORD), "masked.field");
        GridDataFactory.fillDefaults().grab(true, false).applyTo(field);
        return area;
    }

    @Override
    protected void okPressed() {
        typed = field.getTextChars();
        field.setText("");
        super.okPressed();
    }

    @Override
    protected void cancelPressed() {
        field.setText("");
        super.cancelPressed();
    }

    /** What was typed when OK was pressed; null when cancelled (or not yet answered). */
    public char[] typed() {
        return typed;
    }
}
