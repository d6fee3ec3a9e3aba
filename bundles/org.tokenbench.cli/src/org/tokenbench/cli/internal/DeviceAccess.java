package org.tokenbench.cli.internal;

import java.time.Duration;
import java.util.function.Consumer;

import org.tokenbench.cli.command.CommandContext;
import org.tokenbench.core.TokenException;
import org.tokenbench.core.device.DeviceService;
import org.tokenbench.core.device.DeviceSession;
import org.tokenbench.core.device.DeviceTransport;
import org.tokenbench.core.device.OpenOptions;
import org.tokenbench.core.device.TransportStatus;

/** How one-shot commands reach devices: the devices service, refreshed first, since nothing watched before the run. */
final class DeviceAccess {

    private DeviceAccess() {
    }

    static DeviceService refreshed(CommandContext context) throws TokenException {
        DeviceService devices = context.requireService(DeviceService.class);
        devices.refresh();
        return devices;
    }

    /** A transport by id, failing with its status detail when it cannot reach devices now. */
    static DeviceTransport transport(DeviceService devices, String id) throws TokenException {
        DeviceTransport transport = devices.transport(id).orElseThrow(() -> new TokenException(Console.SERVICE_MISSING,
                "the '" + id + "' transport is not installed (its bundle is missing from the product)"));
        TransportStatus status = transport.status();
        if (!status.available()) {
            throw new TokenException(status.code().orElse(Console.SERVICE_MISSING), status.detail());
        }
        return transport;
    }

    /**
     * Opens the device the user named ({@code what}: a reader or key name, a device id, a serial). {@code trace} puts
     * the exchanges on stderr; the transports redact secret bodies by construction, so it is safe on a terminal.
     */
    static DeviceSession open(CommandContext context, DeviceService devices, String what, Duration patience, boolean trace)
            throws TokenException {
        Consumer<String> lines = trace ? line -> context.err().println("apdu " + line) : null;
        return devices.open(devices.find(what).id(), OpenOptions.of(context.interaction()).withPatience(patience).withTrace(lines));
    }
}
