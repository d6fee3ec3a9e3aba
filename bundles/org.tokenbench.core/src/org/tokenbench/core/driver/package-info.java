/**
 * The driver SPI: vendors implement {@code TokenDriver}, {@code TokenSession} and the feature interfaces; TokenBench implements the registry, the PIN guard and the interactions.
 *
 * <p>Versioned API (semantic versioning of the package; the build's baseline check enforces it).
 */
@NonNullByDefault
@Version("0.3.0")
package org.tokenbench.core.driver;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.osgi.annotation.versioning.Version;
