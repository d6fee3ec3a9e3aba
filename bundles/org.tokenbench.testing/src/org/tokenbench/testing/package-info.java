/**
 * Driver test kit: OSGi service helpers, scripted interactions, pluggable transports and drivers.
 *
 * <p>Versioned API (semantic versioning of the package; the build's baseline check enforces it).
 */
@Version("0.2.0")
package org.tokenbench.testing;

import org.osgi.annotation.versioning.Version;
