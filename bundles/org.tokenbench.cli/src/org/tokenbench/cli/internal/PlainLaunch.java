package org.tokenbench.cli.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
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

    /**
     * The product folder's property: the launcher names the folder, since a class mapped from the JVM's AOT cache of a
     * moved install may have no code source location.
     */
    static final String PRODUCT_PROPERTY = "tokenbench.product";

    public static void main(String[] args) throws IOException {
        // Picocli probes for Groovy's Closure class once: a miss searches every jar of the class path (~15 ms).
        System.setProperty("picocli.disable.closures", "true");
        if (args.length == 1 && args[0].equals("--index")) {
            FAST_COMMANDS.forEach(System.out::println);
            return;
        }
        if (args.length == 2 && args[0].equals("--train")) {
            train(Path.of(args[1]));
            return;
        }
        // The launcher escapes every word for Equinox on both paths; here they are unescaped the same way.
        int exitCode = run(LaunchArguments.commandWords(args));
        // Halt, not exit: System.exit looks up a logger for the exit (JDK 17+), which searches every jar of the class
        // path for a logging service (~15 ms of a ~0.13 s command). Nothing is left to do at exit: run() flushed
        // stdout and stderr, every file a command writes is closed when it returns, and this path registers no
        // shutdown hook.
        Runtime.getRuntime().halt(exitCode);
    }

    /** Runs one command line as the headless application would, with the streams of this process. */
    static int run(String[] args) {
        Console console = new Console(System.in, System.out, System.err, new Engines(PlainLaunch.class.getClassLoader()));
        return CommandLineTool.runProcess(PlainLaunch::tool, args, console);
    }

    /**
     * Build time only: the training run from which the build makes the fast path's AOT cache
     * ({@code -XX:AOTCacheOutput}). Runs typical fast command lines once each, output discarded, so the cache holds
     * the classes they load and link and the profile of what they run. {@code scratch} is a writable folder.
     */
    static void train(Path scratch) throws IOException {
        // RFC 6238's published test key, not a secret.
        Path key = Files.writeString(scratch.resolve("training-key"), "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ\n");
        Path uri = Files.writeString(scratch.resolve("training-uri"), "otpauth://totp/Acme:alice?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=Acme\n");
        List<String[]> lines = List.of(new String[] { "otp", "code", "--secret-file", key.toString() },
                new String[] { "otp", "code", "--secret-file", key.toString(), "--json" },
                new String[] { "otp", "explain", "--uri-file", uri.toString() }, new String[] { "diagnose", "0x21220003" },
                new String[] { "diagnose", "0x21220003", "--json" }, new String[] { "diagnose", "0x7fff0001" },
                new String[] { "otp", "code", "--help" }, new String[] { "otp", "frob" });
        PrintStream nowhere = new PrintStream(OutputStream.nullOutputStream());
        for (String[] line : lines) {
            Console console = new Console(InputStream.nullInputStream(), nowhere, nowhere, new Engines(PlainLaunch.class.getClassLoader()));
            CommandLineTool.runProcess(PlainLaunch::tool, line, console);
        }
    }

    /** The fast path's command tool: the fast commands' providers only. */
    public static CommandLineTool tool() {
        return new CommandLineTool(providers());
    }

    /**
     * A context as the fast path makes one, whose only service is {@code diagnostics} (the tests give it the OSGi
     * registry, to compare the two paths' output inside one framework).
     */
    public static Console console(InputStream in, PrintStream out, PrintStream err, DiagnosticsRegistry diagnostics) {
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
            Path product = productFolder();
            Path index = product == null ? null : product.resolve("lib/fast/catalogs");
            if (index == null || !Files.isRegularFile(index)) {
                return Optional.empty();
            }
            return Optional.of(Files.readAllLines(index).stream().filter(line -> !line.isBlank()).map(product::resolve).toList());
        }

        /** The product folder the launcher names, else the one this class's jar is in ({@code plugins/}); null outside one. */
        private static Path productFolder() {
            String named = System.getProperty(PRODUCT_PROPERTY);
            if (named != null && !named.isEmpty()) {
                return Path.of(named);
            }
            CodeSource source = PlainLaunch.class.getProtectionDomain().getCodeSource();
            if (source == null || source.getLocation() == null) {
                return null;
            }
            try {
                Path ownJar = Path.of(source.getLocation().toURI());
                return ownJar.getParent() == null ? null : ownJar.getParent().getParent();
            } catch (URISyntaxException | IllegalArgumentException notAFile) {
                return null;
            }
        }
    }
}
