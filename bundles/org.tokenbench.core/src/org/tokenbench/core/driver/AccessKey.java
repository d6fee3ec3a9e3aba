package org.tokenbench.core.driver;

import org.osgi.annotation.versioning.ConsumerType;
import org.tokenbench.core.Secret;

/**
 * A session feature: the device authenticates the host with a key (a SafeID customer/transport key, a
 * YKOATH password). Without one the driver uses the vendor's published default, where one exists.
 * The session keeps the Secret only until it closes.
 */
@ConsumerType
public interface AccessKey {

    void use(Secret key);
}
