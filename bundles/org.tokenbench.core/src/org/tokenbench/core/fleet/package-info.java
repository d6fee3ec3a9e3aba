/**
 * Audit log and device inventory, implemented by the fleet bundle; drivers, engines and views call them.
 *
 * <p>Versioned API (semantic versioning of the package; the build's baseline check enforces it).
 */
@NonNullByDefault
@Version("0.1.1")
package org.tokenbench.core.fleet;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.osgi.annotation.versioning.Version;
