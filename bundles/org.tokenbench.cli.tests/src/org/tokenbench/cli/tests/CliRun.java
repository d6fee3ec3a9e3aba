package org.tokenbench.cli.tests;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.tokenbench.cli.internal.CommandLineTool;
import org.tokenbench.cli.internal.Console;

/** Runs the real command-line tool in this OSGi framework and keeps what it printed (stdout as UTF-8 text and as bytes). */
public record CliRun(int exitCode, String out, String err, byte[] stdout) {

    public static CliRun withStdin(String stdin, String... args) {
        return withInput(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), args);
    }

    /** Standard input from a stream the test controls, e.g. one that reads a token's display when asked. */
    public static CliRun withInput(java.io.InputStream stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        BundleContext context = FrameworkUtil.getBundle(CliRun.class).getBundleContext();
        Console console = new Console(stdin,
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), context);
        // As the headless application does: the commands are the CommandProvider services registered now.
        int code = CommandLineTool.fromServices(context).run(args, console);
        return new CliRun(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8), out.toByteArray());
    }

    public static CliRun of(String... args) {
        return withStdin("", args);
    }
}
