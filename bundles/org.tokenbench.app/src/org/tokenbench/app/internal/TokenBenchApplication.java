package org.tokenbench.app.internal;

import org.eclipse.equinox.app.IApplication;
import org.eclipse.equinox.app.IApplicationContext;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.PlatformUI;

/** The workbench application: what {@code tokenbench} runs when given no arguments. */
public final class TokenBenchApplication implements IApplication {

    @Override
    public Object start(IApplicationContext context) {
        var noDisplay = DisplayCheck.problem(System.getProperty("os.name", ""), System.getenv());
        if (noDisplay.isPresent()) {
            System.err.println(noDisplay.get());
            return DisplayCheck.NO_DISPLAY;
        }
        Display display = PlatformUI.createDisplay();
        try {
            int returnCode = PlatformUI.createAndRunWorkbench(display, new TokenBenchWorkbenchAdvisor());
            return returnCode == PlatformUI.RETURN_RESTART ? IApplication.EXIT_RESTART : IApplication.EXIT_OK;
        } finally {
            display.dispose();
        }
    }

    @Override
    public void stop() {
        if (!PlatformUI.isWorkbenchRunning()) {
            return;
        }
        IWorkbench workbench = PlatformUI.getWorkbench();
        Display display = workbench.getDisplay();
        display.syncExec(() -> {
            if (!display.isDisposed()) {
                workbench.close();
            }
        });
    }
}
