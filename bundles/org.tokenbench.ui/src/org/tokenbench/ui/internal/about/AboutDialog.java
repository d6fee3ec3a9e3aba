package org.tokenbench.ui.internal.about;

import java.util.List;

import org.eclipse.jface.dialogs.Dialog;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.resource.ImageDescriptor;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;
import org.tokenbench.core.driver.DriverRegistry;
import org.tokenbench.ui.internal.model.AboutModel;
import org.tokenbench.ui.internal.views.ServiceHandle;
import org.tokenbench.ui.internal.views.Widgets;

/** Help › About TokenBench: the product's version, its bundles and every registered driver, for a support ticket. */
public final class AboutDialog extends Dialog {

    private Image logo;

    public AboutDialog(Shell parent) {
        super(parent);
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText(Messages.about_title);
    }

    @Override
    protected boolean isResizable() {
        return true;
    }

    @Override
    protected Point getInitialSize() {
        return new Point(940, 640);
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        GridLayoutFactory.swtDefaults().numColumns(2).applyTo(area);
        Bundle ui = FrameworkUtil.getBundle(AboutDialog.class);
        logo = ImageDescriptor.createFromURL(ui.getEntry("icons/product/tokenbench64.png")).createImage();
        new Label(area, SWT.NONE).setImage(logo);
        Label name = Widgets.id(new Label(area, SWT.WRAP), "about.product");
        name.setText(NLS.bind(Messages.about_product, AboutModel.productVersion(ui)));
        GridDataFactory.fillDefaults().grab(true, false).applyTo(name);

        List<AboutModel.Row> drivers;
        try (ServiceHandle<DriverRegistry> registry = new ServiceHandle<>(DriverRegistry.class)) {
            drivers = registry.get().map(r -> AboutModel.drivers(r.drivers(), AboutDialog::bundleOf)).orElse(List.of());
        }
        section(area, Messages.about_drivers, "about.drivers", drivers, Messages.about_driver);
        section(area, Messages.about_bundles, "about.bundles", AboutModel.bundles(ui.getBundleContext().getBundles()), Messages.about_bundleName);
        return area;
    }

    private static String bundleOf(Object driver) {
        Bundle bundle = FrameworkUtil.getBundle(driver.getClass());
        return bundle == null ? "" : bundle.getSymbolicName();
    }

    private static void section(Composite parent, String title, String id, List<AboutModel.Row> rows, String nameColumn) {
        Label heading = new Label(parent, SWT.NONE);
        heading.setText(title);
        GridDataFactory.fillDefaults().span(2, 1).applyTo(heading);
        TableViewer table = Widgets.table(parent, SWT.SINGLE, id);
        Widgets.<AboutModel.Row>textColumn(table, nameColumn, 330, AboutModel.Row::name);
        Widgets.<AboutModel.Row>textColumn(table, Messages.about_bundle, 230, AboutModel.Row::bundle);
        Widgets.<AboutModel.Row>textColumn(table, Messages.about_version, 170, AboutModel.Row::version);
        Widgets.<AboutModel.Row>textColumn(table, Messages.about_vendor, 140, AboutModel.Row::vendor);
        table.setInput(rows);
        GridDataFactory.fillDefaults().span(2, 1).grab(true, true).hint(SWT.DEFAULT, 150).applyTo(table.getTable());
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        createButton(parent, IDialogConstants.OK_ID, Messages.about_close, true);
    }

    @Override
    public boolean close() {
        if (logo != null) {
            logo.dispose();
        }
        return super.close();
    }
}
