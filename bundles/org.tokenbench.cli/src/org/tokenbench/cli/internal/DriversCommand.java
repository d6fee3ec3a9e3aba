package org.tokenbench.cli.internal;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

import org.osgi.service.component.annotations.Component;
import org.tokenbench.cli.command.CommandContext;
import org.tokenbench.cli.command.CommandProvider;
import org.tokenbench.cli.command.ExitCode;
import org.tokenbench.core.TokenException;
import org.tokenbench.core.driver.DriverRegistry;
import org.tokenbench.core.driver.DriverRegistry.RegisteredDriver;
import org.tokenbench.core.driver.FamilyDescriptor;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code tokenbench drivers [--json]}: the device drivers installed in this product, with their families as data. */
@Command(name = "drivers", description = "List the installed device drivers, one id per line.")
final class DriversCommand implements Callable<Integer> {

    private final CommandContext context;

    @Option(names = "--json", description = "Print a JSON array: id, vendor, name, version, features, and each family with its settings.")
    private boolean json;

    DriversCommand(CommandContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws TokenException {
        List<RegisteredDriver> drivers = context.requireService(DriverRegistry.class).drivers();
        if (json) {
            context.out().println(drivers.stream().map(DriversCommand::toJson).collect(Collectors.joining(",\n  ", "[\n  ", "\n]")));
        } else {
            drivers.forEach(d -> context.out().println(d.info().id()));
        }
        return ExitCode.OK;
    }

    private static String toJson(RegisteredDriver driver) {
        return new Json().field("id", driver.info().id()).field("vendor", driver.info().vendor()).field("name", driver.info().displayName())
                .field("version", driver.info().version()).field("features", driver.descriptor().features())
                .field("families", driver.descriptor().families().stream().map(DriversCommand::toJson).toList()).toString();
    }

    static Json toJson(FamilyDescriptor family) {
        return new Json().field("id", family.id()).field("name", family.name())
                .field("atr", family.anyAtr() ? List.of("any") : family.atrPatterns().stream().map(Object::toString).toList())
                .field("readers", family.readerPatterns())
                .field("algorithms", family.algorithms().stream().sorted().map(Enum::name).toList()).field("digits", family.digits())
                .field("periods", family.periods()).field("displaySeconds", family.displaySeconds()).field("profiles", family.profiles())
                .field("pins", family.pinTypes().stream().sorted().map(Enum::name).toList());
    }

    @Component(service = CommandProvider.class)
    public static final class Provider implements CommandProvider {
        @Override
        public Object command(CommandContext context) {
            return new DriversCommand(context);
        }
    }
}
