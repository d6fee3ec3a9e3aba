package org.tokenbench.ui.internal.editors;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.tokenbench.ui.DevicePage;
import org.tokenbench.ui.DevicePageSite;
import org.tokenbench.ui.internal.views.Widgets;

/**
 * A built-in page of the device editor: its content above a status line where the page's actions report what happened.
 * Pages read the device only when the user asks (or once when shown), each read or action in its own device Job.
 */
abstract class EditorPage implements DevicePage {

    /** The status line's widget id, for tests that read what a page said. */
    static final String STATUS_ID = "status";

    private Label status;
    private final java.util.Map<String, Button> commandButtons = new java.util.HashMap<>();
    protected DevicePageSite device;

    abstract String title();

    /** A stable name (not translated) for widget ids: {@code pin}, {@code checklist}. */
    abstract String key();

    abstract void createContent(Composite parent);

    @Override
    public final Control createControl(Composite parent, DevicePageSite site) {
        this.device = site;
        Composite page = new Composite(parent, SWT.NONE);
        GridLayoutFactory.swtDefaults().applyTo(page);
        Composite content = new Composite(page, SWT.NONE);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(content);
        createContent(content);
        status = new Label(page, SWT.WRAP);
        GridDataFactory.fillDefaults().grab(true, false).hint(400, SWT.DEFAULT).applyTo(status);
        Widgets.id(status, key() + "." + STATUS_ID);
        return page;
    }

    /** Called by the editor when the page is first shown: read what the page shows. */
    void shown() {
    }

    /** On the display thread. */
    void setStatus(String text) {
        if (status != null && !status.isDisposed()) {
            status.setText(text);
            status.getParent().layout(true, true);
        }
    }

    /** Opens the view {@code viewId} and, when it works on one device, tells it this one. */
    void openView(String viewId) {
        try {
            org.eclipse.ui.IWorkbenchPage page = org.eclipse.ui.PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
            org.eclipse.ui.IViewPart part = page.showView(viewId);
            org.tokenbench.ui.internal.perspectives.EditorRoom.viewWanted(page, viewId);
            if (part instanceof org.tokenbench.ui.DeviceView target) {
                target.showDevice(device.deviceId());
            }
        } catch (org.eclipse.ui.PartInitException e) {
            setStatus(e.getMessage());
        }
    }

    /**
     * A button that also answers {@code commandId} (F5 reads the page again, Run Check…) while this page is the editor's
     * active page, and only while the button is enabled: key binding, menu and button do one thing under one state.
     */
    Button commandButton(Composite parent, String text, String id, String commandId, Runnable action) {
        Button button = button(parent, text, id, action);
        commandButtons.put(commandId, button);
        return button;
    }

    /** Whether this page has an enabled button for {@code commandId}. */
    boolean canRun(String commandId) {
        Button button = commandButtons.get(commandId);
        return button != null && !button.isDisposed() && button.isEnabled();
    }

    /** Does what the page's button for {@code commandId} does. */
    void run(String commandId) {
        if (canRun(commandId)) {
            commandButtons.get(commandId).notifyListeners(SWT.Selection, new org.eclipse.swt.widgets.Event());
        }
    }

    static Button button(Composite parent, String text, String id, Runnable action) {
        Button button = Widgets.button(parent, text, action);
        Widgets.id(button, id);
        return button;
    }
}
