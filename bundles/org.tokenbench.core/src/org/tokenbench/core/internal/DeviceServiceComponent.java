package org.tokenbench.core.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.tokenbench.core.ErrorCode;
import org.tokenbench.core.TokenException;
import org.tokenbench.core.device.Device;
import org.tokenbench.core.device.DeviceEvent;
import org.tokenbench.core.device.DeviceService;
import org.tokenbench.core.device.DeviceSession;
import org.tokenbench.core.device.DeviceTransport;
import org.tokenbench.core.device.OpenOptions;
import org.tokenbench.core.device.Slot;
import org.tokenbench.core.device.TransportListener;
import org.tokenbench.core.device.TransportStatus;
import org.tokenbench.core.driver.Connection;
import org.tokenbench.core.driver.DriverRegistry;
import org.tokenbench.core.driver.Interaction;
import org.tokenbench.core.driver.TokenClock;
import org.tokenbench.core.driver.TokenSession;
import org.tokenbench.core.fleet.AuditLog;
import org.tokenbench.core.fleet.DeviceInventory;

/**
 * The devices service: transports report slots, this component identifies what is in them (through
 * {@link DriverClaims}), keeps one {@link DeviceLock} per device, and opens sessions under that lock.
 */
@Component(service = DeviceService.class)
public final class DeviceServiceComponent implements DeviceService {

