/**
 * Driver test kit: the soft SKF library and its loader.
 *
 * <p>Versioned API (semantic versioning of the package; the build's baseline check enforces it).
 */
@Version("0.1.0")
package org.tokenbench.testing.skf;

import org.osgi.annotation.versioning.Version;
