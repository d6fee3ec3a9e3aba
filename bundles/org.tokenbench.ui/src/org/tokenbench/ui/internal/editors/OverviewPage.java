package org.tokenbench.ui.internal.editors;

import java.util.Map;
import java.util.Optional;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.views.IViewDescriptor;
import org.tokenbench.ui.internal.model.DeviceOffer;
import org.tokenbench.ui.internal.views.DevicesView;
import org.tokenbench.ui.internal.views.Widgets;

/** Who the device is: identity, driver, what its family's descriptor declares, what it tells about itself. */
final class OverviewPage extends EditorPage {

    private TableViewer rows;
    private Button familyView;
    private Composite buttons;
    private Optional<String> viewId = Optional.empty();
    private final Runnable reread;

    /** @param reread reads the device's offer again (Refresh) */
    OverviewPage(Runnable reread) {
        this.reread = reread;
    }

    @Override
    String title() {
        return Messages.page_overview;
    }

    @Override
    String key() {
        return "overview";
    }

    @Override
    void createContent(Composite parent) {
        GridLayoutFactory.fillDefaults().applyTo(parent);
        rows = Widgets.table(parent, SWT.SINGLE, "overview.rows");
        Widgets.<Map.Entry<String, String>>textColumn(rows, Messages.overview_property, 200, Map.Entry::getKey);
        Widgets.<Map.Entry<String, String>>textColumn(rows, Messages.overview_value, 560, Map.Entry::getValue);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(rows.getTable());
        buttons = new Composite(parent, SWT.NONE);
        GridLayoutFactory.fillDefaults().numColumns(2).applyTo(buttons);
        commandButton(buttons, Messages.overview_refresh, "overview.refresh", org.tokenbench.ui.internal.commands.TokenBenchCommands.REFRESH, reread);
        familyView = button(buttons, Messages.overview_openView, "overview.openView", this::openFamilyView);
        familyView.setVisible(false);
        setStatus(Messages.editor_reading);
    }

    /** The device's offer, read: the rows, and the family's own view when its UI bundle contributes one. */
    void show(DeviceOffer offer) {
        if (rows.getControl().isDisposed()) {
            return;
        }
        rows.setInput(offer.overviewRows());
        viewId = DevicesView.deviceView(offer.driver().id());
        Optional<IViewDescriptor> descriptor = viewId.map(id -> PlatformUI.getWorkbench().getViewRegistry().find(id));
        familyView.setVisible(descriptor.isPresent());
        descriptor.ifPresent(d -> familyView.setText(NLS.bind(Messages.overview_openView, d.getLabel())));
        buttons.layout(true, true);
        setStatus(NLS.bind(Messages.overview_read, offer.pages().size() - 1));
    }

    private void openFamilyView() {
        viewId.ifPresent(this::openView);
    }
}
