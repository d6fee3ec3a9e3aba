package org.tokenbench.cli.internal;

import org.eclipse.equinox.app.IApplication;
import org.eclipse.equinox.app.IApplicationContext;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;

/**
 * The Equinox application behind {@code tokenbench <command> …}. It never touches SWT, so headless machines
 * (CI, servers, a batch script) run it without a display. The commands are the {@code CommandProvider} services
 * present when it starts.
 */
public final class HeadlessApplication implements IApplication {

    @Override
    public Object start(IApplicationContext context) {
        String[] args = LaunchArguments.commandWords((String[]) context.getArguments().get(IApplicationContext.APPLICATION_ARGS));
        context.applicationRunning();
        BundleContext bundleContext = FrameworkUtil.getBundle(HeadlessApplication.class).getBundleContext();
        Console console = new Console(System.in, System.out, System.err, bundleContext);
        return Integer.valueOf(CommandLineTool.runProcess(() -> CommandLineTool.fromServices(bundleContext), args, console));
    }

    @Override
    public void stop() {
        // Commands are short and run on the caller's thread; nothing to interrupt.
    }
}
