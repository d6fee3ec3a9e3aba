package org.tokenbench.cli.internal;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;

import org.osgi.service.component.annotations.Component;
import org.tokenbench.cli.command.CommandContext;
import org.tokenbench.cli.command.CommandProvider;
import org.tokenbench.cli.command.ExitCode;
import org.tokenbench.cli.command.InputFile;
import org.tokenbench.cli.command.UsageException;
import org.tokenbench.core.ErrorCode;
import org.tokenbench.core.Secret;
import org.tokenbench.core.TokenException;
import org.tokenbench.core.device.Device;
import org.tokenbench.core.device.DeviceService;
import org.tokenbench.core.device.DeviceSession;
import org.tokenbench.core.device.DeviceTransport;
import org.tokenbench.core.device.OpenOptions;
import org.tokenbench.core.device.VendorLibraries;
import org.tokenbench.core.driver.Checklist;
import org.tokenbench.core.driver.DeviceDetails;
import org.tokenbench.core.driver.PinGuard;
import org.tokenbench.core.driver.PinStatus;
import org.tokenbench.core.driver.PinType;
import org.tokenbench.diagnostics.DiagnosticsRegistry;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code tokenbench guomi check|keys|pin|library}: USB keys behind a vendor's SKF library, through the "skf" transport
 * and whichever driver claimed the key (its {@link Checklist}, {@link PinGuard} and {@link DeviceDetails} features), so
 * a second SKF key family works unchanged. The library comes from {@code --library PATH} or a configured family.
 */
@Command(name = "guomi", description = "Check a Guomi SM2 USB key step by step, list keys, read or verify the PIN safely, "
        + "configure the vendors' SKF libraries.",
        subcommands = { GuomiCommand.Check.class, GuomiCommand.Keys.class, GuomiCommand.Pin.class, GuomiCommand.Library.class })
final class GuomiCommand {

    static final String SKF = "skf";
    /** tokenbench:0x000C: the vendor library lists no (such) key. */
    private static final ErrorCode NO_KEY = ErrorCode.of(ErrorCode.TOKENBENCH, 0x0C);
    private static final int MAX_CERTIFICATE_BYTES = 1024 * 1024;
    /** A CA's full CRL can be large (every certificate it ever revoked); beyond this it is not a CRL file. */
    private static final int MAX_CRL_BYTES = 32 * 1024 * 1024;

    /** Which library, and which of its keys. */
    static final class KeyOptions {
        @Option(names = "--library", paramLabel = "PATH", description = "The vendor's SKF library (a .so file).")
        String library;
        @Option(names = "--family", paramLabel = "NAME", description = "A key family configured with 'guomi library set'.")
        String family;
        @Option(names = "--device", paramLabel = "NAME", description = "The key, by the name the library gives it (default: the first).")
        String device;

        /** The library in use: attached for this run with --library, or the family's configured one. */
        Path library(DeviceTransport transport) throws UsageException, TokenException {
            if ((library == null) == (family == null)) {
                throw new UsageException("name the vendor's SKF library with --library PATH, or a configured --family NAME");
            }
            VendorLibraries libraries = vendorLibraries(transport);
            if (library != null) {
                return libraries.attach(Path.of(library));
            }
            Path configured = libraries.configured().get(family);
            if (configured == null) {
                throw new UsageException("no library is configured for family " + family + "; add it with: tokenbench guomi library set "
                        + family + " PATH");
            }
            return configured.toAbsolutePath().normalize();
        }

        /** The keys the library lists now, as the devices service sees them. */
        static List<Device> keys(DeviceService devices, Path library) {
            return devices.devices().stream().filter(d -> d.slot().transport().equals(SKF) && d.slot().devicePresent())
                    .filter(d -> Optional.ofNullable(d.slot().properties().get(VendorLibraries.LIBRARY_PROPERTY))
                            .map(p -> Path.of(p).toAbsolutePath().normalize().equals(library)).orElse(false))
                    .toList();
        }

