/**
 * The workbench's API for other bundles: vendors add a device editor page ({@code DevicePage}, worked through
 * {@code DevicePageSite} and {@code SessionWork}), a family's view ({@code DeviceView}); the application adds the status
 * line and the perspectives.
 *
 * <p>Versioned API (semantic versioning of the package, the same as {@code Export-Package}): vendors implement
 * {@code DevicePage} (a consumer type), TokenBench implements {@code DevicePageSite} (a provider type: methods may be
 * added in a minor version).
 */
@Version("0.2.0")
package org.tokenbench.ui;

import org.osgi.annotation.versioning.Version;
