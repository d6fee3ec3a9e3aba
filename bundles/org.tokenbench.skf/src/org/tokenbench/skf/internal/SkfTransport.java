package org.tokenbench.skf.internal;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.tokenbench.core.Texts;
import org.tokenbench.core.TokenBenchHome;
import org.tokenbench.core.TokenException;
import org.tokenbench.core.device.DeviceTransport;
import org.tokenbench.core.device.Slot;
import org.tokenbench.core.device.TransportListener;
import org.tokenbench.core.device.TransportStatus;
import org.tokenbench.core.device.VendorLibraries;
import org.tokenbench.core.driver.Checklist;
import org.tokenbench.core.driver.Connection;
import org.tokenbench.skf.SkfConnection;
import org.tokenbench.skf.SkfEnvironment;
import org.tokenbench.skf.SkfException;
import org.tokenbench.skf.SkfLibrary;
import org.tokenbench.skf.SkfProblem;

/**
 * Keys reached through vendors' GM/T 0016 SKF libraries: the configured ones ({@link VendorLibraries}) and those a
 * command attached. One slot per key, id {@code <absolute library path>#<key name>}; one watch per library.
 * <p>
 * While anyone watches, the libraries file is also looked at every poll interval (one stat call on one daemon
 * thread): a library another process configured or removed ({@code tokenbench guomi library set} in a
 * terminal, a second workbench's preferences) starts or stops its watch without a refresh. A poll, not a WatchService:
 * the home folder may not exist before the first {@code library set}, it holds busier files (the fleet database)
 * whose changes would wake a directory watch far more often, and on macOS the JDK's WatchService polls anyway.
 */
@Component(service = DeviceTransport.class)
public final class SkfTransport implements DeviceTransport, VendorLibraries {

    public static final String ID = "skf";
    /** The transport's words for users, in their language ({@code messages.properties} beside this class). */
    public static final Texts TEXTS = Texts.beside(SkfTransport.class, "messages");
    /** How often libraries without SKF_WaitForDevEvent are asked for their keys. */
    public static final Duration POLL_INTERVAL = Duration.ofSeconds(2);
    /** The name of the thread that looks at the libraries file, followed by the file's path. */
    public static final String FILE_WATCH_THREAD = "SKF libraries file watch ";

    private final LibraryFile file;
    private final Duration pollInterval;
    private final Set<Path> attached = ConcurrentHashMap.newKeySet();
    /** library → its watch and the family its slots are named after (a family renamed restarts the watch). */
    private final Map<Path, Watched> watches = new LinkedHashMap<>();
    /** library → why it cannot be used now; reported once per reason. */
    private final Map<Path, SkfException> failures = new ConcurrentHashMap<>();
    private final List<TransportListener> listeners = new CopyOnWriteArrayList<>();
    private final Object reporting = new Object();
    /** One reconciliation at a time: the file poll and a configure() in this process must not undo each other. */
    private final Object reconciling = new Object();
    /** Guards {@link #configurationPoll} and {@link #lastStamp}. */
    private final Object polling = new Object();
    /** Looks at the libraries file while anyone listens; null otherwise. */
    private ScheduledExecutorService configurationPoll;
    private LibraryFile.Stamp lastStamp = LibraryFile.Stamp.ABSENT;

    /** The service: libraries configured in TokenBench's home. */
    public SkfTransport() {
        this(TokenBenchHome.directory(), POLL_INTERVAL);
    }

    public SkfTransport(Path home, Duration pollInterval) {
        this.file = new LibraryFile(home);
        this.pollInterval = pollInterval;
    }

    @Deactivate
    void deactivate() {
        listeners.clear();
        stopConfigurationPoll();
        stopWatches();
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String displayName() {
        return TEXTS.get("transport.name");
    }

    @Override
    public Class<? extends Connection> connectionType() {
        return SkfConnection.class;
    }

    @Override
    public AutoCloseable watch(TransportListener listener) {
        synchronized (reporting) {
            listeners.add(listener);
            synchronized (watches) {
                watches.values().forEach(w -> w.watch().slots().forEach(listener::slotChanged));
            }
            listener.statusChanged(ID, status());
        }
        startConfigurationPoll();
        reconcile();
        return () -> {
            listeners.remove(listener);
            if (listeners.isEmpty()) {
                stopConfigurationPoll();
                stopWatches();
            }
        };
    }

    /**
     * Stamps the file as it is now (what the reconcile that follows will read) and looks again every poll interval;
     * a changed stamp means someone wrote the file: reconcile with what it says now.
     */
    private void startConfigurationPoll() {
        synchronized (polling) {
            if (configurationPoll != null || listeners.isEmpty()) {
                return;
            }
            lastStamp = file.stamp();
            configurationPoll = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon()
                    .name(FILE_WATCH_THREAD + file.file()).factory());
            configurationPoll.scheduleWithFixedDelay(this::checkConfiguration, pollInterval.toMillis(), pollInterval.toMillis(),
                    TimeUnit.MILLISECONDS);
        }
    }

