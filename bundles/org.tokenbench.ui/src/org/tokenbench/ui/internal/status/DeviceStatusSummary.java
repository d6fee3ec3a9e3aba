package org.tokenbench.ui.internal.status;

import java.util.ArrayList;
import java.util.List;

import org.tokenbench.core.device.Device;
import org.tokenbench.core.device.DeviceService;
import org.tokenbench.core.device.DeviceTransport;
import org.tokenbench.core.device.TransportStatus;

/**
 * What the status bar says about the device stack: per transport, whether it works (pcscd running, a vendor library
 * loaded) and how many of its devices a driver has identified. Plain Java, so the wording is tested without a display.
 *
 * @param line    the short text in the status bar
 * @param details one line per transport with its own sentence, for the tooltip
 * @param healthy at least one transport works (a key library nobody configured is not an alarm while readers work)
 */
public record DeviceStatusSummary(String line, String details, boolean healthy) {

    /** One transport's state as the summary needs it. */
    public record TransportState(String id, String name, TransportStatus status, int slots, int identified) {
    }

    public static DeviceStatusSummary of(List<TransportState> transports) {
        if (transports.isEmpty()) {
            return new DeviceStatusSummary(Messages.status_noTransport, Messages.status_noTransport, false);
        }
        List<String> parts = new ArrayList<>();
        List<String> lines = new ArrayList<>();
        boolean anyAvailable = false;
        for (TransportState transport : transports) {
            TransportStatus status = transport.status();
            anyAvailable |= status.available();
            // Short enough for a 1280 px window: the transport's short name and its summary; the rest is in the tooltip.
            String name = shortName(transport);
            parts.add(status.available()
                    ? Messages.bind(Messages.status_transportUp, new Object[] {name, status.summary(), transport.identified()})
                    : Messages.bind(Messages.status_transportDown, name, status.summary()));
            lines.add(Messages.bind(Messages.status_detailLine, transport.name(), status.detail())
                    + status.code().map(code -> " [" + code + "]").orElse(""));
        }
        return new DeviceStatusSummary(String.join(" · ", parts), String.join("\n", lines), anyAvailable);
    }

    /** The status bar's name of a transport: a short one for TokenBench's own, the display name for a vendor's. */
    static String shortName(TransportState transport) {
        return switch (transport.id()) {
            case "pcsc" -> Messages.status_pcsc;
            case "skf" -> Messages.status_skf;
            default -> transport.name();
        };
    }

    /** Asks every transport of {@code devices} for its status; may block on pcscd or a vendor library: not on the UI thread. */
    public static DeviceStatusSummary of(DeviceService devices) {
        List<Device> known = devices.devices();
        List<TransportState> states = new ArrayList<>();
        for (DeviceTransport transport : devices.transports()) {
            List<Device> own = known.stream().filter(d -> d.slot().transport().equals(transport.id())).toList();
            states.add(new TransportState(transport.id(), transport.displayName(), transport.status(), own.size(),
                    (int) own.stream().filter(d -> d.claim().isPresent()).count()));
        }
        return of(states);
    }
}
