package org.tokenbench.cli.tests;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.osgi.framework.FrameworkUtil;
import org.tokenbench.cli.internal.CommandLineTool;
import org.tokenbench.cli.internal.Console;

/** Runs the real command-line tool in this OSGi framework and keeps what it printed. */
public record CliRun(int exitCode, String out, String err) {

    public static CliRun withStdin(String stdin, String... args) {
        return withInput(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), args);
    }

    /** Standard input from a stream the test controls, e.g. one that reads a token's display when asked. */
    public static CliRun withInput(java.io.InputStream stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Console console = new Console(stdin,
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                FrameworkUtil.getBundle(CliRun.class).getBundleContext());
        int code = CommandLineTool.standard().run(args, console);
        return new CliRun(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    public static CliRun of(String... args) {
        return withStdin("", args);
    }
}
