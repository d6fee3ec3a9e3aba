/**
 * Driver test kit: virtual cards plugged into pcscd through vpcd.
 *
 * <p>Versioned API (semantic versioning of the package; the build's baseline check enforces it).
 */
@Version("0.2.0")
package org.tokenbench.testing.pcsc;

import org.osgi.annotation.versioning.Version;