        /** The key named by --device, or the first; its slot name is "library or family: key name". */
        Optional<Device> key(DeviceService devices, Path library) {
            return keys(devices, library).stream()
                    .filter(d -> device == null || d.slot().name().equals(device) || d.slot().name().endsWith(": " + device)).findFirst();
        }

        Device requiredKey(DeviceService devices, Path library) throws TokenException {
            List<Device> keys = keys(devices, library);
            return key(devices, library).orElseThrow(() -> new TokenException(NO_KEY, keys.isEmpty() ? "the library " + library
                    + " lists no key: plug one in" : "no key named " + device + " (found: " + keys.stream().map(d -> d.slot().name()).toList() + ")"));
        }
    }

    static VendorLibraries vendorLibraries(DeviceTransport transport) throws TokenException {
        return transport.feature(VendorLibraries.class).orElseThrow(() -> new TokenException(Console.SERVICE_MISSING,
                "the " + transport.displayName() + " transport does not manage vendor libraries"));
    }

    static DeviceTransport skf(DeviceService devices) throws TokenException {
        return devices.transport(SKF).orElseThrow(() -> new TokenException(Console.SERVICE_MISSING,
                "the SKF transport is not installed (org.tokenbench.skf is missing from the product)"));
    }

    @Command(name = "check", description = "The USB key environment checklist: library loads, exports the SKF functions, key "
            + "present, device info, application, SM2 container, certificate, validity and CA, PIN not locked, logon signature. "
            + "Each step PASSED, WARNING, FAILED or SKIPPED with detail; exit 0 all passed, 1 a step failed, 4 nothing failed "
            + "but steps were skipped (no CA file or no PIN given).")
    static final class Check implements Callable<Integer> {
        private final CommandContext context;
        @Mixin
        private KeyOptions key;
        @Option(names = "--ca-file", paramLabel = "FILE", description = "The CA certificate (DER, or a PEM bundle with the "
                + "intermediates) the key's certificate must chain to.")
        private InputFile caFile;
        @Option(names = "--crl-file", paramLabel = "FILE", description = "Revocation lists (DER or PEM CRLs) from the CA; without "
                + "them revocation is reported as not checked.")
        private InputFile crlFile;
        @Option(names = "--pin-file", paramLabel = "FILE", description = "The user PIN, for the logon rehearsal (- reads standard input); "
                + "verified once, never retried.")
        private InputFile pinFile;
        @Option(names = "--json", description = "One JSON object per step: step, title, status, detail, code.")
        private boolean json;

        Check(CommandContext context) {
            this.context = context;
        }

        @Override
        public Integer call() throws UsageException, TokenException {
            DeviceService devices = context.requireService(DeviceService.class);
            DeviceTransport transport = skf(devices);
            Path library = key.library(transport);
            devices.refresh();
            Optional<Device> found = key.key(devices, library);
            List<Checklist.Result> environment = transport.checkEnvironment(found.map(d -> d.slot().id()).orElse(library.toString()));
            environment.forEach(this::print);
            if (environment.stream().anyMatch(r -> r.status() == Checklist.Status.FAILED)) {
                return ExitCode.NEGATIVE;
            }
            Device device = key.requiredKey(devices, library);
            Optional<byte[]> ca = caFile == null ? Optional.empty() : Optional.of(caFile.readBytes(context, MAX_CERTIFICATE_BYTES));
            Optional<byte[]> crls = crlFile == null ? Optional.empty() : Optional.of(crlFile.readBytes(context, MAX_CRL_BYTES));
            Optional<Secret> pin = pinFile == null ? Optional.empty() : Optional.of(Secret.fromChars(pinFile.readSecretLine(context, "PIN")));
            try (DeviceSession session = devices.open(device.id(), OpenOptions.of(context.interaction()))) {
                Checklist checklist = session.feature(Checklist.class).orElseThrow(() -> new TokenException(NO_KEY,
                        "the " + session.family().name() + " key offers no checklist"));
                List<Checklist.Result> results = checklist.run(new Checklist.Inputs(ca, pin, crls), context.interaction(), this::print);
                if (results.stream().anyMatch(r -> r.status() == Checklist.Status.FAILED)) {
                    return ExitCode.NEGATIVE;
                }
                if (Checklist.passedWithUncheckedSteps(results)) {
                    context.err().println("passed with unchecked steps: "
                            + String.join(", ", results.stream().filter(r -> r.status() == Checklist.Status.SKIPPED).map(r -> r.step().title()).toList()));
                    return ExitCode.UNCHECKED;
                }
                return ExitCode.OK;
            } finally {
                pin.ifPresent(Secret::close);
            }
        }

