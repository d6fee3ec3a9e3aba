/**
 * PC/SC connections and APDUs for drivers of smart-card tokens.
 *
 * <p>Versioned API (semantic versioning of the package; the build's baseline check enforces it).
 */
@Version("0.1.0")
package org.tokenbench.pcsc;

import org.osgi.annotation.versioning.Version;
