/**
 * Driver test kit: the conformance suite every driver runs ({@code DriverConformance}, and
 * {@code PcscDriverConformance} for smart-card drivers tested with a virtual card).
 *
 * <p>Versioned API (semantic versioning of the package; the build's baseline check enforces it).
 */
@Version("0.2.0")
package org.tokenbench.testing.conformance;

import org.osgi.annotation.versioning.Version;
