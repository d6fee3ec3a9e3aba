package org.tokenbench.driver.guomi.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;

import org.tokenbench.core.ErrorCode;
import org.tokenbench.core.Secret;
import org.tokenbench.core.TokenException;
import org.tokenbench.core.driver.Certificates;
import org.tokenbench.core.driver.Checklist;
import org.tokenbench.core.driver.DeviceDetails;
import org.tokenbench.core.driver.DeviceIdentity;
import org.tokenbench.core.driver.PinStatus;
import org.tokenbench.core.driver.PinType;
import org.tokenbench.core.driver.PinVerifier;
import org.tokenbench.core.driver.Signing;
import org.tokenbench.core.driver.TokenSession;
import org.tokenbench.skf.DeviceInfo;
import org.tokenbench.skf.SkfApplication;
import org.tokenbench.skf.SkfConnection;
import org.tokenbench.skf.SkfContainer;
import org.tokenbench.skf.SkfDevice;
import org.tokenbench.skf.SkfException;

/**
 * A session on one Guomi key. It holds the key's first SKF application once a feature needs it and closes it
 * (logging out) on {@link #close()}; the connection belongs to the devices service.
 */
final class GuomiSession implements TokenSession, DeviceDetails, PinVerifier, Certificates, Signing {

    static final String SIGNATURE_ALGORITHM = "SM3withSM2";
    private static final ErrorCode PIN_LOCKED = SkfException.sarCode(SkfException.SAR_PIN_LOCKED);

    private final SkfDevice device;
    private final DeviceIdentity identity;
    private SkfApplication application;
    /** The last counter read per PIN type, to say the tries left when a pulled key cannot be asked again. */
    private final Map<PinType, PinStatus> lastStatus = new LinkedHashMap<>();

    GuomiSession(SkfConnection connection, String driverId, String family) throws TokenException {
        this.device = connection.device();
        this.identity = new DeviceIdentity(driverId, family, device.info().serialNumber());
    }

    SkfDevice device() {
        return device;
    }

    @Override
    public DeviceIdentity identity() {
        return identity;
    }

    @Override
    public <T> Optional<T> feature(Class<T> type) {
        if (type == Checklist.class) {
            return Optional.of(type.cast(new DeviceChecklist(this)));
        }
        if (type == DeviceDetails.class || type == PinVerifier.class || type == Certificates.class || type == Signing.class) {
            return Optional.of(type.cast(this));
        }
        return Optional.empty();
    }

    /** The key's first application, opened once per session. */
    SkfApplication application() throws TokenException {
        if (application == null) {
            List<String> applications = device.applications();
            if (applications.isEmpty()) {
                throw GuomiProblem.NO_APPLICATION.failure("the key lists no application");
            }
            application = device.openApplication(applications.get(0));
        }
        return application;
    }

    // ---- DeviceDetails ----

    @Override
    public Map<String, String> details() throws TokenException {
        return details(false);
    }

    @Override
    public Map<String, String> displayed() throws TokenException {
        return details(true);
    }

    /** The ids stay the keys of {@code guomi list --json}; a person reads their labels (messages: detail.*). */
    private Map<String, String> details(boolean forPeople) throws TokenException {
        DeviceInfo info = device.info();
        Map<String, String> details = new LinkedHashMap<>();
        BiConsumer<String, String> put = (id, value) -> details.put(forPeople ? DeviceChecklist.TEXTS.get("detail." + id.replace(' ', '-')) : id, value);
        put.accept("label", info.label());
        put.accept("manufacturer", info.manufacturer());
        put.accept("issuer", info.issuer());
        put.accept("serial", info.serialNumber());
        put.accept("firmware", info.firmwareVersion());
        put.accept("hardware", info.hardwareVersion());
        put.accept("free space", forPeople ? DeviceChecklist.TEXTS.get("detail.free-space.bytes", info.freeSpace(), info.totalSpace())
                : info.freeSpace() + " of " + info.totalSpace() + " bytes");
        return details;
    }

    // ---- PinVerifier: single attempts; the rules are PinGuard's ----

    @Override
    public Set<PinType> pinTypes() {
        return Set.of(PinType.USER, PinType.ADMIN);
    }

    @Override
    public PinStatus status(PinType type) throws TokenException {
        PinStatus status = application().pinStatus(type);
        lastStatus.put(type, status);
        return status;
    }

    @Override
    public Attempt verifyOnce(PinType type, Secret pin) throws TokenException {
        SkfApplication.PinResult result = application().verifyOnce(type, pin);
        if (result.accepted()) {
            return new Attempt(true, status(type), null);
        }
        if (result.sar() != SkfException.SAR_PIN_INCORRECT && result.sar() != SkfException.SAR_PIN_LOCKED) {
            throw SkfException.skf("SKF_VerifyPIN", result.sar(), "verifying the " + type.label());
        }
        return new Attempt(false, statusAfterRefusal(type, result), SkfException.skf("SKF_VerifyPIN", result.sar(), "wrong " + type.label()));
    }

    /** A fresh counter; the call's own report is the fallback when the key cannot be asked (pulled right after). */
    private PinStatus statusAfterRefusal(PinType type, SkfApplication.PinResult result) throws TokenException {
        try {
            return status(type);
        } catch (SkfException e) {
            PinStatus before = lastStatus.get(type);
            int reported = result.triesReported();
            if (before == null || reported < 0 || reported > before.maxTries()) {
                throw e;
            }
            return new PinStatus(type, before.maxTries(), result.sar() == SkfException.SAR_PIN_LOCKED ? 0 : reported, before.isDefault());
        }
    }

    @Override
    public ErrorCode lockedCode(PinType type) {
        return PIN_LOCKED;
    }

    @Override
    public void logout() {
        if (application != null) {
            application.logout();
        }
    }

    // ---- Certificates ----

    @Override
    public List<Entry> certificates() throws TokenException {
        List<Entry> entries = new ArrayList<>();
        SkfApplication app = application();
        for (String name : app.containers()) {
            try (SkfContainer container = app.openContainer(name)) {
                if (container.type() != SkfContainer.TYPE_ECC) {
                    continue;
                }
                container.certificate(true).ifPresent(der -> entries.add(new Entry(name, Usage.SIGNING, der)));
                container.certificate(false).ifPresent(der -> entries.add(new Entry(name, Usage.ENCRYPTION, der)));
            }
        }
        return entries;
    }

    // ---- Signing ----

    /** SM3withSM2 with the default signer ID, as a logon does; the key refuses (SAR_USER_NOT_LOGGED_IN) without the PIN. */
    @Override
    public Signature sign(String containerName, byte[] message) throws TokenException {
        try (SkfContainer container = application().openContainer(containerName)) {
            if (container.type() != SkfContainer.TYPE_ECC) {
                throw GuomiProblem.NO_ECC_CONTAINER.failure("container " + containerName + " holds no SM2 key");
            }
            byte[] hash = device.sm3WithZ(container.publicKeyBlob(true), Sm2.DEFAULT_ID, message);
            return new Signature(SIGNATURE_ALGORITHM, Sm2.toDer(container.sign(hash)));
        }
    }

    /** Closes the application (which logs out); the connection stays with the devices service. */
    @Override
    public void close() {
        if (application != null) {
            application.close();
            application = null;
        }
    }
}
