package org.tokenbench.ui.internal.views;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;

/** A label, a file path field and its Browse… button, on one row of a three-column grid. */
public final class FileField {

    public static final String CERTIFICATES = "*.cer;*.crt;*.der;*.pem";
    public static final String CRLS = "*.crl;*.pem;*.der";
    public static final String LIBRARIES = "*.so;*.so.*;*.dll;*.dylib";

    private FileField() {
    }

    /** @param filter the file dialog's extensions ({@code *.*} is always offered too) */
    public static Text create(Composite parent, String label, String id, String filter) {
        new Label(parent, SWT.NONE).setText(label);
        Text path = Widgets.id(new Text(parent, SWT.BORDER), id);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(path);
        browse(parent, path::setText, filter);
        return path;
    }

    /** A Browse… button that puts the chosen file's path into {@code target}. */
    static Button browse(Composite parent, java.util.function.Consumer<String> target, String filter) {
        Button button = new Button(parent, SWT.PUSH);
        button.setText(Messages.browse);
        button.addListener(SWT.Selection, e -> {
            FileDialog dialog = new FileDialog(parent.getShell(), SWT.OPEN);
            dialog.setFilterExtensions(new String[] {filter, "*.*"});
            String file = dialog.open();
            if (file != null) {
                target.accept(file);
            }
        });
        return button;
    }
}
