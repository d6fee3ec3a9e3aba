package org.tokenbench.cli.internal;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.osgi.service.component.annotations.Component;
import org.tokenbench.cli.command.CommandContext;
import org.tokenbench.cli.command.CommandProvider;
import org.tokenbench.cli.command.ExitCode;
import org.tokenbench.cli.command.InputFile;
import org.tokenbench.cli.command.UsageException;
import org.tokenbench.core.Secret;
import org.tokenbench.core.TokenException;
import org.tokenbench.core.fleet.AuditEntry;
import org.tokenbench.core.fleet.AuditEvent;
import org.tokenbench.core.fleet.DeviceInventory;
import org.tokenbench.core.fleet.DeviceInventory.Entry;
import org.tokenbench.core.fleet.DeviceInventory.State;
import org.tokenbench.fleet.AuditTrail;
import org.tokenbench.fleet.InventoryCsv;
import org.tokenbench.fleet.InventoryFilter;
import org.tokenbench.fleet.SeedVault;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code tokenbench fleet list|show|set|retire|vault}: the inventory of every device TokenBench has seen or
 * programmed, kept by the fleet bundle (H2 under the TokenBench home, or the team's PostgreSQL).
 */
@Command(name = "fleet", description = "List, inspect and update the inventory of devices TokenBench has seen or programmed.",
        subcommands = { FleetCommand.ListDevices.class, FleetCommand.Show.class, FleetCommand.Set.class, FleetCommand.Retire.class,
                FleetCommand.Vault.class })
final class FleetCommand {

    /** Which device: a serial, and its family when the serial alone is ambiguous. */
    static final class Target {
        @Parameters(index = "0", paramLabel = "SERIAL", description = "The device's serial number, as tokenbench fleet list prints it.")
        String serial;

        @Option(names = "--family", paramLabel = "FAMILY", description = "The device family (needed only when two families share the serial).")
        String family;

        /** The inventory service and the entry SERIAL names in it: where show, set and retire start. */
        Found find(CommandContext context) throws TokenException, UsageException {
            DeviceInventory inventory = context.requireService(DeviceInventory.class);
            return new Found(inventory, resolve(inventory));
        }

        Entry resolve(DeviceInventory inventory) throws TokenException, UsageException {
            if (family != null) {
                return inventory.find(family, serial).orElseThrow(() -> new UsageException("no " + family + " device with serial " + serial
                        + " in the inventory"));
            }
            List<Entry> matching = inventory.list().stream().filter(e -> e.serial().equals(serial)).toList();
            if (matching.isEmpty()) {
                throw new UsageException("no device with serial " + serial + " in the inventory (tokenbench fleet list shows them)");
            }
            if (matching.size() > 1) {
                throw new UsageException("serial " + serial + " is in several families ("
                        + String.join(", ", matching.stream().map(Entry::family).toList()) + "): add --family");
            }
            return matching.get(0);
        }
    }

    static State state(String name) throws UsageException {
        return InventoryFilter.state(name).orElseThrow(() -> new UsageException("'" + name + "' is not a state: use new, programmed, "
                + "confirmed, retired or lost"));
    }

    record Found(DeviceInventory inventory, Entry entry) {
    }

    /** A device's record on stdout, as one JSON object or one {@link #line}; exit 0. */
    static int print(CommandContext context, Entry entry, boolean json) {
        context.out().println(json ? toJson(entry) : line(entry));
        return ExitCode.OK;
    }

    static Json toJson(Entry entry) {
        return new Json().field("family", entry.family()).field("serial", entry.serial()).field("driver", entry.driver())
                .field("firmware", entry.firmware()).field("owner", entry.owner()).field("account", entry.account())
                .field("state", entry.state().name().toLowerCase(Locale.ROOT))
                .field("lastSkewSeconds", entry.lastSkew().map(skew -> skew.toSeconds()).orElse(null))
                .field("firstSeen", entry.firstSeen().toString()).field("lastSeen", entry.lastSeen().toString());
    }

    static String line(Entry entry) {
        return String.join("\t", entry.family(), entry.serial(), entry.state().name().toLowerCase(Locale.ROOT), entry.owner(), entry.account());
    }

    @Command(name = "list", description = "One line per device: family, serial, state, owner, account (tab-separated).")
    static final class ListDevices implements Callable<Integer> {
        private final CommandContext context;
        @Option(names = "--filter", paramLabel = "WORDS", description = "Only devices whose columns contain every word (any case).")
        private String filter = "";
        @Option(names = "--state", paramLabel = "STATE", description = "Only devices in this state: new, programmed, confirmed, retired or lost.")
        private String state;
        @Option(names = "--json", description = "One JSON object per device: family, serial, driver, firmware, owner, account, state, "
                + "lastSkewSeconds, firstSeen, lastSeen.")
        private boolean json;
        @Option(names = "--csv", description = "CSV with a header line (the same columns as --json), for spreadsheets and asset registers.")
        private boolean csv;

        ListDevices(CommandContext context) {
            this.context = context;
        }

        @Override
        public Integer call() throws TokenException, UsageException {
            if (json && csv) {
                throw new UsageException("--json and --csv are alternatives: choose one");
            }
            InventoryFilter selection = new InventoryFilter(filter, state == null ? Optional.empty() : Optional.of(state(state)));
            List<Entry> entries = selection.apply(context.requireService(DeviceInventory.class).list());
            if (csv) {
                context.out().print(InventoryCsv.format(entries));
                context.out().flush();
                AuditCommand.record(context, AuditEvent.succeeded(AuditEvent.EXPORT, "", "", "inventory of " + entries.size() + " device(s) as CSV"));
            } else {
                entries.forEach(entry -> print(context, entry, json));
            }
            if (entries.isEmpty() && !csv) {
                context.err().println("no device in the inventory matches");
                return ExitCode.NEGATIVE;
            }
            return ExitCode.OK;
        }
    }

    @Command(name = "show", description = "Print a device's inventory record, then its history from the audit log, oldest first.")
    static final class Show implements Callable<Integer> {
        private final CommandContext context;
        @picocli.CommandLine.Mixin
        private Target target;
        @Option(names = "--json", description = "One JSON object: the record's fields and history (sequence, time, user, action, outcome, code, detail).")
        private boolean json;

        Show(CommandContext context) {
            this.context = context;
        }

        @Override
        public Integer call() throws TokenException, UsageException {
            Entry entry = target.find(context).entry();
            List<AuditEntry> history = context.requireService(AuditTrail.class).history(entry.family(), entry.serial());
            if (json) {
                context.out().println(toJson(entry).field("history", history.stream().map(AuditCommand::toJson).toList()));
                return ExitCode.OK;
            }
            context.out().println("family: " + entry.family());
            context.out().println("serial: " + entry.serial());
            context.out().println("driver: " + entry.driver());
            context.out().println("firmware: " + entry.firmware());
            context.out().println("state: " + entry.state().name().toLowerCase(Locale.ROOT));
            context.out().println("owner: " + entry.owner());
            context.out().println("account: " + entry.account());
            context.out().println("last clock skew: " + entry.lastSkew().map(skew -> skew.toSeconds() + " s").orElse("unknown"));
            context.out().println("first seen: " + entry.firstSeen());
            context.out().println("last seen: " + entry.lastSeen());
            history.forEach(item -> context.out().println("history: " + AuditCommand.line(item)));
            return ExitCode.OK;
        }
    }

    @Command(name = "set", description = "Change a device's owner, account or state; each change is recorded in the audit log.")
    static final class Set implements Callable<Integer> {
        private final CommandContext context;
        @picocli.CommandLine.Mixin
        private Target target;
        @Option(names = "--owner", paramLabel = "OWNER", description = "Who holds the device (an empty value unassigns it).")
        private String owner;
        @Option(names = "--account", paramLabel = "ISSUER:ACCOUNT", description = "The credential on the device.")
        private String account;
        @Option(names = "--state", paramLabel = "STATE", description = "new, programmed, confirmed, retired or lost.")
        private String state;
        @Option(names = "--json", description = "Print the updated record as JSON.")
        private boolean json;

        Set(CommandContext context) {
            this.context = context;
        }

        @Override
        public Integer call() throws TokenException, UsageException {
            if (owner == null && account == null && state == null) {
                throw new UsageException("nothing to change: give --owner, --account or --state");
            }
            Found found = target.find(context);
            DeviceInventory inventory = found.inventory();
            Entry entry = found.entry();
            if (state != null || account != null) {
                entry = inventory.changeState(entry.family(), entry.serial(), state == null ? entry.state() : state(state),
                        account == null ? "" : account);
            }
            if (owner != null) {
                entry = inventory.assign(entry.family(), entry.serial(), owner.strip());
            }
            return print(context, entry, json);
        }
    }

    @Command(name = "retire", description = "Mark a device retired (or --lost); its history stays in the audit log.")
    static final class Retire implements Callable<Integer> {
        private final CommandContext context;
        @picocli.CommandLine.Mixin
        private Target target;
        @Option(names = "--lost", description = "The device is lost rather than retired.")
        private boolean lost;

        Retire(CommandContext context) {
            this.context = context;
        }

        @Override
        public Integer call() throws TokenException, UsageException {
            Found found = target.find(context);
            return print(context, found.inventory().changeState(found.entry().family(), found.entry().serial(),
                    lost ? State.LOST : State.RETIRED, ""), false);
        }
    }

    @Command(name = "vault", description = "The opt-in seed vault: seeds kept encrypted under a passphrase (Argon2id) to program a lost "
            + "token's replacement with the same key.", subcommands = { Vault.Status.class, Vault.Enable.class })
    static final class Vault {

        @Command(name = "status", description = "Print enabled or disabled (exit 1 when disabled).")
        static final class Status implements Callable<Integer> {
            private final CommandContext context;

            Status(CommandContext context) {
                this.context = context;
            }

            @Override
            public Integer call() throws TokenException {
                boolean enabled = context.requireService(SeedVault.class).isEnabled();
                context.out().println(enabled ? "enabled" : "disabled");
                return enabled ? ExitCode.OK : ExitCode.NEGATIVE;
            }
        }

        @Command(name = "enable", description = "Opt in: set the vault's passphrase (at least 12 characters; it cannot be changed or recovered).")
        static final class Enable implements Callable<Integer> {
            private final CommandContext context;
            @Option(names = "--passphrase-file", required = true, paramLabel = "FILE", description = "The passphrase (- reads standard input).")
            private InputFile passphraseFile;

            Enable(CommandContext context) {
                this.context = context;
            }

            @Override
            public Integer call() throws TokenException {
                try (Secret passphrase = Secret.fromChars(passphraseFile.readText(context))) {
                    context.requireService(SeedVault.class).enable(passphrase);
                }
                context.err().println("seed vault enabled: programming can now keep seeds, encrypted under this passphrase");
                return ExitCode.OK;
            }
        }
    }

    @Component(service = CommandProvider.class)
    public static final class Provider implements CommandProvider {
        @Override
        public Object command(CommandContext context) {
            return new FleetCommand();
        }
    }
}
