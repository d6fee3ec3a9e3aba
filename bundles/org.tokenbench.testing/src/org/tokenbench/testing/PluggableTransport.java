package org.tokenbench.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.tokenbench.core.ErrorCode;
import org.tokenbench.core.TokenException;
import org.tokenbench.core.device.DeviceHeldException;
import org.tokenbench.core.device.DeviceTransport;
import org.tokenbench.core.device.Slot;
import org.tokenbench.core.device.TransportListener;
import org.tokenbench.core.device.TransportStatus;
import org.tokenbench.core.driver.Connection;

/**
 * A transport of the kind a vendor would add (its own connection type, no PC/SC, no SKF): slots and devices are Java
 * objects a test plugs in and pulls out. Registered as a real {@link DeviceTransport} OSGi service, so the devices
 * service, the views and the commands see it exactly as they see PC/SC readers.
 */
public final class PluggableTransport implements DeviceTransport {

    public static final String ID = "bench";
    private volatile String downDetail;

    /** The connection the {@link PluggableDriver} consumes. */
    public static final class PluggableConnection implements Connection {
        private final String slot;
        private final PluggableDevice device;
        private volatile boolean closed;

        PluggableConnection(String slot, PluggableDevice device) {
            this.slot = slot;
            this.device = device;
            device.record("connect");
        }

        public PluggableDevice device() {
            if (closed) {
                throw new IllegalStateException("the connection to " + slot + " is closed");
            }
            return device;
        }

        @Override
        public String location() {
            return "bench slot " + slot;
        }

        @Override
        public void close() {
            if (!closed) {
                closed = true;
                device.record("disconnect");
            }
        }
    }

    private final Map<String, Optional<PluggableDevice>> slots = new ConcurrentHashMap<>();
    private final List<TransportListener> listeners = new CopyOnWriteArrayList<>();

    public ServiceRegistration<DeviceTransport> register(BundleContext context) {
        return context.registerService(DeviceTransport.class, this, null);
    }

    public void addSlot(String slotId) {
        slots.put(slotId, Optional.empty());
        report(slotId);
    }

    public void plug(String slotId, PluggableDevice device) {
        slots.put(slotId, Optional.of(device));
        report(slotId);
    }

    public void unplug(String slotId) {
        slots.put(slotId, Optional.empty());
        report(slotId);
    }

    public void removeSlot(String slotId) {
        slots.remove(slotId);
        listeners.forEach(l -> l.slotRemoved(ID, slotId));
    }

    private void report(String slotId) {
        Slot slot = slot(slotId);
        listeners.forEach(l -> l.slotChanged(slot));
    }

    private Slot slot(String slotId) {
        Optional<PluggableDevice> device = slots.get(slotId);
        return new Slot(ID, slotId, "Bench " + slotId, device.isPresent(), device.flatMap(PluggableDevice::atr), Map.of());
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String displayName() {
        return "Test bench (pluggable Java devices)";
    }

    @Override
    public Class<? extends Connection> connectionType() {
        return PluggableConnection.class;
    }

    @Override
    public AutoCloseable watch(TransportListener listener) {
        listeners.add(listener);
        listener.statusChanged(ID, status());
        slots.keySet().forEach(id -> listener.slotChanged(slot(id)));
        return () -> listeners.remove(listener);
    }

    /** Test set-up: the service behind the transport went away (as pcscd killed), with what the transport would say; null: back. */
    public void down(String detail) {
        downDetail = detail;
        listeners.forEach(l -> l.statusChanged(ID, status()));
    }

    @Override
    public TransportStatus status() {
        String detail = downDetail;
        return detail != null ? TransportStatus.down(detail, org.tokenbench.core.ErrorCode.of(org.tokenbench.core.ErrorCode.PCSC, 0x8010001DL))
                : TransportStatus.up(slots.size() + " bench slots");
    }

    @Override
    public List<Slot> slots() {
        return new ArrayList<>(slots.keySet().stream().map(this::slot).toList());
    }

    @Override
    public Connection connect(String slotId, Duration wait, Consumer<String> trace) throws TokenException {
        Optional<PluggableDevice> device = slots.getOrDefault(slotId, Optional.empty());
        if (device.isEmpty()) {
            throw new TokenException(ErrorCode.of(ErrorCode.TOKENBENCH, 0x0C), "no device in bench slot " + slotId);
        }
        if (device.get().isSilent()) {
            throw new TokenException(ErrorCode.of(ErrorCode.TOKENBENCH, 0x0C), "the device in bench slot " + slotId + " does not answer");
        }
        if (device.get().isHeldElsewhere()) {
            throw new DeviceHeldException(ErrorCode.of(ErrorCode.TOKENBENCH, 0x0F), "another program is using bench slot " + slotId);
        }
        if (trace != null) {
            trace.accept("connect " + slotId);
        }
        return new PluggableConnection(slotId, device.get());
    }
}
