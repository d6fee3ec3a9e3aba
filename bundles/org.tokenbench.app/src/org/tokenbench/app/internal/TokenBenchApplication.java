package org.tokenbench.app.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

import org.eclipse.equinox.app.IApplication;
import org.eclipse.equinox.app.IApplicationContext;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWTError;
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
        String[] args = (String[]) context.getArguments().getOrDefault(IApplicationContext.APPLICATION_ARGS, new String[0]);
        LaunchArguments launch = LaunchArguments.parse(args, Path.of("").toAbsolutePath());
        if (launch.problem().isPresent()) {
            System.err.println(launch.problem().get());
            return LaunchArguments.USAGE;
        }
        InstanceChannel.Request request = new InstanceChannel.Request(launch.image());
        Optional<InstanceChannel> channel;
        try {
            channel = InstanceChannel.claim(InstanceChannel.defaultDirectory(), request, HandedOverRequests::deliver);
            if (channel.isEmpty()) {
                System.out.println(launch.image().map(image -> NLS.bind(Messages.launchAlreadyRunningOpened, image))
                        .orElse(Messages.launchAlreadyRunning));
                return IApplication.EXIT_OK;
            }
        } catch (IOException e) {
            // Better two workbenches than none: say why, and start.
            System.err.println(NLS.bind(Messages.launchCannotCheckRunning, e.getMessage()));
            channel = Optional.empty();
        }
        launch.image().ifPresent(image -> HandedOverRequests.deliver(request));
        Display display;
        try {
            display = PlatformUI.createDisplay();
        } catch (SWTError cannotOpen) {
            System.err.println(DisplayCheck.unreachable(System.getenv()));
            channel.ifPresent(TokenBenchApplication::closeQuietly);
            return DisplayCheck.NO_DISPLAY;
        }
        try {
            int returnCode = PlatformUI.createAndRunWorkbench(display, new TokenBenchWorkbenchAdvisor());
            return returnCode == PlatformUI.RETURN_RESTART ? IApplication.EXIT_RESTART : IApplication.EXIT_OK;
        } finally {
            display.dispose();
            channel.ifPresent(TokenBenchApplication::closeQuietly);
        }
    }

    private static void closeQuietly(InstanceChannel channel) {
        try {
            channel.close();
        } catch (IOException e) {
            // the OS releases the lock with the process; a socket file left behind is replaced by the next start
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