    /** tokenbench:0x000C: no device fits what the user named. */
    static final ErrorCode NO_SUCH_DEVICE = ErrorCode.of(ErrorCode.TOKENBENCH, 0x0C);
    /** tokenbench:0x000D: another operation holds the device. */
    static final ErrorCode DEVICE_BUSY = ErrorCode.of(ErrorCode.TOKENBENCH, 0x0D);
    /** How long identification waits for a program holding the device before it tries again. */
    private static final Duration IDENTIFY_CONNECT_WAIT = Duration.ofSeconds(2);
    /** How soon a device another program held is tried again. */
    private static final Duration RETRY_UNAVAILABLE = Duration.ofSeconds(3);
    /** Overrides {@link #RETRY_UNAVAILABLE} (milliseconds): tests that time another path set it far beyond theirs. */
    static final String RETRY_UNAVAILABLE_PROPERTY = "tokenbench.retryUnavailableMillis";
    private static final Duration IDENTIFY_LOCK_WAIT = Duration.ofSeconds(20);

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final Map<String, DeviceTransport> transports = new ConcurrentHashMap<>();
    private final Map<String, AutoCloseable> watches = new ConcurrentHashMap<>();
    private final List<Consumer<DeviceEvent>> listeners = new CopyOnWriteArrayList<>();
    /**
     * Platform threads, not virtual ones: identification sits in native PC/SC and SKF calls, which would pin the few
     * carrier threads every virtual thread in the process shares.
     */
    private final ExecutorService identifiers = Executors.newCachedThreadPool(Thread.ofPlatform().daemon().name("TokenBench identify ", 0)
            .factory());
    private final java.util.concurrent.ScheduledExecutorService retries = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "TokenBench device retries");
        thread.setDaemon(true);
        return thread;
    });
    private DriverClaims claims;
    private AutoCloseable driverWatch;
    private volatile boolean active;

    @Reference
    private DriverRegistry registry;

    /** The fleet bundle's audit log when it is installed: PIN verifications are recorded there. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile AuditLog audit;

    /**
     * The fleet bundle's inventory when it is installed: every device identified with a serial is noted there, once per
     * insertion, on the identification thread (which deactivation waits for), so even a short command's sighting lands.
     */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile DeviceInventory inventory;

    /**
     * One lock per device id for the service's life, not per slot record: a key reported gone and back while a session
     * still runs on it must meet that session's lock, not a fresh one.
     */
    private final Map<String, DeviceLock> locks = new ConcurrentHashMap<>();

    /** One record per slot; mutable state guarded by the record's monitor. */
    private static final class Entry {
        final DeviceLock lock;
        Slot slot;
        Device.State state;
        Optional<Device.Claim> claim = Optional.empty();
        Optional<Device.Problem> problem = Optional.empty();
        /** Bumped on every slot change: a late identification of an older card is dropped. */
        long generation;
        CompletableFuture<Void> identification = CompletableFuture.completedFuture(null);
        /** A retry of a held device is scheduled: one at a time, however many attempts ended held. */
        boolean retryScheduled;

        Entry(DeviceLock lock) {
            this.lock = lock;
        }

        synchronized Device snapshot(String id) {
            return new Device(id, slot, state, claim, problem, lock.isHeld());
        }
    }

    @Activate
    void activate() {
        claims = new DriverClaims(registry);
        active = true;
        transports.values().forEach(this::startWatching);
        // A driver installed later may claim what nobody claimed; one removed leaves its devices to the others.
        driverWatch = registry.onChange(list -> entries.keySet().forEach(id -> identifyLater(id)));
    }

    /**
     * Stops watching and lets identifications in progress finish (bounded): one cut off inside a native call while the
     * JVM exits and JNA unloads the vendor's or pcsc-lite's library crashes the process.
     */
    @Deactivate
    void deactivate() {
        active = false;
        close(driverWatch);
        watches.values().forEach(DeviceServiceComponent::close);
        watches.clear();
        retries.shutdownNow();
        identifiers.shutdown();
        try {
            if (!identifiers.awaitTermination(10, TimeUnit.SECONDS)) {
                System.err.println("TokenBench: a device identification did not finish within 10 s of stopping");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void noteSighting(Device.Claim claim) {
        DeviceInventory installed = inventory;
        if (installed == null || claim.identity().serial().isEmpty()) {
            return;
        }
        try {
            installed.seen(claim.identity(), "", claim.clockSkew());
        } catch (TokenException | RuntimeException e) {
            // The device works whatever the inventory says; the fleet's own problems are reported where it is used.
            System.err.println("TokenBench: " + claim.identity().family() + " " + claim.identity().serial()
                    + " not noted in the inventory: " + e.getMessage());
        }
    }

    private AuditLog auditLog() {
        AuditLog installed = audit;
        return installed != null ? installed : AuditLog.NONE;
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addTransport(DeviceTransport transport) {
        transports.put(transport.id(), transport);
        if (active) {
            startWatching(transport);
        }
    }

    void removeTransport(DeviceTransport transport) {
        transports.remove(transport.id(), transport);
        close(watches.remove(transport.id()));
        for (String id : List.copyOf(entries.keySet())) {
            if (id.startsWith(transport.id() + ":")) {
                removeSlot(id);
            }
        }
    }

    /** Once per transport, however activation and binding interleave. */
    private synchronized void startWatching(DeviceTransport transport) {
        if (watches.containsKey(transport.id())) {
            return;
        }
        watches.put(transport.id(), transport.watch(new TransportListener() {
            @Override
            public void slotChanged(Slot slot) {
                updateSlot(slot);
            }

            @Override
            public void slotRemoved(String transportId, String slotId) {
                removeSlot(transportId + ":" + slotId);
            }

            @Override
            public void statusChanged(String transportId, TransportStatus status) {
                fire(new DeviceEvent(DeviceEvent.Kind.TRANSPORT_STATUS, Optional.empty(), transportId, Optional.of(status)));
            }
        }));
    }

    // ---- slots ----

    private void updateSlot(Slot slot) {
        String id = slot.deviceId();
        Entry entry = entries.computeIfAbsent(id, k -> new Entry(locks.computeIfAbsent(k, unused -> new DeviceLock())));
        boolean added;
        boolean identify;
        synchronized (entry) {
            added = entry.slot == null;
            boolean sameDevice = !added && entry.slot.devicePresent() == slot.devicePresent() && entry.slot.atr().equals(slot.atr());
            entry.slot = slot;
            if (sameDevice) {
                // The transport says the slot again: a device another program held may be free now (TransportListener).
                identify = entry.state == Device.State.UNAVAILABLE;
            } else {
                entry.generation++;
                entry.claim = Optional.empty();
                entry.problem = Optional.empty();
                entry.state = slot.devicePresent() ? Device.State.IDENTIFYING : Device.State.EMPTY;
                identify = slot.devicePresent();
            }
        }
        fire(new DeviceEvent(added ? DeviceEvent.Kind.ADDED : DeviceEvent.Kind.CHANGED, Optional.of(entry.snapshot(id)), id, Optional.empty()));
        if (identify) {
            identifyLater(id);
        }
    }

    private void removeSlot(String id) {
        Entry entry = entries.remove(id);
        if (entry != null) {
            synchronized (entry) {
                entry.generation++;
            }
            fire(new DeviceEvent(DeviceEvent.Kind.REMOVED, Optional.empty(), id, Optional.empty()));
        }
    }

    // ---- identification ----

    /** Tries a held device again after {@link #RETRY_UNAVAILABLE}, unless a retry is already on its way. */
    private void scheduleRetry(String id, Entry entry) {
        synchronized (entry) {
            if (entry.retryScheduled) {
                return;
            }
            entry.retryScheduled = true;
        }
        try {
            retries.schedule(() -> {
                boolean stillHeld;
                synchronized (entry) {
                    entry.retryScheduled = false;
                    stillHeld = entry.state == Device.State.UNAVAILABLE;
                }
                // identified meanwhile (released, re-plugged, the user's Refresh): nothing to try again
                if (stillHeld) {
                    identifyLater(id);
                }
            }, Long.getLong(RETRY_UNAVAILABLE_PROPERTY, RETRY_UNAVAILABLE.toMillis()), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.RejectedExecutionException stopping) {
            // the service is stopping
        }
    }

    private void identifyLater(String id) {
        Entry entry = entries.get(id);
        if (entry == null || !active) {
            return;
        }
        synchronized (entry) {
            if (entry.slot == null || !entry.slot.devicePresent()) {
                return;
            }
            long generation = entry.generation;
            try {
                entry.identification = entry.identification.handle((r, e) -> null)
                        .thenRunAsync(() -> identify(id, entry, generation), identifiers);
            } catch (java.util.concurrent.RejectedExecutionException stopping) {
                // the service is stopping: nothing more is identified
            }
        }
    }

    /** Under the device's lock: connect, let the drivers whose descriptor fits probe, read identity and clock. */
    private void identify(String id, Entry entry, long generation) {
        Slot slot;
        synchronized (entry) {
            if (entry.generation != generation || entries.get(id) != entry) {
                return;
            }
            slot = entry.slot;
        }
        DeviceTransport transport = transports.get(slot.transport());
        if (transport == null || !active) {
            return;
        }
        // Behind a session that waits for its user (a burn asking for the code), identification waits too, but not forever.
        if (!entry.lock.tryAcquire(IDENTIFY_LOCK_WAIT)) {
            identifyLater(id);
            return;
        }
        try {
            if (entry.generation != generation) {
                return;
            }
            Device.State state;
            Optional<Device.Claim> claim = Optional.empty();
            Optional<Device.Problem> problem = Optional.empty();
            try (DriverClaims.ProbeConnection connections = new DriverClaims.ProbeConnection(
                    transport.connect(slot.id(), IDENTIFY_CONNECT_WAIT, null), () -> transport.connect(slot.id(), IDENTIFY_CONNECT_WAIT, null))) {
                DriverClaims.Chosen chosen = claims.choose(connections, slot);
                try (TokenSession session = chosen.driver().driver().open(connections.current(), Interaction.NONE)) {
                    claim = Optional.of(new Device.Claim(chosen.driver().info(), chosen.family(), session.identity(), clockSkew(session)));
                    state = Device.State.CLAIMED;
                }
            } catch (TokenException e) {
                state = e.code().equals(DriverClaims.NO_DRIVER) ? Device.State.UNCLAIMED
                        : e instanceof org.tokenbench.core.device.DeviceHeldException ? Device.State.UNAVAILABLE : Device.State.FAILED;
                problem = Optional.of(new Device.Problem(e.getMessage(), e.code()));
            } catch (RuntimeException e) {
                // A driver defect must not stop the service: the device is shown as failed, with the reason.
                state = Device.State.FAILED;
                problem = Optional.of(new Device.Problem("a driver failed: " + e, ErrorCode.of(ErrorCode.TOKENBENCH, 0x0E)));
            }
            synchronized (entry) {
                if (entry.generation != generation) {
                    return;
                }
                entry.state = state;
                entry.claim = claim;
                entry.problem = problem;
            }
            claim.ifPresent(this::noteSighting);
            if (state == Device.State.UNAVAILABLE && active) {
                scheduleRetry(id, entry);
            }
        } finally {
            entry.lock.release();
        }
        fire(new DeviceEvent(DeviceEvent.Kind.CHANGED, Optional.of(entry.snapshot(id)), id, Optional.empty()));
    }

    private static Optional<Duration> clockSkew(TokenSession session) {
        Optional<TokenClock> clock = session.feature(TokenClock.class);
        if (clock.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(TokenClock.skew(clock.get().tokenTime(), Instant.now()));
        } catch (TokenException e) {
            return Optional.empty();
        }
    }

    // ---- queries ----

    @Override
    public List<Device> devices() {
        List<Device> all = new ArrayList<>();
        entries.forEach((id, entry) -> {
            if (entry.slot != null) {
                all.add(entry.snapshot(id));
            }
        });
        all.sort(Comparator.comparing((Device d) -> d.slot().transport()).thenComparing(d -> d.slot().name()));
        return all;
    }

    @Override
    public Optional<Device> device(String deviceId) {
        Entry entry = entries.get(deviceId);
        return entry == null || entry.slot == null ? Optional.empty() : Optional.of(entry.snapshot(deviceId));
    }

    @Override
    public Device find(String what) throws TokenException {
        List<Device> all = devices();
        Optional<Device> exact = all.stream().filter(d -> d.id().equals(what)).findFirst();
        if (exact.isPresent()) {
            return exact.get();
        }
        List<Device> fitting = all.stream().filter(d -> d.slot().id().equals(what) || d.slot().name().equals(what)).toList();
        if (fitting.isEmpty()) {
            fitting = all.stream().filter(d -> d.serial().filter(what::equals).isPresent()).toList();
        }
        if (fitting.size() == 1) {
            return fitting.get(0);
        }
        String present = all.isEmpty() ? "no device or reader is connected"
                : "present: " + String.join(", ", all.stream().map(d -> d.slot().name() + d.serial().map(s -> " (serial " + s + ")").orElse("")).toList());
        // A device another program holds cannot be asked its serial: say so, or a serial looks like a typo.
        String held = all.stream().filter(d -> d.state() == Device.State.UNAVAILABLE && d.problem().isPresent())
                .map(d -> "; the device in '" + d.slot().name() + "' cannot be read now (" + d.problem().get().message() + ")")
                .collect(java.util.stream.Collectors.joining());
        // A transport that is down (pcscd killed or stopped) explains an empty list better than a typo does.
        String down = fitting.isEmpty() ? transports().stream().filter(t -> !t.status().available())
                .map(t -> "; the " + t.id() + " transport cannot list devices now: " + t.status().detail())
                .collect(java.util.stream.Collectors.joining()) : "";
        throw new TokenException(NO_SUCH_DEVICE, fitting.isEmpty() ? "no device or reader named '" + what + "'; " + present + held + down
                : "'" + what + "' names " + fitting.size() + " devices; use the device id: "
                        + String.join(", ", fitting.stream().map(Device::id).toList()));
    }

    @Override
    public List<DeviceTransport> transports() {
        return transports.values().stream().sorted(Comparator.comparing(DeviceTransport::id)).toList();
    }

    @Override
    public Optional<DeviceTransport> transport(String id) {
        return Optional.ofNullable(transports.get(id));
    }

    /**
     * Adds the slots a transport lists that its watch has not reported yet (a one-shot command asks before the watch
     * thread's first report), then waits for identification. It never removes or overrides what the watch reported:
     * the watch is the newer truth, and a listing taken a moment earlier could undo a plug or an unplug it saw.
     */
    @Override
    public void refresh() throws TokenException {
        TokenException firstFailure = null;
        for (DeviceTransport transport : transports()) {
            try {
                for (Slot slot : transport.slots()) {
                    if (!entries.containsKey(slot.deviceId())) {
                        updateSlot(slot);
                    }
                }
            } catch (TokenException e) {
                firstFailure = firstFailure == null ? e : firstFailure;
            }
        }
        awaitIdentification(Duration.ofSeconds(30));
        if (firstFailure != null && entries.isEmpty()) {
            throw firstFailure;
        }
    }

    @Override
    public void identifyAgain() {
        entries.keySet().forEach(this::tryAgainIfNotIdentified);
        awaitIdentification(Duration.ofSeconds(30));
    }

    /**
     * The user asked: a device the last identification failed on, or another program held, is tried again (a key that
     * answered badly once, a library that could not open its files for a moment), not only when re-plugged.
     */
    private void tryAgainIfNotIdentified(String id) {
        Entry entry = entries.get(id);
        if (entry == null) {
            return;
        }
        synchronized (entry) {
            if (entry.slot == null || !entry.slot.devicePresent()
                    || (entry.state != Device.State.FAILED && entry.state != Device.State.UNAVAILABLE)) {
                return;
            }
            entry.state = Device.State.IDENTIFYING;
            entry.problem = Optional.empty();
        }
        fire(new DeviceEvent(DeviceEvent.Kind.CHANGED, Optional.of(entry.snapshot(id)), id, Optional.empty()));
        identifyLater(id);
    }

    private void awaitIdentification(Duration limit) {
        List<CompletableFuture<Void>> pending = new ArrayList<>();
        entries.values().forEach(entry -> {
            synchronized (entry) {
                pending.add(entry.identification);
            }
        });
        try {
            CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).get(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException | TimeoutException e) {
            // Shown as the devices' states: identifying, failed.
        }
    }

    // ---- sessions ----

    @Override
    public DeviceSession open(String deviceId, OpenOptions options) throws TokenException {
        Entry entry = entries.get(deviceId);
        if (entry == null || entry.slot == null) {
            throw new TokenException(NO_SUCH_DEVICE, "no device '" + deviceId + "' is connected");
        }
        Instant deadline = Instant.now().plus(options.patience());
        if (!entry.lock.tryAcquire(options.patience())) {
            throw new TokenException(DEVICE_BUSY, "another TokenBench operation is still using " + entry.slot.name()
                    + "; it was not interrupted. Try again when it has finished.");
        }
        fireChanged(deviceId, entry);
        Connection connection = null;
        TokenSession session = null;
        boolean handedOver = false;
        try {
            Slot slot = entry.slot;
            DeviceTransport transport = transports.get(slot.transport());
            if (transport == null) {
                throw new TokenException(NO_SUCH_DEVICE, "the transport of " + slot.name() + " is gone");
            }
            Duration left = Duration.between(Instant.now(), deadline);
            connection = transport.connect(slot.id(), left.isNegative() ? Duration.ZERO : left, options.trace());
            DriverClaims.ProbeConnection connections = new DriverClaims.ProbeConnection(connection,
                    () -> transport.connect(slot.id(), IDENTIFY_CONNECT_WAIT, options.trace()));
            DriverClaims.Chosen chosen;
            try {
                chosen = claims.choose(connections, slot);
            } finally {
                connection = connections.current();
            }
            session = chosen.driver().driver().open(connection, options.interaction());
            Device.Claim claim = new Device.Claim(chosen.driver().info(), chosen.family(), session.identity(),
                    entry.claim.flatMap(Device.Claim::clockSkew));
            synchronized (entry) {
                entry.state = Device.State.CLAIMED;
                entry.claim = Optional.of(claim);
                entry.problem = Optional.empty();
            }
            OpenedSession opened = new OpenedSession(entry.snapshot(deviceId), chosen.driver().info(), chosen.family(), session,
                    connection, () -> {
                        entry.lock.release();
                        fireChanged(deviceId, entry);
                    }, this::auditLog);
            handedOver = true;
            return opened;
        } finally {
            // Whatever went wrong (a TokenException, a driver's Error, a vendor library missing a function), the device is
            // not left locked or connected: session, connection, lock, each released even if the one before fails.
            if (!handedOver) {
                releaseAfterFailedOpen(session, connection, () -> {
                    entry.lock.release();
                    fireChanged(deviceId, entry);
                });
            }
        }
    }

    private static void releaseAfterFailedOpen(TokenSession session, Connection connection, Runnable unlock) {
        try {
            if (session != null) {
                session.close();
            }
        } finally {
            try {
                if (connection != null) {
                    connection.close();
                }
            } finally {
                unlock.run();
            }
        }
    }

    private void fireChanged(String id, Entry entry) {
        if (entries.get(id) == entry) {
            fire(new DeviceEvent(DeviceEvent.Kind.CHANGED, Optional.of(entry.snapshot(id)), id, Optional.empty()));
        }
    }

    // ---- listeners ----

    @Override
    public AutoCloseable onChange(Consumer<DeviceEvent> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    private void fire(DeviceEvent event) {
        for (Consumer<DeviceEvent> listener : listeners) {
            try {
                listener.accept(event);
            } catch (RuntimeException e) {
                System.err.println("TokenBench: a device listener failed: " + e);
            }
        }
    }

    private static void close(AutoCloseable closeable) {
        if (closeable != null) {
            try {
                closeable.close();
            } catch (Exception e) {
                // stopping: nothing else to do
            }
        }
    }
}
