package org.tokenbench.ui.internal.commands;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.handlers.HandlerUtil;
import org.tokenbench.core.install.DriverInstaller;
import org.tokenbench.ui.internal.views.InstallDriverDialog;
import org.tokenbench.ui.internal.views.Messages;
import org.tokenbench.ui.internal.views.ServiceHandle;

/** Help › Install Driver…: opens {@link InstallDriverDialog} on the installer service the CLI uses too. */
public final class InstallDriverHandler extends AbstractHandler {

    @Override
    public Object execute(ExecutionEvent event) {
        Shell shell = HandlerUtil.getActiveShell(event);
        try (ServiceHandle<DriverInstaller> installer = new ServiceHandle<>(DriverInstaller.class)) {
            if (installer.get().isEmpty()) {
                MessageDialog.openError(shell, InstallDriverDialog.TITLE, Messages.installDriver_noInstaller);
                return null;
            }
            new InstallDriverDialog(shell, installer.get().get()).open();
        }
        return null;
    }
}
