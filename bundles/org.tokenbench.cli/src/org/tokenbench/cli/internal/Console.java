package org.tokenbench.cli.internal;

import java.io.InputStream;
import java.io.PrintStream;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.osgi.framework.BundleContext;
import org.osgi.util.tracker.ServiceTracker;
import org.tokenbench.cli.command.CommandContext;
import org.tokenbench.core.ErrorCode;
import org.tokenbench.core.ProgressMonitor;
import org.tokenbench.core.TokenException;
import org.tokenbench.core.driver.Interaction;
import org.tokenbench.diagnostics.DiagnosticsRegistry;

/**
 * The context of one run: the process's (or a test's) streams and the services, the OSGi ones or, on the fast path
 * without OSGi ({@link PlainLaunch}), the few plain-Java engines device-less commands use.
 */
public final class Console implements CommandContext {

    static final long SERVICE_WAIT_MILLIS = TimeUnit.SECONDS.toMillis(5);
    /** tokenbench:0x0001: a service the command needs did not start. */
    static final ErrorCode SERVICE_MISSING = ErrorCode.of(ErrorCode.TOKENBENCH, 1);

    private final InputStream in;
    private final PrintStream rawOut;
    private final PrintStream out;
    private final PrintStream err;
    private final BundleContext context;
    private final Services services;
    private Interaction interaction;

    /** Where {@link #service} finds a service: an OSGi framework's registry, or the fast path's engines. */
    @FunctionalInterface
    interface Services {
        <S> Optional<S> find(Class<S> type);
    }

    public Console(InputStream in, PrintStream out, PrintStream err, BundleContext context) {
        this(in, out, err, context, new OsgiServices(context));
    }

    Console(InputStream in, PrintStream out, PrintStream err, Services services) {
        this(in, out, err, null, services);
    }

    private Console(InputStream in, PrintStream out, PrintStream err, BundleContext context, Services services) {
        this.in = in;
        this.rawOut = out;
        this.out = TerminalSafeStream.around(out);
        this.err = TerminalSafeStream.around(err);
        this.context = context;
        this.services = services;
    }

    @Override
    public InputStream in() {
        return in;
    }

    @Override
    public PrintStream out() {
        return out;
    }

    @Override
    public java.io.OutputStream binaryOut() {
        out.flush();
        return rawOut;
    }

    /**
     * System.console() when standard input is this process's terminal. Java 22+ returns a console even for a pipe,
     * so its isTerminal() (looked up by name: the bundle is built for Java 21) must agree too.
     */
    @Override
    public java.io.Console terminal() {
        java.io.Console console = System.console();
        if (console == null || in != System.in) {
            return null;
        }
        try {
            return Boolean.TRUE.equals(java.io.Console.class.getMethod("isTerminal").invoke(console)) ? console : null;
        } catch (ReflectiveOperationException olderJava) {
            return console;
        }
    }

    @Override
    public PrintStream err() {
        return err;
    }

    BundleContext bundleContext() {
        return context;
    }

    @Override
    public String explain(TokenException failure) {
        return service(DiagnosticsRegistry.class).map(registry -> registry.render(failure)).orElseGet(() -> DiagnosticsRegistry.plain(failure));
    }

    @Override
    public <S> Optional<S> service(Class<S> type) {
        return services.find(type);
    }

    /** The OSGi services, waiting briefly for Declarative Services to activate one after start-up. */
    private record OsgiServices(BundleContext context) implements Services {
        @Override
        public <S> Optional<S> find(Class<S> type) {
            ServiceTracker<S, S> tracker = new ServiceTracker<>(context, type, null);
            tracker.open();
            try {
                return Optional.ofNullable(tracker.waitForService(SERVICE_WAIT_MILLIS));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            } finally {
                tracker.close();
            }
        }
    }

    @Override
    public <S> S requireService(Class<S> type) throws TokenException {
        return service(type).orElseThrow(() -> new TokenException(SERVICE_MISSING,
                "the " + type.getSimpleName() + " service did not start (is its bundle and org.apache.felix.scr in the product?)"));
    }

    /** One per run, so that answers typed ahead on stdin are read in order. */
    @Override
    public synchronized Interaction interaction() {
        if (interaction == null) {
            interaction = new ConsoleInteraction(this);
        }
        return interaction;
    }

    @Override
    public ProgressMonitor progress() {
        return new ProgressMonitor() {
            @Override
            public void begin(String task, int totalWork) {
                err.println(task + " ...");
            }

            @Override
            public void worked(int work, String step) {
                err.println("  " + step);
            }

            @Override
            public boolean isCanceled() {
                return false;
            }
        };
    }
}
