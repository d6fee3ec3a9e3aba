package org.tokenbench.ui.tests;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import org.tokenbench.core.ErrorCode;
import org.tokenbench.core.ProgressMonitor;
import org.tokenbench.core.Secret;
import org.tokenbench.core.TokenException;
import org.tokenbench.core.driver.Certificates;
import org.tokenbench.core.driver.Checklist;
import org.tokenbench.core.driver.Connection;
import org.tokenbench.core.driver.CredentialStore;
import org.tokenbench.core.driver.DeviceDetails;
import org.tokenbench.core.driver.DeviceIdentity;
import org.tokenbench.core.driver.DriverDescriptor;
import org.tokenbench.core.driver.FamilyDescriptor;
import org.tokenbench.core.driver.HashAlgorithm;
import org.tokenbench.core.driver.Interaction;
import org.tokenbench.core.driver.Match;
import org.tokenbench.core.driver.PinStatus;
import org.tokenbench.core.driver.PinType;
import org.tokenbench.core.driver.PinVerifier;
import org.tokenbench.core.driver.SeedProgramming;
import org.tokenbench.core.driver.TokenClock;
import org.tokenbench.core.driver.TokenSession;
import org.tokenbench.testing.PluggableTransport.PluggableConnection;
import org.tokenbench.testing.TestDriver;

/**
 * A third vendor's driver, written only against the driver API (no SafeID, Guomi or OATH code and no UI code): its
 * sessions offer details, a clock, seed programming, a PIN with a retry counter, a certificate, a checklist and a
 * credential store, so the device editor must build every page for it. The device's state (PIN counter, what was
 * verified, what was written) lives in the driver, as a device's would, and tests read it.
 */
final class VendorKeyDriver extends TestDriver {

    static final String ID = "com.example.driver.vendorkey";
    static final String FAMILY = "vendor-key";
    static final String PIN = "24681357";
    static final int MAX_TRIES = 6;
    /** A self-signed P-256 certificate, "CN=Vendor Key Test, O=Example Vendor". */
    static final byte[] CERTIFICATE = Base64.getDecoder().decode("MIIBuzCCAWGgAwIBAgIUCl1q834AIQwcyV9UaVlghzI0cWwwCgYIKoZIzj0EAwIwMzEYMBYGA1UEAwwPVmVuZG9yIEtleSBUZXN0MRcwFQYDVQQKDA5FeGFtcGxlIFZlbmRvcjAeFw0yNjExMjkxMjU3NTJaFw0zNjExMjYxMjU3NTJaMDMxGDAWBgNVBAMMD1ZlbmRvciBLZXkgVGVzdDEXMBUGA1UECgwORXhhbXBsZSBWZW5kb3IwWTATBgcqhkjOPQIBBggqhkjOPQMBBwNCAARRlXbVCg+gljjhPoZat8oxjdVmiFzBIl/tSH9CWSfe054oCskc6633VTESAxbyec6UWx91y4FgOq5f1M0bRLUjo1MwUTAdBgNVHQ4EFgQU5QJ8ZI/l4qFPIIhy5wVIBDLFt5wwHwYDVR0jBBgwFoAU5QJ8ZI/l4qFPIIhy5wVIBDLFt5wwDwYDVR0TAQH/BAUwAwEB/zAKBggqhkjOPQQDAgNIADBFAiEAskeFCUNcwYzaoRlnD7YlrAMOaC2ynum8MsvNzDgsqeACIEPGv2YoePjvdzfUvD3VPyoFeowXDj3fPyNDmlH10gMB");
    private static final ErrorCode WRONG_PIN = ErrorCode.of("vendorkey", 0x63C0);

    final AtomicInteger triesLeft = new AtomicInteger(MAX_TRIES);
    /** Every PIN the device was sent, as a count: the editor must never send one the user did not ask for. */
    final AtomicInteger attempts = new AtomicInteger();
    final List<String> written = new ArrayList<>();

    VendorKeyDriver() {
        super(new DriverDescriptor(ID, "Example Vendor", "Example vendor key (test driver)",
                List.of("DeviceDetails", "TokenClock", "SeedProgramming", "PinVerifier", "Certificates", "Checklist", "CredentialStore"),
                List.of(new FamilyDescriptor(FAMILY, "Example vendor key", false, List.of(), List.of(), Set.of(HashAlgorithm.SHA1, HashAlgorithm.SHA256),
                        List.of(6, 8), List.of(30, 60), List.of(), 1, Set.of(PinType.USER)))));
    }

    @Override
    public Class<? extends Connection> connectionType() {
        return PluggableConnection.class;
    }

