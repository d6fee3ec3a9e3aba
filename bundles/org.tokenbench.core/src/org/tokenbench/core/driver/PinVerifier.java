package org.tokenbench.core.driver;

import java.util.Set;

import org.eclipse.jdt.annotation.Nullable;
import org.osgi.annotation.versioning.ConsumerType;
import org.tokenbench.core.Secret;
import org.tokenbench.core.TokenException;

/**
 * A session feature drivers implement for devices with PINs: read a counter, and make exactly one verification
 * attempt. Callers never use it directly: the devices service hides it behind {@link PinGuard}, which enforces the
 * rules once for every driver (counter first, never a locked PIN, the last try only after a yes, never a retry).
 * A driver's own operations that need a PIN (a checklist's logon rehearsal) go through {@link PinGuard} too.
 */
@ConsumerType
public interface PinVerifier {

    /** What one attempt came to. {@code failure} explains a refusal (the device's own code, e.g. skf:0x0A000024); null when accepted. */
    record Attempt(boolean accepted, PinStatus after, @Nullable TokenException failure) {
    }

    Set<PinType> pinTypes();

    /** The counter, read without spending a try. */
    PinStatus status(PinType type) throws TokenException;

    /** Exactly one verification; never retried inside. A refused PIN is an {@link Attempt}, not an exception. */
    Attempt verifyOnce(PinType type, Secret pin) throws TokenException;

    /** The code that says a PIN is locked, in the device's namespace (e.g. skf:0x0A000025). */
    org.tokenbench.core.ErrorCode lockedCode(PinType type);

    /** Forgets a verified PIN (logout), so it does not outlive the operation that needed it. */
    void logout();
}
