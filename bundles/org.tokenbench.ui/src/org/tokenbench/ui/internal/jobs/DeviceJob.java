package org.tokenbench.ui.internal.jobs;

import java.util.function.Consumer;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.ui.progress.IProgressConstants;
import org.tokenbench.core.TokenException;

/**
 * A user Job on one device, under its {@link DeviceRule}. A Job cancelled while it waited for the device does no device
 * work; a failure is handed to the view (which explains it where the user looks) and is the Job's error result, so
 * the Progress view and Job listeners see that the operation failed.
 */
public final class DeviceJob extends Job {

    /** The device work; runs with the device's rule held. */
    @FunctionalInterface
    public interface Work {
        void run(IProgressMonitor monitor) throws TokenException;
    }

    private final Work work;
    private final Consumer<TokenException> failed;

    private DeviceJob(String name, String deviceId, Work work, Consumer<TokenException> failed) {
        super(name);
        this.work = work;
        this.failed = failed;
        setRule(new DeviceRule(deviceId));
        setUser(true);
        // The view already explains the failure in place: no modal dialog on top of it.
        setProperty(IProgressConstants.NO_IMMEDIATE_ERROR_PROMPT_PROPERTY, Boolean.TRUE);
    }

    /** Schedules {@code work} on {@code deviceId}; {@code failed} receives its TokenException (on the Job's thread). */
    public static DeviceJob schedule(String name, String deviceId, Work work, Consumer<TokenException> failed) {
        DeviceJob job = create(name, deviceId, work, failed);
        job.schedule();
        return job;
    }

    @Override
    protected IStatus run(IProgressMonitor monitor) {
        if (monitor.isCanceled()) {
            return Status.CANCEL_STATUS;
        }
        try {
            work.run(monitor);
            // Work that ran to its end did what it was asked, even if the user pressed cancel past the point of no
            // return (the engines stop only before it, by throwing): the Progress view must not call a burn cancelled.
            return Status.OK_STATUS;
        } catch (TokenException e) {
            failed.accept(e);
            // an engine stopping because the user cancelled (before its point of no return) is a cancel, not a failure
            return monitor.isCanceled() ? Status.CANCEL_STATUS : Status.error(e.getMessage() + " [" + e.code() + "]");
        } finally {
            monitor.done();
        }
    }

    /** The Job, not yet scheduled: for callers that must listen to it before it can finish. */
    public static DeviceJob create(String name, String deviceId, Work work, Consumer<TokenException> failed) {
        return new DeviceJob(name, deviceId, work, failed);
    }

    /**
     * Runs {@code work} holding {@code deviceId}'s rule, from a Job that learns which device it works on only as it runs
     * (a key found through the library the user chose). Waits for Jobs already on the device.
     *
     * @throws OperationCanceledException when the user cancelled while it waited for the device (the work did not run):
     *         the caller must not take the silence for a result; thrown out of a Job it makes the Job's result CANCEL
     */
    public static void onDevice(String deviceId, IProgressMonitor monitor, Work work) throws TokenException {
        DeviceRule rule = new DeviceRule(deviceId);
        // beginRule inside the try: endRule is owed even when beginRule is cancelled (IJobManager.beginRule's contract)
        try {
            Job.getJobManager().beginRule(rule, monitor);
            if (monitor.isCanceled()) {
                throw new OperationCanceledException();
            }
            work.run(monitor);
        } finally {
            Job.getJobManager().endRule(rule);
        }
    }

    /** The device id this Job works on. */
    public String deviceId() {
        return ((DeviceRule) getRule()).deviceId();
    }

    @Override
    public boolean belongsTo(Object family) {
        return family instanceof DeviceRule rule && rule.equals(getRule());
    }
}