    private void stopConfigurationPoll() {
        synchronized (polling) {
            if (configurationPoll != null && listeners.isEmpty()) {
                configurationPoll.shutdownNow();
                configurationPoll = null;
            }
        }
    }

    private void checkConfiguration() {
        LibraryFile.Stamp now = file.stamp();
        synchronized (polling) {
            if (now.equals(lastStamp)) {
                return;
            }
            lastStamp = now;
        }
        try {
            reconcile();
        } catch (RuntimeException e) {
            // A failed round must not cancel the schedule (an executor drops a task that threw): say so, look again next time.
            System.err.println("TokenBench: the SKF libraries file changed and could not be applied: " + e);
        }
    }

    @Override
    public TransportStatus status() {
        Map<Path, Optional<String>> libraries;
        try {
            libraries = libraries();
        } catch (TokenException e) {
            return TransportStatus.down(TEXTS.get("status.unreadable.summary"), e.getMessage(), e.code());
        }
        if (libraries.isEmpty()) {
            return TransportStatus.down(TEXTS.get("status.none.summary"), TEXTS.get("status.none"), null);
        }
        List<SkfException> problems = failures.entrySet().stream().filter(f -> libraries.containsKey(f.getKey())).map(Map.Entry::getValue)
                .toList();
        int usable = libraries.size() - problems.size();
        String summary = TEXTS.get("status.usable.summary", usable, libraries.size());
        String separator = TEXTS.get("status.separator");
        String detail = TEXTS.get("status.usable", summary, problems.stream().map(e -> separator + e.getMessage()).collect(Collectors.joining()));
        return usable > 0 ? TransportStatus.up(summary, detail) : TransportStatus.down(summary, detail, problems.get(0).code());
    }

    @Override
    public List<Slot> slots() throws TokenException {
        List<Slot> slots = new ArrayList<>();
        for (Map.Entry<Path, Optional<String>> library : libraries().entrySet()) {
            try {
                SkfLibrary loaded = SkfLibrary.load(library.getKey());
                for (SkfLibrary.KeyName key : loaded.devices()) {
                    slots.add(slot(loaded, key, library.getValue()));
                }
                failures.remove(loaded.path());
            } catch (SkfException e) {
                failures.put(library.getKey(), e);
            }
        }
        return slots;
    }

    @Override
    public Connection connect(String slotId, Duration wait, Consumer<String> trace) throws TokenException {
        SlotId id = SlotId.parse(slotId, libraries().keySet());
        SkfLibrary library = SkfLibrary.load(id.library());
        SkfLibrary.KeyName key = library.devices().stream().filter(k -> k.display().equals(id.key())).findFirst()
                .orElseThrow(() -> new SkfException(SkfProblem.NO_DEVICE, "the key " + id.key() + " is not plugged in (" + library.path() + ")"));
        if (trace != null) {
            trace.accept("SKF_ConnectDev " + key.display() + (library.hasDeviceLock() ? ", SKF_LockDev within " + wait.toMillis() + " ms" : ""));
        }
        return library.connect(key, wait);
    }

    @Override
    public List<Checklist.Result> checkEnvironment(String source) {
        return SkfEnvironment.check(source);
    }

    // ---- VendorLibraries ----

    @Override
    public Map<String, Path> configured() throws TokenException {
        return file.all();
    }

    @Override
    public void configure(String family, Path library) throws TokenException {
        if (family == null || !family.matches("[A-Za-z0-9._-]{1,64}")) {
            throw new IllegalArgumentException("a family name is 1 to 64 letters, digits, dots, dashes or underscores, not '" + family + "'");
        }
        file.set(family, usable(library).path());
        reconcile();
    }

    @Override
    public void remove(String family) throws TokenException {
        file.remove(family);
        reconcile();
    }

    @Override
    public Path attach(Path library) throws TokenException {
        Path path = usable(library).path();
        attached.add(path);
        reconcile();
        return path;
    }

