/**
 * Secrets, error codes and user-state files every bundle shares.
 *
 * <p>Versioned API (semantic versioning of the package; the build's baseline check enforces it).
 */
@NonNullByDefault
@Version("0.3.0")
package org.tokenbench.core;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.osgi.annotation.versioning.Version;
