package org.tokenbench.testing.skf;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;

import com.sun.jna.NativeLibrary;

/**
 * Controls a soft SKF key for a test: where its state lives, what it is provisioned with, and which faults it
 * injects. The library under test is loaded by the driver from {@link #library()}, as a vendor library is;
 * this class only talks to it through its one extra export, {@code SOFTSKF_Configure}, and through files.
 */
public final class SoftSkf {

    /** Set by the test bundles' poms; the fallback is the path inside this repository. */
    public static final String LIBRARY_PROPERTY = "tokenbench.softskf.library";

    /**
     * Held for the JVM's life: JNA unloads a library (dlclose) once nothing references it, which would reset the
     * soft key's configuration between this class's call and the driver's.
     */
    private static final Map<Path, NativeLibrary> LOADED = new java.util.concurrent.ConcurrentHashMap<>();

    private final Path library;
    private final Path home;

    private SoftSkf(Path library, Path home) {
        this.library = library;
        this.home = home;
    }

    /** The built soft library. */
    public static Path library() {
        String configured = System.getProperty(LIBRARY_PROPERTY);
        return built(configured != null ? Path.of(configured) : Path.of("../org.tokenbench.testing.skf/target/native/libsoftskf.so"));
    }

    /** The same soft key built without SKF_WaitForDevEvent and SKF_CancelWaitForDevEvent, like vendors that must be polled. */
    public static Path libraryWithoutDeviceEvents() {
        return built(library().resolveSibling("libsoftskf-noevents.so"));
    }

    private static Path built(Path path) {
        if (!Files.isRegularFile(path)) {
            throw new IllegalStateException("the soft SKF library is not built at " + path.toAbsolutePath()
                    + " (the org.tokenbench.testing.skf module builds it with make, gcc and libssl-dev)");
        }
        return path.toAbsolutePath().normalize();
    }

    /**
     * A new key with its state in {@code home}, served by the library at {@code library}; {@code provisioning}
     * overrides the defaults written before first use (label, user_pin, user_remain, cert_valid_days, ...).
     */
    public static SoftSkf create(Path library, Path home, Map<String, String> provisioning) {
        try {
            Files.createDirectories(home);
            StringBuilder state = new StringBuilder();
            provisioning.forEach((k, v) -> state.append(k).append('=').append(v).append('\n'));
            if (!provisioning.isEmpty()) {
                Files.writeString(home.resolve("state"), state);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        LOADED.computeIfAbsent(library, path -> NativeLibrary.getInstance(path.toString())).getFunction("SOFTSKF_Configure")
                .invokeInt(new Object[] {home.toString()});
        return new SoftSkf(library, home);
    }

    /** A copy of the soft library under another file name: a second "vendor", loaded separately. */
    public static Path copyAsVendor(Path directory, String fileName) {
        try {
            Files.createDirectories(directory);
            return Files.copy(library(), directory.resolve(fileName), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The library file serving this key. */
    public Path libraryPath() {
        return library;
    }

    public Path home() {
        return home;
    }

    /** Replaces the fault plan; counting of calls starts again (see native/softskf.c for the rules). */
    public void faults(String... rules) {
        try {
            Path tmp = home.resolve("faults.tmp");
            Files.write(tmp, List.of(rules), StandardCharsets.US_ASCII);
            Files.move(tmp, home.resolve("faults"), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void clearFaults() {
        try {
            Files.deleteIfExists(home.resolve("faults"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Pulls the key out of its port: its library lists nothing and every call fails with SAR_DEVICE_REMOVED. */
    public void unplug() {
        try {
            Files.writeString(home.resolve("unplugged"), "");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Plugs the key back in. */
    public void plug() {
        try {
            Files.deleteIfExists(home.resolve("unplugged"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The CA certificate (DER) the key's certificate was issued by; exists after the key's first use. */
    public byte[] caCertificate() {
        return read("ca.crt");
    }

    /** A value of the key's state file, e.g. user_remain after a wrong PIN. */
    public String state(String key) {
        for (String line : new String(read("state"), StandardCharsets.US_ASCII).split("\n")) {
            if (line.startsWith(key + "=")) {
                return line.substring(key.length() + 1);
            }
        }
        throw new IllegalArgumentException("no " + key + " in the soft key's state");
    }

    private byte[] read(String file) {
        try {
            return Files.readAllBytes(home.resolve(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