    /** The library, loaded and checked to export the SKF functions; anything else is refused. */
    private static SkfLibrary usable(Path library) throws SkfException {
        SkfLibrary loaded = SkfLibrary.load(library);
        List<String> missing = loaded.missingFunctions();
        if (!missing.isEmpty()) {
            throw new SkfException(SkfProblem.FUNCTIONS_MISSING, loaded.path() + " is not an SKF library: it lacks "
                    + String.join(", ", missing));
        }
        return loaded;
    }

    /** Every library in use: configured ones with their family, then attached ones (with a family when also configured). */
    Map<Path, Optional<String>> libraries() throws TokenException {
        Map<Path, Optional<String>> libraries = new LinkedHashMap<>();
        file.all().forEach((family, path) -> libraries.putIfAbsent(path.toAbsolutePath().normalize(), Optional.of(family)));
        attached.forEach(path -> libraries.putIfAbsent(path, Optional.empty()));
        return libraries;
    }

    private Slot slot(SkfLibrary library, SkfLibrary.KeyName key, Optional<String> family) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put(LIBRARY_PROPERTY, library.path().toString());
        family.ifPresent(f -> properties.put(FAMILY_PROPERTY, f));
        String prefix = family.orElse(library.path().getFileName().toString());
        return new Slot(ID, SlotId.of(library.path(), key.display()), prefix + ": " + key.display(), true, Optional.empty(), properties);
    }

    private record Watched(LibraryWatch watch, Optional<String> family) {
    }

    /**
     * Starts a watch for each library in use and stops those no longer in use (or now of another family), while anyone
     * listens. Safe to call any time: what is already watched as wanted is left alone.
     */
    private void reconcile() {
        synchronized (reconciling) {
            if (listeners.isEmpty()) {
                return;
            }
            Map<Path, Optional<String>> wanted;
            try {
                wanted = libraries();
            } catch (TokenException e) {
                statusChanged();
                return;
            }
            List<LibraryWatch> stopped = new ArrayList<>();
            synchronized (watches) {
                watches.entrySet().removeIf(entry -> {
                    if (!entry.getValue().family().equals(wanted.get(entry.getKey()))) {
                        stopped.add(entry.getValue().watch());
                        return true;
                    }
                    return false;
                });
            }
            // Gone before the new ones start: a library renamed to another family is removed, then added under its new name.
            stopped.forEach(this::stop);
            synchronized (watches) {
                for (Map.Entry<Path, Optional<String>> library : wanted.entrySet()) {
                    if (listeners.isEmpty()) {
                        // the last listener left meanwhile and its stopWatches already ran (or waits for this lock): no
                        // watch may start after it, or it would run with nobody listening
                        break;
                    }
                    if (watches.containsKey(library.getKey())) {
                        continue;
                    }
                    try {
                        SkfLibrary loaded = SkfLibrary.load(library.getKey());
                        failures.remove(library.getKey());
                        watches.put(library.getKey(), new Watched(new LibraryWatch(loaded, key -> slot(loaded, key, library.getValue()), sink,
                                pollInterval).start(), library.getValue()));
                    } catch (SkfException e) {
                        failures.put(library.getKey(), e);
                    }
                }
            }
            statusChanged();
        }
    }

    private void stopWatches() {
        List<LibraryWatch> all;
        synchronized (watches) {
            all = watches.values().stream().map(Watched::watch).toList();
            watches.clear();
        }
        all.forEach(this::stop);
    }

    private void stop(LibraryWatch watch) {
        watch.close();
        watch.slots().forEach(slot -> sink.removed(slot.id()));
    }

    private void statusChanged() {
        TransportStatus status = status();
        synchronized (reporting) {
            listeners.forEach(l -> l.statusChanged(ID, status));
        }
    }

    private final LibraryWatch.Sink sink = new LibraryWatch.Sink() {
        @Override
        public void changed(Slot slot) {
            synchronized (reporting) {
                listeners.forEach(l -> l.slotChanged(slot));
            }
        }

        @Override
        public void removed(String slotId) {
            synchronized (reporting) {
                listeners.forEach(l -> l.slotRemoved(ID, slotId));
            }
        }

        @Override
        public void failed(SkfLibrary library, SkfException e) {
            SkfException before = failures.put(library.path(), e);
            if (before == null || !before.getMessage().equals(e.getMessage())) {
                statusChanged();
            }
        }

        @Override
        public void listed(SkfLibrary library) {
            if (failures.remove(library.path()) != null) {
                statusChanged();
            }
        }
    };
}
