package org.tokenbench.core.device;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import org.eclipse.jdt.annotation.Nullable;
import org.osgi.annotation.versioning.ConsumerType;
import org.tokenbench.core.TokenException;
import org.tokenbench.core.driver.Checklist;
import org.tokenbench.core.driver.Connection;

/**
 * One way devices reach this machine (PC/SC readers, vendors' SKF libraries, a vendor's HID or PKCS#11 stack),
 * registered as an OSGi service by its bundle. It reports slots appearing, changing and leaving, and opens
 * connections for the devices service, which owns them (see {@link org.tokenbench.core.driver.TokenDriver}).
 * Vendors implement this to bring a new kind of connection; drivers then declare that connection type.
 */
@ConsumerType
public interface DeviceTransport {

    /** Short and stable: {@code pcsc}, {@code skf}; the first part of every device id it reports. */
    String id();

    /** For humans: "PC/SC smart-card readers". */
    String displayName();

    /** The connection type {@link #connect} returns; drivers declaring it (or a supertype) are offered its devices. */
    Class<? extends Connection> connectionType();

    /**
     * Starts reporting: every slot present now, then each change, until the returned handle is closed. Reporting is
     * event-driven where the platform allows (blocking waits on a thread of the transport's), polling otherwise.
     */
    AutoCloseable watch(TransportListener listener);

    /** The transport's state now, without waiting for an event. */
    TransportStatus status();

    /** The slots present now, asked directly (for one-shot commands that do not watch). */
    List<Slot> slots() throws TokenException;

    /**
     * Opens a connection to the device in {@code slotId}, exclusive against other programs where the transport can
     * be (PC/SC: exclusive share mode). When another program holds the device, waits up to {@code wait} for it, then
     * fails saying which program to close.
     *
     * @param trace receives one line per exchange where the transport can trace (secret bodies redacted); may be null
     */
    Connection connect(String slotId, Duration wait, @Nullable Consumer<String> trace) throws TokenException;

    /**
     * The checklist steps that come before a device (library loads and exports its functions; pcscd runs and the
     * reader is there) for {@code source}: a library path, a reader name. Empty when the transport has none.
     */
    default List<Checklist.Result> checkEnvironment(String source) {
        return List.of();
    }

    /** Transport-level features such as {@link VendorLibraries}, looked up like a session's. */
    default <T> Optional<T> feature(Class<T> type) {
        return type.isInstance(this) ? Optional.of(type.cast(this)) : Optional.empty();
    }
}
