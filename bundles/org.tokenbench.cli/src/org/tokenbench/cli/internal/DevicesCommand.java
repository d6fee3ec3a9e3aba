package org.tokenbench.cli.internal;

import java.util.List;
import java.util.concurrent.Callable;

import org.osgi.service.component.annotations.Component;
import org.tokenbench.cli.command.CommandContext;
import org.tokenbench.cli.command.CommandProvider;
import org.tokenbench.cli.command.ExitCode;
import org.tokenbench.core.TokenException;
import org.tokenbench.core.device.Device;
import org.tokenbench.core.device.DeviceService;
import org.tokenbench.core.device.DeviceTransport;
import org.tokenbench.core.device.TransportStatus;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code tokenbench devices [--json]}: every slot every transport reports and the device in it, as the devices
 * service identified it: which driver claimed it, or why none did.
 */
@Command(name = "devices", description = "List every reader and key the transports see, and what is in it: "
        + "device id, state, then the family and serial of a claimed device or the problem.")
final class DevicesCommand implements Callable<Integer> {

    private final CommandContext context;

    @Option(names = "--json", description = "One JSON object per device: id, transport, name, state, driver, family, serial, "
            + "clockSkewSeconds, busy, problem, problemCode.")
    private boolean json;

    DevicesCommand(CommandContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws TokenException {
        DeviceService service = DeviceAccess.refreshed(context);
        List<Device> devices = service.devices();
        for (Device device : devices) {
            context.out().println(json ? toJson(device) : line(device));
        }
        if (devices.isEmpty()) {
            context.err().println("no reader and no key found");
            for (DeviceTransport transport : service.transports()) {
                TransportStatus status = transport.status();
                context.err().println("  " + transport.displayName() + ": " + status.detail());
            }
            return ExitCode.NEGATIVE;
        }
        return ExitCode.OK;
    }

    private static String line(Device device) {
        StringBuilder line = new StringBuilder(device.id()).append('\t').append(device.state());
        device.claim().ifPresent(claim -> line.append('\t').append(claim.family().name()).append('\t').append(claim.identity().serial()));
        device.problem().ifPresent(problem -> line.append('\t').append(problem.message()));
        return line.toString();
    }

    private static Json toJson(Device device) {
        return new Json().field("id", device.id()).field("transport", device.slot().transport()).field("name", device.slot().name())
                .field("state", device.state().name())
                .field("driver", device.claim().map(c -> c.driver().id()).orElse(null))
                .field("family", device.claim().map(c -> c.family().id()).orElse(null))
                .field("familyName", device.claim().map(c -> c.family().name()).orElse(null))
                .field("serial", device.serial().orElse(null))
                .field("clockSkewSeconds", device.claim().flatMap(c -> c.clockSkew()).map(skew -> skew.toSeconds()).orElse(null))
                .field("busy", device.busy())
                .field("problem", device.problem().map(Device.Problem::message).orElse(null))
                .field("problemCode", device.problem().map(p -> p.code().toString()).orElse(null));
    }

    @Component(service = CommandProvider.class)
    public static final class Provider implements CommandProvider {
        @Override
        public Object command(CommandContext context) {
            return new DevicesCommand(context);
        }
    }
}
