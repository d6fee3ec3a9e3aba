package org.tokenbench.ui;

import org.osgi.annotation.versioning.ProviderType;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.jobs.Job;
import org.tokenbench.core.TokenException;
import org.tokenbench.core.device.DeviceSession;

/** What a device editor gives its pages: the device and a way to work on it without holding it while idle. */
@ProviderType
public interface DevicePageSite {

    /** The work of one action, with a session the editor opened for it (and closes after). */
    @FunctionalInterface
    interface SessionWork {
        void run(DeviceSession session, IProgressMonitor monitor) throws TokenException;
    }

    /** The devices service's id of the device ({@code DeviceService.device(id)}). */
    String deviceId();

    /**
     * Runs {@code work} as a user Job under the device's scheduling rule, with a session opened for it and closed after:
     * a cancel before the session opened ends the Job as cancelled; a failure ends it with an error status and is shown
     * on the page with the catalog's explanation.
     */
    default Job run(String name, SessionWork work) {
        return run(name, work, result -> {
        });
    }

    /**
     * Like {@link #run(String, SessionWork)}, and {@code done} receives the Job's result however it ended (a cancel
     * before the work started too) on the Job's thread. It is attached before the Job is scheduled, so it cannot miss
     * the end: the place to wipe what the work was given (a PIN) and to tell a cancel from a result.
     */
    Job run(String name, SessionWork work, java.util.function.Consumer<org.eclipse.core.runtime.IStatus> done);

    /** How the device's operations ask the user (a PIN, a password, a yes before the last try), on the display. */
    org.tokenbench.core.driver.Interaction interaction();

    /** Shows a line on the page (any thread). */
    void show(String message);
}
