/**
 * GM/T 0016 SKF vendor libraries (JNA) for drivers of Guomi USB keys.
 *
 * <p>Versioned API (semantic versioning of the package; the build's baseline check enforces it).
 */
@Version("0.2.0")
package org.tokenbench.skf;

import org.osgi.annotation.versioning.Version;
