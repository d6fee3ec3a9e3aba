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
        String[] args = commandWords((String[]) context.getArguments().get(IApplicationContext.APPLICATION_ARGS),
                Boolean.getBoolean(ESCAPED_PROPERTY));
        context.applicationRunning();
        BundleContext bundleContext = FrameworkUtil.getBundle(HeadlessApplication.class).getBundleContext();
        Console console = new Console(System.in, System.out, System.err, bundleContext);
        return Integer.valueOf(CommandLineTool.runProcess(() -> CommandLineTool.fromServices(bundleContext), args, console));
    }

    /**
     * Set by the launcher, which then prefixes every word of the command with {@value #ESCAPE}: Equinox consumes its
     * own options ({@code -data}, {@code -clean}, {@code -configuration}…) wherever they appear, so a command's
     * argument spelled like one would otherwise never reach the command.
     */
    static final String ESCAPED_PROPERTY = "tokenbench.escapedArguments";
    static final String ESCAPE = "+";

    /** The command's words: with escaping, only the escaped ones (anything else came from Equinox), unescaped. */
    static String[] commandWords(String[] applicationArgs, boolean escaped) {
        if (applicationArgs == null) {
            return new String[0];
        }
        if (!escaped) {
            return applicationArgs;
        }
        return java.util.Arrays.stream(applicationArgs).filter(a -> a.startsWith(ESCAPE)).map(a -> a.substring(ESCAPE.length()))
                .toArray(String[]::new);
    }

    @Override
    public void stop() {
        // Commands are short and run on the caller's thread; nothing to interrupt.
    }
}
