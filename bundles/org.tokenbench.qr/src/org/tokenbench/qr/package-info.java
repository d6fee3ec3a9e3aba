/**
 * QR codes of otpauth URIs: decoding, screen capture, encoding.
 *
 * <p>Versioned API (semantic versioning of the package; the build's baseline check enforces it).
 */
@Version("0.2.0")
package org.tokenbench.qr;

import org.osgi.annotation.versioning.Version;