        private void print(Checklist.Result result) {
            if (json) {
                context.out().println(new Json().field("step", result.step().id()).field("title", result.step().title())
                        .field("status", result.status().name()).field("detail", result.detail())
                        .field("code", result.code().map(Object::toString).orElse(null)));
                return;
            }
            context.out().printf("%-7s %s: %s%n", result.status(), result.step().title(), result.detail());
            if (result.status() == Checklist.Status.FAILED || result.status() == Checklist.Status.WARNING) {
                result.code().flatMap(code -> context.service(DiagnosticsRegistry.class).flatMap(registry -> registry.explain(code)))
                        .ifPresent(diagnosis -> {
                            context.out().println("        " + diagnosis.title() + " [" + result.code().get() + "]");
                            context.out().println("        What to do: " + diagnosis.remedy());
                        });
            }
        }
    }

    @Command(name = "keys", description = "List the keys the vendor library sees, one per line (exit 1 when none).")
    static final class Keys implements Callable<Integer> {
        private final CommandContext context;
        @Mixin
        private KeyOptions key;
        @Option(names = "--json", description = "One JSON object per key: name, id, driver, family, serial, and what the key tells "
                + "about itself (label, manufacturer, firmware, ...).")
        private boolean json;

        Keys(CommandContext context) {
            this.context = context;
        }

        @Override
        public Integer call() throws UsageException, TokenException {
            DeviceService devices = context.requireService(DeviceService.class);
            Path library = key.library(skf(devices));
            devices.refresh();
            List<Device> keys = key.device == null ? KeyOptions.keys(devices, library) : List.of(key.requiredKey(devices, library));
            if (keys.isEmpty()) {
                context.err().println("no key is plugged in (the library " + library + " lists none)");
                return ExitCode.NEGATIVE;
            }
            for (Device device : keys) {
                context.out().println(json ? details(devices, device) : device.slot().name());
            }
            return ExitCode.OK;
        }

        private Json details(DeviceService devices, Device device) throws TokenException {
            Json line = new Json().field("name", device.slot().name()).field("id", device.id())
                    .field("driver", device.claim().map(c -> c.driver().id()).orElse(null))
                    .field("family", device.claim().map(c -> c.family().id()).orElse(null)).field("serial", device.serial().orElse(null));
            if (device.state() != Device.State.CLAIMED) {
                return line.field("problem", device.problem().map(Device.Problem::message).orElse(device.state().name()));
            }
            try (DeviceSession session = devices.open(device.id(), OpenOptions.of(context.interaction()))) {
                Map<String, String> details = session.feature(DeviceDetails.class).isPresent()
                        ? session.feature(DeviceDetails.class).get().details() : Map.of();
                details.forEach(line::field);
            }
            return line;
        }
    }

    @Command(name = "pin", description = "Show the PIN's retry counter (read without spending a try; exit 1 when locked); with "
            + "--pin-file, verify it once: a locked PIN is never tried, the last try only after a \"yes\", a wrong PIN is never retried.")
    static final class Pin implements Callable<Integer> {
        private final CommandContext context;
        @Mixin
        private KeyOptions key;
        @Option(names = "--pin-file", paramLabel = "FILE", description = "The PIN to verify once (- reads standard input).")
        private InputFile pinFile;
        @Option(names = "--admin", description = "The administrator PIN instead of the user PIN.")
        private boolean admin;

