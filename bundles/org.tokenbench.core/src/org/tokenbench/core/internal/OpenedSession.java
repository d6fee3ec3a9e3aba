package org.tokenbench.core.internal;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

import org.tokenbench.core.device.Device;
import org.tokenbench.core.device.DeviceSession;
import org.tokenbench.core.driver.Checklist;
import org.tokenbench.core.driver.Connection;
import org.tokenbench.core.driver.DeviceIdentity;
import org.tokenbench.core.driver.DriverInfo;
import org.tokenbench.core.driver.FamilyDescriptor;
import org.tokenbench.core.driver.Interaction;
import org.tokenbench.core.driver.PinGuard;
import org.tokenbench.core.driver.PinVerifier;
import org.tokenbench.core.driver.TokenSession;
import org.tokenbench.core.fleet.AuditLog;

/**
 * A driver's session as callers get it: PIN verification only through {@link PinGuard} (recorded in the audit log
 * installed at the time of asking), and closing in the order the ownership rule gives (the driver's session, then the connection, then the device's lock), once.
 */
final class OpenedSession implements DeviceSession {

    private final Device device;
    private final DriverInfo driver;
    private final FamilyDescriptor family;
    private final TokenSession session;
    private final Connection connection;
    private final Runnable release;
    private final Supplier<AuditLog> audit;
    private final AtomicBoolean closed = new AtomicBoolean();

    OpenedSession(Device device, DriverInfo driver, FamilyDescriptor family, TokenSession session, Connection connection, Runnable release,
            Supplier<AuditLog> audit) {
        this.device = device;
        this.driver = driver;
        this.family = family;
        this.session = session;
        this.connection = connection;
        this.release = release;
        this.audit = audit;
    }

    @Override
    public Device device() {
        return device;
    }

    @Override
    public DriverInfo driver() {
        return driver;
    }

    @Override
    public FamilyDescriptor family() {
        return family;
    }

    @Override
    public DeviceIdentity identity() {
        return session.identity();
    }

    @Override
    public <T> Optional<T> feature(Class<T> type) {
        if (closed.get()) {
            throw new IllegalStateException("the session on " + device.slot().name() + " is closed");
        }
        if (type == PinVerifier.class) {
            return Optional.empty();
        }
        if (type == PinGuard.class) {
            return session.feature(PinVerifier.class).map(verifier -> PinGuard.recorded(verifier, audit.get(), session.identity())).map(type::cast);
        }
        if (type == Checklist.class) {
            // A checklist that verifies a PIN does it through the recorded guard, as every other caller does.
            Optional<PinGuard> guard = feature(PinGuard.class);
            return session.feature(Checklist.class).map(checklist -> guard.isEmpty() ? checklist : withGuard(checklist, guard.get()))
                    .map(type::cast);
        }
        return session.feature(type).map(feature -> feature instanceof PinVerifier && type.isInterface() ? onlyAs(type, feature) : feature);
    }

    /**
     * A driver's session object is often all its features at once: handed out as itself, a caller could cast a
     * {@code DeviceDetails} to {@code PinVerifier} and verify a PIN past the guard. A proxy that is only {@code type}
     * keeps the PIN rules unavoidable.
     */
    private static <T> T onlyAs(Class<T> type, Object feature) {
        InvocationHandler forward = (proxy, method, arguments) -> {
            try {
                return method.invoke(feature, arguments);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        };
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, forward));
    }

    private static Checklist withGuard(Checklist checklist, PinGuard guard) {
        return new Checklist() {
            @Override
            public List<Step> steps() {
                return checklist.steps();
            }

            @Override
            public List<Result> run(Inputs inputs, Interaction interaction, java.util.function.Consumer<Result> listener) {
                return checklist.run(inputs.pinGuard().isPresent() ? inputs : inputs.withPinGuard(guard), interaction, listener);
            }
        };
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            session.close();
        } finally {
            try {
                connection.close();
            } finally {
                release.run();
            }
        }
    }
}
