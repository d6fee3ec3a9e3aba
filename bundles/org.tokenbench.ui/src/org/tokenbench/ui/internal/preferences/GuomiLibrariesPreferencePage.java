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
import org.tokenbench.core.ErrorCode;
import org.tokenbench.core.TokenException;
import org.tokenbench.core.device.DeviceService;
import org.tokenbench.core.device.VendorLibraries;
import org.tokenbench.ui.internal.views.ServiceHandle;

/**
 * TokenBench › Guomi SKF libraries: which vendor library serves which key family, through the SKF transport's
 * {@link VendorLibraries} (the same file the CLI's {@code guomi library set} writes); the transport adds a library
 * only if it loads.
 */
public final class GuomiLibrariesPreferencePage extends PreferencePage implements IWorkbenchPreferencePage {

    private static final String TRANSPORT = "skf";

    private ServiceHandle<DeviceService> devices;
    private Table table;

    @Override
    public void init(IWorkbench workbench) {
        setDescription(Messages.guomi_description);
        devices = new ServiceHandle<>(DeviceService.class);
    }

    private VendorLibraries libraries() throws TokenException {
        return devices.get().flatMap(service -> service.transport(TRANSPORT)).flatMap(t -> t.feature(VendorLibraries.class))
                .orElseThrow(() -> new TokenException(ErrorCode.of(ErrorCode.TOKENBENCH, 1),
                        Messages.guomi_skfNotRunning));
    }

    @Override
    protected Control createContents(Composite parent) {
        Composite page = new Composite(parent, SWT.NONE);
        GridLayoutFactory.fillDefaults().numColumns(2).applyTo(page);
        table = new Table(page, SWT.BORDER | SWT.FULL_SELECTION);
        table.setHeaderVisible(true);
        GridDataFactory.fillDefaults().grab(true, true).hint(420, 160).applyTo(table);
        new TableColumn(table, SWT.NONE).setText(Messages.guomi_keyFamily);
        new TableColumn(table, SWT.NONE).setText(Messages.guomi_library);
        table.getColumn(0).setWidth(140);
        table.getColumn(1).setWidth(300);
        Button add = new Button(page, SWT.PUSH);
        add.setText(Messages.guomi_add);
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
        InputDialog name = new InputDialog(getShell(), Messages.guomi_keyFamily, Messages.guomi_familyPrompt,
                "", text -> text.matches("[A-Za-z0-9._-]{1,64}") ? null : Messages.guomi_familyInvalid);
        if (name.open() != Window.OK) {
            return;
        }
        try {
            libraries().configure(name.getValue(), Path.of(file));
            setErrorMessage(null);
        } catch (TokenException e) {
            setErrorMessage(e.getMessage());
        }
        fill();
    }

    private void fill() {
        table.removeAll();
        try {
            for (Map.Entry<String, Path> entry : libraries().configured().entrySet()) {
                new TableItem(table, SWT.NONE).setText(new String[] {entry.getKey(), entry.getValue().toString()});
            }
        } catch (TokenException e) {
            setErrorMessage(e.getMessage());
        }
    }

    @Override
    public void dispose() {
        if (devices != null) {
            devices.close();
        }
        super.dispose();
    }
}