        Pin(CommandContext context) {
            this.context = context;
        }

        @Override
        public Integer call() throws UsageException, TokenException {
            DeviceService devices = context.requireService(DeviceService.class);
            Path library = key.library(skf(devices));
            devices.refresh();
            Device device = key.requiredKey(devices, library);
            PinType type = admin ? PinType.ADMIN : PinType.USER;
            try (DeviceSession session = devices.open(device.id(), OpenOptions.of(context.interaction()))) {
                PinGuard guard = session.feature(PinGuard.class).orElseThrow(() -> new UsageException(
                        "the " + session.family().name() + " key has no PIN"));
                if (pinFile == null) {
                    PinStatus status = guard.status(type);
                    context.out().println(status.describe());
                    return status.isLocked() ? ExitCode.NEGATIVE : ExitCode.OK;
                }
                try (Secret pin = Secret.fromChars(pinFile.readSecretLine(context, "PIN"))) {
                    context.out().println("verified; " + guard.verify(type, pin, context.interaction()).describe());
                    return ExitCode.OK;
                }
            }
        }
    }

    @Command(name = "library", description = "Which vendor SKF library serves which key family (shared with the workbench).",
            subcommands = { LibraryList.class, LibrarySet.class, LibraryRemove.class })
    static final class Library {
    }

    @Command(name = "list", description = "Print each configured family and its library, tab-separated.")
    static final class LibraryList implements Callable<Integer> {
        private final CommandContext context;

        LibraryList(CommandContext context) {
            this.context = context;
        }

        @Override
        public Integer call() throws TokenException {
            Map<String, Path> configured = vendorLibraries(skf(context.requireService(DeviceService.class))).configured();
            configured.forEach((family, path) -> context.out().println(family + "\t" + path));
            return ExitCode.OK;
        }
    }

    @Command(name = "set", description = "Configure the library of a key family; a file that does not load as an SKF library is refused.")
    static final class LibrarySet implements Callable<Integer> {
        private final CommandContext context;
        @Parameters(index = "0", paramLabel = "FAMILY", description = "The family name (letters, digits, . _ -).")
        private String family;
        @Parameters(index = "1", paramLabel = "PATH", description = "The vendor's SKF library (a .so file).")
        private Path path;

        LibrarySet(CommandContext context) {
            this.context = context;
        }

        @Override
        public Integer call() throws UsageException, TokenException {
            try {
                vendorLibraries(skf(context.requireService(DeviceService.class))).configure(family, path);
            } catch (IllegalArgumentException e) {
                throw new UsageException(e.getMessage());
            }
            return ExitCode.OK;
        }
    }

    @Command(name = "remove", description = "Forget the library of a key family (the file itself stays); a running workbench "
            + "follows within seconds.")
    static final class LibraryRemove implements Callable<Integer> {
        private final CommandContext context;
        @Parameters(index = "0", paramLabel = "FAMILY", description = "The family name, as 'guomi library list' prints it.")
        private String family;

        LibraryRemove(CommandContext context) {
            this.context = context;
        }

        @Override
        public Integer call() throws UsageException, TokenException {
            VendorLibraries libraries = vendorLibraries(skf(context.requireService(DeviceService.class)));
            Set<String> configured = libraries.configured().keySet();
            if (!configured.contains(family)) {
                throw new UsageException("no library is configured for the family '" + family + "'"
                        + (configured.isEmpty() ? "" : " (configured: " + String.join(", ", new java.util.TreeSet<>(configured)) + ")"));
            }
            libraries.remove(family);
            return ExitCode.OK;
        }
    }

    @Component(service = CommandProvider.class)
    public static final class Provider implements CommandProvider {
        @Override
        public Object command(CommandContext context) {
            return new GuomiCommand();
        }
    }
}
