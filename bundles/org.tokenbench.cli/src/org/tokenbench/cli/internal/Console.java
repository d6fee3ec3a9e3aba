package org.tokenbench.cli.internal;

import java.io.InputStream;
import java.io.PrintStream;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.osgi.framework.BundleContext;
import org.osgi.util.tracker.ServiceTracker;
import org.tokenbench.core.TokenException;
import org.tokenbench.diagnostics.DiagnosticsRegistry;

/**
 * Where a command reads and writes: results to {@code out} (one value per line), messages to {@code err},
 * secrets from {@code in} when asked for; and the OSGi services it needs.
 */
public final class Console {

    private static final long SERVICE_WAIT_MILLIS = TimeUnit.SECONDS.toMillis(5);

    private final InputStream in;
    private final PrintStream out;
    private final PrintStream err;
    private final BundleContext context;

    public Console(InputStream in, PrintStream out, PrintStream err, BundleContext context) {
        this.in = in;
        this.out = out;
        this.err = err;
        this.context = context;
    }

    public InputStream in() {
        return in;
    }

    public PrintStream out() {
        return out;
    }

    public PrintStream err() {
        return err;
    }

    /** A failure through the diagnostics catalogs: title, explanation, causes, remedy and the raw code. */
    public String explain(TokenException failure) {
        return service(DiagnosticsRegistry.class).map(registry -> registry.render(failure)).orElseGet(() -> DiagnosticsRegistry.plain(failure));
    }

    /** A service, waiting briefly for Declarative Services to activate it after start-up. */
    public <S> Optional<S> service(Class<S> type) {
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
