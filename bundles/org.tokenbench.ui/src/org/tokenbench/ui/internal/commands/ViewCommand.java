package org.tokenbench.ui.internal.commands;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.commands.common.CommandException;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.ui.IWorkbenchPartSite;
import org.eclipse.ui.handlers.IHandlerService;

/**
 * A view's handler for one of TokenBench's commands, active while the view is (the part site's handler service scopes
 * it). The view says when the action can run ({@link #setEnabled}); the view's toolbar, context menu, key binding and
 * the form's own buttons all run the same command and follow that one enablement.
 */
public final class ViewCommand extends AbstractHandler {

    private final String commandId;
    private final IWorkbenchPartSite site;
    private final Runnable action;
    private final List<Button> buttons = new ArrayList<>();

    private ViewCommand(String commandId, IWorkbenchPartSite site, Runnable action) {
        this.commandId = commandId;
        this.site = site;
        this.action = action;
    }

    /** Activates {@code action} as the handler of {@code commandId} while the part of {@code site} is active. */
    public static ViewCommand activate(IWorkbenchPartSite site, String commandId, Runnable action) {
        ViewCommand command = new ViewCommand(commandId, site, action);
        site.getService(IHandlerService.class).activateHandler(commandId, command);
        return command;
    }

    /** A push button in the view's form that runs this command (through the handler service, like a key binding). */
    public Button button(Composite parent, String text) {
        Button button = new Button(parent, SWT.PUSH);
        button.setText(text);
        button.setEnabled(isEnabled());
        button.addListener(SWT.Selection, e -> {
            try {
                site.getService(IHandlerService.class).executeCommand(commandId, null);
            } catch (CommandException notRun) {
                // disabled meanwhile (a burn started): the button's own state follows at once
            }
        });
        buttons.add(button);
        return button;
    }

    public void setEnabled(boolean enabled) {
        if (enabled == isEnabled()) {
            return;
        }
        setBaseEnabled(enabled);
        buttons.removeIf(Button::isDisposed);
        buttons.forEach(button -> button.setEnabled(enabled));
    }

    @Override
    public Object execute(ExecutionEvent event) {
        if (isEnabled()) {
            action.run();
        }
        return null;
    }
}
