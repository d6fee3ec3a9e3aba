package org.tokenbench.cli.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.tokenbench.cli.command.CommandProvider;
import org.tokenbench.diagnostics.DiagnosticsRegistry;

/**
 * The fast path of the headless commands that need no device, no vendor bundle and no OSGi service but the
 * diagnostics catalogs: a plain {@code java -cp} over the product's bundle jars runs them through the same
 * {@link CommandLineTool} and {@link Console} as the Equinox application, without starting the framework (most of a
 * one-shot command's start-up). The {@code tokenbench} launcher chooses this path only for the command words
 * {@link #FAST_COMMANDS} lists (it reads them from {@code lib/fast/commands}, which the build writes with
 * {@code --index}); every other command, and every command of a product holding a vendor's command bundle, runs in
 * OSGi.
 */
public final class PlainLaunch {

    /**
     * The command words (top-level, or top-level and sub-command) that run here. Each needs at most the diagnostics
     * registry: {@code otp new|backup|restore} and {@code seeds export} (they record in the audit log) and {@code qr scan}
     * (the screens, not worth the split) stay in OSGi.
     */
    static final List<String> FAST_COMMANDS = List.of("otp code", "otp verify", "otp explain", "diagnose", "qr decode", "qr encode",
            "seeds check");

    /** The providers of those commands, as Declarative Services would register them. */
    static List<CommandProvider> providers() {
        return List.of(new OtpCommand.Provider(), new DiagnoseCommand.Provider(), new QrCommand.Provider(), new SeedsCommand.Provider());
    }

    private PlainLaunch() {
    }

    public static void main(String[] args) {
        if (args.length == 1 && args[0].equals("--index")) {
            FAST_COMMANDS.forEach(System.out::println);
            return;
        }
        // The launcher escapes every word for Equinox on both paths; here they are unescaped the same way.
        System.exit(run(LaunchArguments.commandWords(args)));
    }

    /** Runs one command line as the headless application would, with the streams of this process. */
    static int run(String[] args) {
        Console console = new Console(System.in, System.out, System.err, new Engines(PlainLaunch.class.getClassLoader()));
        return CommandLineTool.runProcess(PlainLaunch::tool, args, console);
    }

    /** The fast path's command tool: the fast commands' providers only. */
    public static CommandLineTool tool() {
        return new CommandLineTool(providers());
    }

    /**
     * A context as the fast path makes one, whose only service is {@code diagnostics} (the tests give it the OSGi
     * registry, to compare the two paths' output inside one framework).
     */
    public static Console console(java.io.InputStream in, java.io.PrintStream out, java.io.PrintStream err, DiagnosticsRegistry diagnostics) {
        return new Console(in, out, err, new Console.Services() {
            @Override
            public <S> Optional<S> find(Class<S> type) {
                return type == DiagnosticsRegistry.class ? Optional.of(type.cast(diagnostics)) : Optional.empty();
            }
        });
    }

    /** The services of the fast path: the diagnostics registry over the class path's catalogs, made when first asked. */
    static final class Engines implements Console.Services {

        private final ClassLoader loader;
        private DiagnosticsRegistry diagnostics;

        Engines(ClassLoader loader) {
            this.loader = loader;
        }

        @Override
        public <S> Optional<S> find(Class<S> type) {
            if (type != DiagnosticsRegistry.class) {
                return Optional.empty();
            }
            return Optional.of(type.cast(diagnostics()));
        }

        private synchronized DiagnosticsRegistry diagnostics() {
            if (diagnostics == null) {
                try {
                    Optional<List<Path>> indexed = catalogJars();
                    diagnostics = indexed.isPresent() ? DiagnosticsRegistry.fromJars(indexed.get()) : DiagnosticsRegistry.fromClassPath(loader);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            return diagnostics;
        }

        /**
         * The jars with catalogs as the build listed them in the product's {@code lib/fast/catalogs} (this class's jar
         * is in {@code plugins/}), so not every jar's manifest is opened; empty outside a built product.
         */
        private static Optional<List<Path>> catalogJars() throws IOException {
            Path ownJar;
            try {
                ownJar = Path.of(PlainLaunch.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            } catch (URISyntaxException | IllegalArgumentException notAFile) {
                return Optional.empty();
            }
            Path product = ownJar.getParent() == null ? null : ownJar.getParent().getParent();
            Path index = product == null ? null : product.resolve("lib/fast/catalogs");
            if (index == null || !Files.isRegularFile(index)) {
                return Optional.empty();
            }
            return Optional.of(Files.readAllLines(index).stream().filter(line -> !line.isBlank()).map(product::resolve).toList());
        }
    }
}
