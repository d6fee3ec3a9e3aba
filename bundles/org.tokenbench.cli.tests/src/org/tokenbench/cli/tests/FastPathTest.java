package org.tokenbench.cli.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.tokenbench.cli.command.CommandProvider;
import org.tokenbench.cli.internal.Console;
import org.tokenbench.cli.internal.PlainLaunch;
import org.tokenbench.diagnostics.DiagnosticsRegistry;

/**
 * The fast path (PlainLaunch: no OSGi, only the device-less commands' providers, a context whose only service is the
 * diagnostics registry) prints what the OSGi path prints. The whole product is compared byte for byte by
 * releng/scripts/test-fast-path; this compares the two command trees and contexts inside one framework.
 */
class FastPathTest {

    @TempDir
    Path dir;

    @Test
    void theFastProvidersAreTheRegisteredOnes() throws InvalidSyntaxException {
        BundleContext context = FrameworkUtil.getBundle(FastPathTest.class).getBundleContext();
        Set<String> registered = context.getServiceReferences(CommandProvider.class, null).stream()
                .map(reference -> context.getService(reference).getClass().getName()).collect(Collectors.toSet());
        CliRun.of("version"); // the CLI bundle's components are active
        Set<String> registeredNow = context.getServiceReferences(CommandProvider.class, null).stream()
                .map(reference -> context.getService(reference).getClass().getName()).collect(Collectors.toSet());
        registeredNow.addAll(registered);
        for (String fast : List.of("org.tokenbench.cli.internal.OtpCommand$Provider", "org.tokenbench.cli.internal.DiagnoseCommand$Provider",
                "org.tokenbench.cli.internal.QrCommand$Provider", "org.tokenbench.cli.internal.SeedsCommand$Provider")) {
            assertTrue(registeredNow.contains(fast), fast + " is no DS CommandProvider any more: " + registeredNow);
        }
    }

    @Test
    void sameBytesAndExitCodesAsOsgi() throws IOException {
        Path secret = Files.writeString(dir.resolve("secret"), "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ\n");
        Path uri = Files.writeString(dir.resolve("uri"), "otpauth://totp/Acme:alice\u001b[2J?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=Acme\n");
        Path csv = Files.writeString(dir.resolve("seeds.csv"), "serial,secret\n");
        List<List<String>> lines = List.of(
                List.of("otp", "code", "--secret-file", secret.toString(), "--time", "0"),
                List.of("otp", "code", "--secret-file", secret.toString(), "--time", "59", "--json"),
                List.of("otp", "code", "--secret-file", dir.resolve("missing").toString()),
                List.of("otp", "code", "--secret-file", "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"),
                List.of("otp", "frob"), List.of("otp"), List.of("otp", "--help"),
                List.of("otp", "explain", "--uri-file", uri.toString()),
                List.of("diagnose", "0x21220003"), List.of("diagnose", "0x99999999"), List.of("diagnose", "zz"),
                List.of("diagnose", "--list", "otp"), List.of("qr", "decode", secret.toString()),
                List.of("seeds", "check", csv.toString()), List.of("seeds", "check", dir.resolve("none.csv").toString()));
        DiagnosticsRegistry registry = osgiRegistry();
        for (List<String> line : lines) {
            String[] args = line.toArray(String[]::new);
            CliRun osgi = CliRun.of(args);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            Console console = PlainLaunch.console(new ByteArrayInputStream(new byte[0]), new PrintStream(out, true, StandardCharsets.UTF_8),
                    new PrintStream(err, true, StandardCharsets.UTF_8), registry);
            int exitCode = PlainLaunch.tool().run(args, console);
            assertEquals(osgi.exitCode(), exitCode, "exit code of " + line);
            assertArrayEquals(osgi.stdout(), out.toByteArray(), "stdout of " + line);
            assertEquals(osgi.err(), err.toString(StandardCharsets.UTF_8), "stderr of " + line);
        }
    }

    private static DiagnosticsRegistry osgiRegistry() {
        BundleContext context = FrameworkUtil.getBundle(FastPathTest.class).getBundleContext();
        ServiceReference<DiagnosticsRegistry> reference = context.getServiceReference(DiagnosticsRegistry.class);
        return context.getService(reference);
    }
}
