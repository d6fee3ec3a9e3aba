package org.tokenbench.cli.internal;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.tokenbench.core.ErrorCode;
import org.tokenbench.core.TokenException;
import org.tokenbench.core.driver.DriverRegistry;
import org.tokenbench.core.driver.TokenDriver;

/** {@code tokenbench drivers [--json]}: the device drivers installed in this product. */
final class DriversCommand implements Command {

    @Override
    public String name() {
        return "drivers";
    }

    @Override
    public String summary() {
        return "list the installed device drivers (--json for detail)";
    }

    @Override
    public int run(List<String> args, Console console) throws UsageException, TokenException {
        boolean json = Arguments.parse(args, Set.of("json"), Set.of()).has("json");
        DriverRegistry registry = console.service(DriverRegistry.class)
                .orElseThrow(() -> new TokenException(ErrorCode.of(ErrorCode.TOKENBENCH, 1),
                        "the driver registry did not start (is org.apache.felix.scr in the product?)"));
        List<TokenDriver> drivers = registry.drivers();
        if (json) {
            console.out().println(drivers.stream().map(DriversCommand::toJson)
                    .collect(Collectors.joining(",\n  ", "[\n  ", "\n]")));
        } else {
            drivers.forEach(d -> console.out().println(d.info().id()));
        }
        return ExitCode.OK;
    }

    private static String toJson(TokenDriver driver) {
        return new Json()
                .field("id", driver.info().id())
                .field("vendor", driver.info().vendor())
                .field("name", driver.info().displayName())
                .field("version", driver.info().version())
                .field("capabilities", driver.capabilities().stream().map(Enum::name).sorted().toList())
                .toString();
    }
}
