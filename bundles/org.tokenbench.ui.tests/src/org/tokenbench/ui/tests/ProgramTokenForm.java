package org.tokenbench.ui.tests;

import java.util.Arrays;
import java.util.List;

import org.eclipse.core.commands.NotEnabledException;
import org.eclipse.core.commands.common.CommandException;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.IViewPart;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.handlers.IHandlerService;
import org.tokenbench.ui.internal.views.ProgramTokenView;

/**
 * Works the Program Token view as a user does: types into its fields, picks from its lists, runs its commands as a
 * menu or key binding would, and reads what its widgets show. Nothing is called on the view itself.
 */
final class ProgramTokenForm {

    private final IWorkbenchPage page;
    private final IViewPart view;
    private final Control root;

    private ProgramTokenForm(IWorkbenchPage page, IViewPart view) {
        this.page = page;
        this.view = view;
        this.root = page.getWorkbenchWindow().getShell();
    }

    /** Shows (and activates) Program Token in the active window. */
    static ProgramTokenForm show() throws PartInitException {
        IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
        return new ProgramTokenForm(page, page.showView(ProgramTokenView.ID));
    }

    IWorkbenchPage page() {
        return page;
    }

    /** Runs one of the view's commands (Connect, Burn, Paste Image…) through the handler service, as a menu does. */
    void run(String commandId) throws CommandException {
        page.activate(view);
        page.getWorkbenchWindow().getService(IHandlerService.class).executeCommand(commandId, null);
    }

    /** Whether {@code commandId} would run now: false when its handler is disabled. */
    boolean runs(String commandId) throws CommandException {
        try {
            run(commandId);
            return true;
        } catch (NotEnabledException disabled) {
            return false;
        }
    }

    /** Types {@code text} into the key field (masked), as a paste does. */
    void typeKey(String text) {
        WidgetFinder.find(root, "program.key", Text.class).setText(text);
    }

    String keyField() {
        return WidgetFinder.find(root, "program.key", Text.class).getText();
    }

    /** Picks the device whose entry starts with {@code name} (its reader or slot), once the list shows it. */
    void chooseDevice(String name) {
        Combo devices = WidgetFinder.find(root, "program.device", Combo.class);
        DisplayWait.until(() -> Arrays.stream(devices.getItems()).anyMatch(item -> item.startsWith(name)), 15,
                () -> Arrays.toString(devices.getItems()));
        devices.select(Arrays.stream(devices.getItems()).toList().indexOf(
                Arrays.stream(devices.getItems()).filter(item -> item.startsWith(name)).findFirst().orElseThrow()));
        devices.notifyListeners(SWT.Selection, new Event());
    }

    /** The entry the device list points at. */
    String chosenDevice() {
        return WidgetFinder.find(root, "program.device", Combo.class).getText();
    }

    /** Enters {@code path} into the access key file field and presses Enter; empty for none. */
    void useKeyFile(String path) {
        Text field = WidgetFinder.find(root, "program.keyFile", Text.class);
        field.setText(path);
        field.notifyListeners(SWT.DefaultSelection, new Event());
    }

    String keyFile() {
        return WidgetFinder.find(root, "program.keyFile", Text.class).getText();
    }

    /** The published-key warning, empty while it is hidden. */
    String publishedKeyWarning() {
        Label warning = WidgetFinder.find(root, "program.publishedKeyWarning", Label.class);
        return warning.getVisible() ? warning.getText() : "";
    }

    String text(String id) {
        return WidgetFinder.find(root, id, Label.class).getText();
    }

    /** Issuer, account and settings as the key section shows them. */
    String fields() {
        return text("program.issuer") + " | " + text("program.account") + " | " + text("program.settings");
    }

    String status() {
        return text("program.status");
    }

    String token() {
        return text("program.token");
    }

    List<String> displayTimes() {
        return List.of(WidgetFinder.find(root, "program.displayTime", Combo.class).getItems());
    }

    boolean enabled(String buttonId) {
        return WidgetFinder.find(root, buttonId, Button.class).isEnabled();
    }
}
