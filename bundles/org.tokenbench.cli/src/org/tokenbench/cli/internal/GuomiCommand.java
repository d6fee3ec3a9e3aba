package org.tokenbench.cli.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.tokenbench.core.Secret;
import org.tokenbench.core.TokenBenchHome;
import org.tokenbench.core.TokenException;
import org.tokenbench.diagnostics.DiagnosticsRegistry;
import org.tokenbench.driver.guomi.CheckResult;
import org.tokenbench.driver.guomi.DeviceInfo;
import org.tokenbench.driver.guomi.EnvironmentCheck;
import org.tokenbench.driver.guomi.GuomiException;
import org.tokenbench.driver.guomi.GuomiProblem;
import org.tokenbench.driver.guomi.PinInfo;
import org.tokenbench.driver.guomi.PinSafety;
import org.tokenbench.driver.guomi.PinType;
import org.tokenbench.driver.guomi.SkfApplication;
import org.tokenbench.driver.guomi.SkfDevice;
import org.tokenbench.driver.guomi.SkfLibrary;
import org.tokenbench.driver.guomi.VendorLibraries;

/**
 * {@code tokenbench guomi check|keys|pin|library}: Guomi SM2 USB keys through their vendor's SKF library. The
 * library comes from {@code --library PATH} or from a family configured with {@code guomi library set}.
 */
final class GuomiCommand extends CommandGroup {

    private static final String USAGE = "guomi check|keys|pin|library; the vendor library from --library PATH or --family NAME";
    private static final Set<String> LIBRARY_OPTIONS = Set.of("library", "family", "device");

    GuomiCommand() {
        subcommand("check", this::check);
        subcommand("keys", this::keys);
        subcommand("pin", this::pin);
        subcommand("library", this::library);
    }

    @Override
    public String name() {
        return "guomi";
    }

    @Override
    public String summary() {
        return "check a Guomi SM2 USB key step by step, list keys, verify the PIN safely, configure vendor libraries";
    }

    @Override
    protected String usage() {
        return USAGE;
    }

    /** Exit 0 when every step passed (warnings allowed), 1 when a step failed. */
    private int check(List<String> args, Console console) throws UsageException, TokenException {
        Arguments arguments = Arguments.parse(args, Set.of("json"), Arguments.union(LIBRARY_OPTIONS, Set.of("ca-file", "pin-file")));
        Optional<byte[]> ca = Optional.empty();
        if (arguments.option("ca-file").isPresent()) {
            ca = Optional.of(caCertificate(arguments.option("ca-file").get()));
        }
        Optional<Secret> pin = Optional.empty();
        if (arguments.option("pin-file").isPresent()) {
            pin = Optional.of(Secret.fromChars(SecretInput.readChars(arguments.option("pin-file").get(), console.in())));
        }
        boolean json = arguments.has("json");
        try {
            EnvironmentCheck.Options options = new EnvironmentCheck.Options(library(arguments), arguments.option("device"), ca, pin);
            List<CheckResult> results = EnvironmentCheck.run(options, new ConsoleInteraction(console), result -> print(result, json, console));
            return results.stream().anyMatch(r -> r.status() == CheckResult.Status.FAILED) ? ExitCode.NEGATIVE : ExitCode.OK;
        } finally {
            pin.ifPresent(Secret::close);
        }
    }

    private static void print(CheckResult result, boolean json, Console console) {
        if (json) {
            console.out().println(new Json().field("step", result.step().name()).field("title", result.step().title())
                    .field("status", result.status().name()).field("detail", result.detail())
                    .field("code", result.code().map(Object::toString).orElse(null)));
            return;
        }
        console.out().printf("%-7s %s: %s%n", result.status(), result.step().title(), result.detail());
        if (result.status() == CheckResult.Status.FAILED || result.status() == CheckResult.Status.WARNING) {
            result.code().flatMap(code -> console.service(DiagnosticsRegistry.class).flatMap(registry -> registry.explain(code)))
                    .ifPresent(diagnosis -> {
                        console.out().println("        " + diagnosis.title() + " [" + result.code().get() + "]");
                        console.out().println("        What to do: " + diagnosis.remedy());
                    });
        }
    }

    /** The keys the library sees, one per line: name, then serial and label with --json. */
    private int keys(List<String> args, Console console) throws UsageException, TokenException {
        Arguments arguments = Arguments.parse(args, Set.of("json"), LIBRARY_OPTIONS);
        SkfLibrary library = SkfLibrary.load(library(arguments));
        List<SkfLibrary.KeyName> keys = library.devices();
        if (keys.isEmpty()) {
            console.err().println("no key is plugged in (the library " + library.path() + " lists none)");
            return ExitCode.NEGATIVE;
        }
        for (SkfLibrary.KeyName key : keys) {
            if (!arguments.has("json")) {
                console.out().println(key.display());
                continue;
            }
            try (SkfDevice device = library.connect(key)) {
                DeviceInfo info = device.info();
                console.out().println(new Json().field("name", key.display()).field("serial", info.serialNumber()).field("label", info.label())
                        .field("manufacturer", info.manufacturer()).field("firmware", info.firmwareVersion()));
            }
        }
        return ExitCode.OK;
    }

