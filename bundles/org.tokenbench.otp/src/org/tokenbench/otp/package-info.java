/**
 * HOTP/TOTP codes, otpauth URIs, key backups.
 *
 * <p>Versioned API (semantic versioning of the package; the build's baseline check enforces it).
 */
@Version("0.1.0")
package org.tokenbench.otp;

import org.osgi.annotation.versioning.Version;
