/**
 * Contributing headless commands: a vendor bundle registers a {@code CommandProvider} service.
 *
 * <p>Versioned API (semantic versioning of the package; the build's baseline check enforces it).
 */
@Version("0.2.0")
package org.tokenbench.cli.command;

import org.osgi.annotation.versioning.Version;
