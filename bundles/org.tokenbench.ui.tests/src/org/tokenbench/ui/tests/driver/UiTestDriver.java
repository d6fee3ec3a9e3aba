package org.tokenbench.ui.tests.driver;

import org.tokenbench.testing.TestDriver;

/**
 * The class of the driver jar InstallDriverDialogTest writes (with this class file, a DS component and a descriptor)
 * and installs through Help › Install Driver…; not a component of the test fragment itself. It claims no device, and
 * its descriptor is the jar's own, read as a vendor driver's is.
 */
public final class UiTestDriver extends TestDriver {

    /** For the DS component. */
    public UiTestDriver() {
    }
}
