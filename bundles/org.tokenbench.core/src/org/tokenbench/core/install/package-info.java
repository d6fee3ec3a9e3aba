/**
 * Adding device drivers to an installed product: {@code DriverInstaller}, used by {@code tokenbench driver} and the
 * workbench.
 *
 * <p>Versioned API (semantic versioning of the package; the build's baseline check enforces it).
 */
@NonNullByDefault
@Version("0.2.0")
package org.tokenbench.core.install;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.osgi.annotation.versioning.Version;
