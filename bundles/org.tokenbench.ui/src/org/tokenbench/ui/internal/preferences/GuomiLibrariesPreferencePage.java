package org.tokenbench.ui.internal.preferences;

import java.nio.file.Path;
import java.util.Map;

import org.eclipse.jface.dialogs.InputDialog;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.preference.PreferencePage;
import org.eclipse.jface.window.Window;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.IWorkbenchPreferencePage;
import org.tokenbench.core.TokenBenchHome;
import org.tokenbench.core.TokenException;
import org.tokenbench.driver.guomi.SkfLibrary;
import org.tokenbench.driver.guomi.VendorLibraries;

/**
 * TokenBench › Guomi SKF libraries: which vendor library serves which key family. The same file the CLI's
 * {@code guomi library set} writes; a library is added only if it loads.
 */
public final class GuomiLibrariesPreferencePage extends PreferencePage implements IWorkbenchPreferencePage {

    private Table table;

    @Override
    public void init(IWorkbench workbench) {
        setDescription("The vendor's SKF library for each kind of Guomi USB key (it comes with the key's driver package).");
    }

    @Override
    protected Control createContents(Composite parent) {
        Composite page = new Composite(parent, SWT.NONE);
        GridLayoutFactory.fillDefaults().numColumns(2).applyTo(page);
        table = new Table(page, SWT.BORDER | SWT.FULL_SELECTION);
        table.setHeaderVisible(true);
        GridDataFactory.fillDefaults().grab(true, true).hint(420, 160).applyTo(table);
        new TableColumn(table, SWT.NONE).setText("Key family");
        new TableColumn(table, SWT.NONE).setText("SKF library");
        table.getColumn(0).setWidth(140);
        table.getColumn(1).setWidth(300);
        Button add = new Button(page, SWT.PUSH);
        add.setText("Add…");
        GridDataFactory.fillDefaults().align(SWT.FILL, SWT.BEGINNING).applyTo(add);
        add.addListener(SWT.Selection, e -> add());
        fill();
        return page;
    }

    private void add() {
        FileDialog files = new FileDialog(getShell(), SWT.OPEN);
        files.setFilterExtensions(new String[] {"*.so;*.so.*;*.dll;*.dylib", "*.*"});
        String file = files.open();
        if (file == null) {
            return;
        }
        InputDialog name = new InputDialog(getShell(), "Key family", "A short name for keys served by this library (e.g. feitian-epass3003):",
                "", text -> text.matches("[A-Za-z0-9._-]{1,64}") ? null : "letters, digits, dots, dashes or underscores");
        if (name.open() != Window.OK) {
            return;
        }
        try {
            SkfLibrary.load(Path.of(file));
            new VendorLibraries(TokenBenchHome.directory()).set(name.getValue(), Path.of(file));
            setErrorMessage(null);
        } catch (TokenException e) {
            setErrorMessage(e.getMessage());
        }
        fill();
    }

    private void fill() {
        table.removeAll();
        try {
            for (Map.Entry<String, Path> entry : new VendorLibraries(TokenBenchHome.directory()).all().entrySet()) {
                new TableItem(table, SWT.NONE).setText(new String[] {entry.getKey(), entry.getValue().toString()});
            }
        } catch (TokenException e) {
            setErrorMessage(e.getMessage());
        }
    }
}