    @Override
    public Optional<Match> probe(Connection connection) {
        return Optional.of(new Match(FAMILY, 90));
    }

    @Override
    public TokenSession open(Connection connection, Interaction interaction) {
        return new Session(((PluggableConnection) connection).device().serial());
    }

    private final class Session implements TokenSession, DeviceDetails, TokenClock, SeedProgramming, PinVerifier, Certificates, Checklist,
            CredentialStore {
        private final String serial;

        Session(String serial) {
            this.serial = serial;
        }

        @Override
        public DeviceIdentity identity() {
            return new DeviceIdentity(ID, FAMILY, serial);
        }

        @Override
        public <T> Optional<T> feature(Class<T> type) {
            return type.isInstance(this) ? Optional.of(type.cast(this)) : Optional.empty();
        }

        @Override
        public Map<String, String> details() {
            Map<String, String> details = new LinkedHashMap<>();
            details.put("Manufacturer", "Example Vendor Ltd.");
            details.put("Firmware", "3.1.4");
            details.put("Free space", "12 KB");
            return details;
        }

        @Override
        public Instant tokenTime() {
            return Instant.now().plusSeconds(2);
        }

        @Override
        public Optional<String> unsupported(Settings settings) {
            return Optional.empty();
        }

        @Override
        public void program(Secret seed, Settings settings, Instant clock, ProgressMonitor monitor) {
            synchronized (written) {
                written.add(settings.algorithm() + "/" + settings.digits());
            }
        }

        @Override
        public Set<PinType> pinTypes() {
            return Set.of(PinType.USER);
        }

        @Override
        public PinStatus status(PinType type) {
            return new PinStatus(type, MAX_TRIES, triesLeft.get(), false);
        }

        @Override
        public Attempt verifyOnce(PinType type, Secret pin) {
            attempts.incrementAndGet();
            boolean right = pin.apply(bytes -> new String(bytes, java.nio.charset.StandardCharsets.US_ASCII).equals(PIN));
            if (right) {
                triesLeft.set(MAX_TRIES);
                return new Attempt(true, status(type), null);
            }
            triesLeft.updateAndGet(left -> Math.max(0, left - 1));
            return new Attempt(false, status(type), new TokenException(WRONG_PIN, "the key refused the PIN"));
        }

        @Override
        public ErrorCode lockedCode(PinType type) {
            return ErrorCode.of("vendorkey", 0x6983);
        }

        @Override
        public void logout() {
        }

        @Override
        public List<Entry> certificates() {
            return List.of(new Entry("signing-container", Usage.SIGNING, CERTIFICATE));
        }

        @Override
        public List<Step> steps() {
            return List.of(new Step("firmware", "Firmware is current"), new Step("certificate", "The certificate chains to the CA"));
        }

        @Override
        public List<Result> run(Inputs inputs, Interaction interaction, Consumer<Result> listener) {
            List<Result> results = List.of(new Result(steps().get(0), Status.PASSED, "3.1.4", Optional.empty()),
                    inputs.caCertificate().isPresent() ? new Result(steps().get(1), Status.PASSED, "chains", Optional.empty())
                            : new Result(steps().get(1), Status.SKIPPED, "no CA certificate was given", Optional.empty()));
            results.forEach(listener);
            return results;
        }

        @Override
        public List<Credential> list() {
            return List.of(new Credential("Example:alice@example.com", Type.TOTP, HashAlgorithm.SHA1, 6, 30, false),
                    new Credential("Bank:alice", Type.TOTP, HashAlgorithm.SHA256, 8, 30, true));
        }

        @Override
        public void put(Credential credential, Secret key, long counter, Interaction interaction) {
        }

        @Override
        public void delete(String name) {
        }

        @Override
        public void rename(String name, String newName) {
        }

        @Override
        public Code calculate(String name, Instant time) {
            return calculateAll(time).stream().filter(c -> c.credential().name().equals(name)).findFirst().orElseThrow();
        }

        @Override
        public List<Code> calculateAll(Instant time) {
            Instant from = Instant.ofEpochSecond(time.getEpochSecond() / 30 * 30);
            return List.of(new Code(list().get(0), Optional.of("287082"), Optional.empty(), from, from.plusSeconds(30)),
                    new Code(list().get(1), Optional.empty(), Optional.of("touch the key"), from, from.plusSeconds(30)));
        }

        @Override
        public boolean passwordProtected() {
            return false;
        }

        @Override
        public void setPassword(Optional<Secret> newPassword) {
        }

        @Override
        public boolean reset(Interaction interaction) {
            return false;
        }

        @Override
        public void close() {
        }
    }
}