    /** Shows the user PIN's retry counter; with --pin-file verifies it once (never retried, last try confirmed). */
    private int pin(List<String> args, Console console) throws UsageException, TokenException {
        Arguments arguments = Arguments.parse(args, Set.of("admin"), Arguments.union(LIBRARY_OPTIONS, Set.of("pin-file")));
        PinType type = arguments.has("admin") ? PinType.ADMIN : PinType.USER;
        SkfLibrary library = SkfLibrary.load(library(arguments));
        try (SkfDevice device = library.connect(firstKey(library, arguments));
             SkfApplication application = device.openApplication(firstApplication(device))) {
            if (arguments.option("pin-file").isEmpty()) {
                PinInfo info = application.pinInfo(type);
                console.out().println(info.remainingRetries() + " of " + info.maxRetries() + " tries left" + (info.isLocked() ? " (locked)" : ""));
                return info.isLocked() ? ExitCode.NEGATIVE : ExitCode.OK;
            }
            try (Secret pin = Secret.fromChars(SecretInput.readChars(arguments.option("pin-file").get(), console.in()))) {
                PinInfo after = PinSafety.verify(application, type, pin, new ConsoleInteraction(console));
                console.out().println("verified; " + after.remainingRetries() + " of " + after.maxRetries() + " tries left");
                return ExitCode.OK;
            }
        }
    }

    /** {@code guomi library list} and {@code guomi library set FAMILY PATH}. */
    private int library(List<String> args, Console console) throws UsageException, TokenException {
        VendorLibraries libraries = new VendorLibraries(TokenBenchHome.directory());
        List<String> words = Arguments.parse(args, Set.of(), Set.of()).positionals();
        if (words.size() == 3 && words.get(0).equals("set")) {
            Path path = Path.of(words.get(2));
            SkfLibrary.load(path);  // refuses a path that is not a loadable library, before it is saved
            try {
                libraries.set(words.get(1), path);
            } catch (IllegalArgumentException e) {
                throw new UsageException(e.getMessage());
            }
            return ExitCode.OK;
        }
        if (words.size() == 1 && words.get(0).equals("list")) {
            for (Map.Entry<String, Path> entry : libraries.all().entrySet()) {
                console.out().println(entry.getKey() + "\t" + entry.getValue());
            }
            return ExitCode.OK;
        }
        throw new UsageException("guomi library list | guomi library set FAMILY PATH");
    }

    private static Path library(Arguments arguments) throws UsageException, TokenException {
        Optional<String> path = arguments.option("library");
        Optional<String> family = arguments.option("family");
        if (path.isPresent() == family.isPresent()) {
            throw new UsageException("name the vendor's SKF library with --library PATH, or a configured --family NAME");
        }
        if (path.isPresent()) {
            return Path.of(path.get());
        }
        return new VendorLibraries(TokenBenchHome.directory()).library(family.get())
                .orElseThrow(() -> new UsageException("no library is configured for family " + family.get()
                        + "; add it with: tokenbench guomi library set " + family.get() + " PATH"));
    }

    private static SkfLibrary.KeyName firstKey(SkfLibrary library, Arguments arguments) throws GuomiException {
        List<SkfLibrary.KeyName> keys = library.devices();
        Optional<String> wanted = arguments.option("device");
        return keys.stream().filter(k -> wanted.isEmpty() || k.display().equals(wanted.get())).findFirst()
                .orElseThrow(() -> new GuomiException(GuomiProblem.NO_DEVICE, keys.isEmpty() ? "the library lists no key"
                        : "no key named " + wanted.get()));
    }

    private static String firstApplication(SkfDevice device) throws GuomiException {
        List<String> applications = new ArrayList<>(device.applications());
        if (applications.isEmpty()) {
            throw new GuomiException(GuomiProblem.NO_APPLICATION, "the key lists no application");
        }
        return applications.get(0);
    }

    private static byte[] caCertificate(String file) throws GuomiException {
        try {
            return Files.readAllBytes(Path.of(file));
        } catch (IOException | java.nio.file.InvalidPathException e) {
            throw new GuomiException(GuomiProblem.CA_UNREADABLE, file + ": cannot be read (" + e.getMessage() + ")");
        }
    }

}
