/**
 * Error-code catalogs and their explanations; drivers contribute catalogs (see {@code DiagnosticsRegistry}).
 *
 * <p>Versioned API (semantic versioning of the package; the build's baseline check enforces it).
 */
@Version("0.2.0")
package org.tokenbench.diagnostics;

import org.osgi.annotation.versioning.Version;
