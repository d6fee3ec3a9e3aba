package org.tokenbench.ui.internal.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.eclipse.osgi.util.NLS;
import org.tokenbench.core.TokenException;
import org.tokenbench.core.device.Device;
import org.tokenbench.core.device.DeviceTransport;
import org.tokenbench.core.device.TransportStatus;
import org.tokenbench.core.device.VendorLibraries;

/**
 * What the Devices view shows: every device the devices service knows, each row's texts, and the guidance above the
 * table — what to start, connect or configure next, from the transports' own status (the first run). Plain Java: the
 * view renders it; tests feed it devices and transports without a display.
 */
public final class DevicesModel {

    private List<Device> devices = List.of();
    private String guidance = Messages.devices_noService;

    /** The devices service is not running (the product lacks Declarative Services). */
    public synchronized void noService() {
        devices = List.of();
        guidance = Messages.devices_noService;
    }

    /** The service's devices and transports now; asking a transport may block: not on the display thread. */
    public synchronized void update(List<Device> known, List<DeviceTransport> transports) {
        devices = List.copyOf(known);
        guidance = guidance(devices, transports);
    }

    public synchronized List<Device> devices() {
        return devices;
    }

    public synchronized Optional<Device> device(String id) {
        return devices.stream().filter(d -> d.id().equals(id)).findFirst();
    }

    public synchronized String guidance() {
        return guidance;
    }

    /** Whether Open Device can open this row: an editor needs a driver that claimed the device. */
    public static boolean canOpen(Device device) {
        return device != null && device.claim().isPresent();
    }

    static String guidance(List<Device> devices, List<DeviceTransport> transports) {
        List<String> steps = new ArrayList<>();
        if (transports.isEmpty()) {
            steps.add(Messages.devices_noTransport);
        }
        for (DeviceTransport transport : transports) {
            TransportStatus status = transport.status();
            if (!status.available()) {
                steps.add(transport.displayName() + ": " + status.detail() + status.code().map(c -> " [" + c + "]").orElse(""));
                continue;
            }
            List<Device> slots = devices.stream().filter(d -> d.slot().transport().equals(transport.id())).toList();
            Optional<VendorLibraries> libraries = transport.feature(VendorLibraries.class);
            if (libraries.isPresent()) {
                libraryGuidance(transport, libraries.get(), slots).ifPresent(steps::add);
            } else if (slots.isEmpty()) {
                steps.add(NLS.bind(Messages.devices_noneConnected, transport.displayName(), status.detail()));
            } else if (slots.stream().noneMatch(d -> d.slot().devicePresent())) {
                steps.add(NLS.bind(Messages.devices_putOne, transport.displayName()));
            }
        }
        return steps.isEmpty() ? Messages.devices_doubleClick : String.join("\n", steps);
    }

    private static Optional<String> libraryGuidance(DeviceTransport transport, VendorLibraries libraries, List<Device> slots) {
        try {
            if (libraries.configured().isEmpty()) {
                return Optional.of(NLS.bind(Messages.devices_noLibrary, transport.displayName()));
            }
        } catch (TokenException e) {
            return Optional.of(transport.displayName() + ": " + e.getMessage() + " [" + e.code() + "]");
        }
        return slots.isEmpty() ? Optional.of(NLS.bind(Messages.devices_noKey, transport.displayName())) : Optional.empty();
    }

    public static String stateText(Device device) {
        String state = switch (device.state()) {
            case EMPTY -> Messages.devices_empty;
            case IDENTIFYING -> Messages.devices_identifying;
            case CLAIMED -> Messages.devices_claimed;
            case UNCLAIMED -> Messages.devices_noDriver;
            case UNAVAILABLE -> Messages.devices_inUse;
            case FAILED -> Messages.devices_failed;
        };
        return state + device.problem().map(p -> ": " + p.message()).orElse("");
    }

    public static String claimText(Device device) {
        return device.claim().map(c -> c.driver().displayName() + " — " + c.family().name()).orElse("");
    }

    public static String skewText(Device device) {
        return device.claim().flatMap(Device.Claim::clockSkew).map(DeviceOffer::signedSeconds).orElse("");
    }

    public static String busyText(Device device) {
        return device.busy() ? Messages.devices_busy : "";
    }
}
