package org.tokenbench.core.internal;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.Set;

import org.tokenbench.core.TokenBenchHome;
import org.tokenbench.core.driver.Atr;
import org.tokenbench.core.driver.AtrPattern;
import org.tokenbench.core.driver.DriverDescriptor;
import org.tokenbench.core.driver.FamilyDescriptor;

/**
 * ATRs and reader names the user taught TokenBench, for devices a driver's descriptor does not know yet (a token
 * whose vendor publishes no ATR, a new firmware), like pcsc-tools' own smartcard_list.txt. One file in TokenBench's
 * home, {@code known-devices.properties}:
 *
 * <pre>
 * org.tokenbench.driver.safeid/molto2.atr = 3B 86 01 54 4F 4B 45 4E 32 EE
 * com.acme.tokenbench.driver/usb.reader = ACME Dongle*
 * </pre>
 *
 * A device matching an entry is offered to that driver as if its descriptor said so; the driver's probe still decides.
 * Malformed entries are ignored (with a line on stderr): they can only make TokenBench ask fewer drivers.
 */
final class KnownDevices {

    static final String FILE = "known-devices.properties";

    /** What the user listed for one driver, as a family the descriptor's own matching applies to. */
    private record Entry(String driverId, FamilyDescriptor listed) {
    }

    private Path loadedFrom;
    private long loadedStamp = -1;
    private List<Entry> entries = List.of();

    /** Whether the user said a card with this ATR, in the reader named {@code reader}, is for this driver. */
    synchronized boolean mayClaim(DriverDescriptor descriptor, Atr atr, String reader) {
        refresh();
        return entries.stream().anyMatch(entry -> entry.driverId().equals(descriptor.id()) && entry.listed().mayBe(atr, reader));
    }

    private static Entry entry(String key, List<AtrPattern> atrs, List<String> readers) {
        return new Entry(key.substring(0, key.indexOf('/')), new FamilyDescriptor(key, key, false, atrs, readers, Set.of(), List.of(),
                List.of(), List.of(), 0, Set.of()));
    }

    private void refresh() {
        Path file = TokenBenchHome.directory().resolve(FILE);
        long stamp;
        try {
            stamp = Files.isRegularFile(file) ? Files.getLastModifiedTime(file).toMillis() : 0;
        } catch (IOException e) {
            stamp = 0;
        }
        if (file.equals(loadedFrom) && stamp == loadedStamp) {
            return;
        }
        loadedFrom = file;
        loadedStamp = stamp;
        entries = stamp == 0 ? List.of() : read(file);
    }

    private static List<Entry> read(Path file) {
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(in);
        } catch (IOException | IllegalArgumentException e) {
            System.err.println("TokenBench: " + file + " cannot be read: " + e.getMessage());
            return List.of();
        }
        List<Entry> entries = new ArrayList<>();
        for (String key : properties.stringPropertyNames()) {
            int slash = key.indexOf('/');
            int dot = key.lastIndexOf('.');
            if (slash <= 0 || dot <= slash) {
                System.err.println("TokenBench: " + file + ": '" + key + "' is not DRIVER-ID/FAMILY.atr or .reader");
                continue;
            }
            List<String> values = Arrays.stream(properties.getProperty(key).split("\\|")).map(String::strip).filter(v -> !v.isEmpty()).toList();
            try {
                switch (key.substring(dot + 1)) {
                    case "atr" -> entries.add(entry(key, values.stream().map(AtrPattern::parse).toList(), List.of()));
                    case "reader" -> entries.add(entry(key, List.of(), values));
                    default -> System.err.println("TokenBench: " + file + ": '" + key + "' names neither atr nor reader");
                }
            } catch (IllegalArgumentException e) {
                System.err.println("TokenBench: " + file + ": " + key + ": " + e.getMessage());
            }
        }
        return entries;
    }
}
