/**
 * Programming a token through its driver's features.
 *
 * <p>Versioned API (semantic versioning of the package; the build's baseline check enforces it).
 */
@Version("0.1.0")
package org.tokenbench.programming;

import org.osgi.annotation.versioning.Version;
