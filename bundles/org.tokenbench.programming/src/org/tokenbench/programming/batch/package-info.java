/**
 * Programming many tokens from a seed file, with a journal.
 *
 * <p>Versioned API (semantic versioning of the package; the build's baseline check enforces it).
 */
@Version("0.1.0")
package org.tokenbench.programming.batch;

import org.osgi.annotation.versioning.Version;
