/**
 * The devices service and the transport SPI: vendors implement {@code DeviceTransport} (a new kind of connection); TokenBench implements {@code DeviceService}.
 *
 * <p>Versioned API (semantic versioning of the package; the build's baseline check enforces it).
 */
@NonNullByDefault
@Version("0.2.0")
package org.tokenbench.core.device;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.osgi.annotation.versioning.Version;
