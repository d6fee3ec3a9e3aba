package org.tokenbench.ui.internal.jobs;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.SubMonitor;
import org.tokenbench.core.ProgressMonitor;

/** An Eclipse Job's progress monitor as the engines' {@link ProgressMonitor}: the Progress view shows each step. */
public final class JobProgress implements ProgressMonitor {

    private final IProgressMonitor monitor;
    private SubMonitor sub;

    public JobProgress(IProgressMonitor monitor) {
        this.monitor = monitor;
    }

    @Override
    public void begin(String task, int totalWork) {
        sub = SubMonitor.convert(monitor, task, totalWork);
    }

    @Override
    public void worked(int work, String step) {
        if (sub == null) {
            sub = SubMonitor.convert(monitor, 100);
        }
        sub.subTask(step);
        sub.worked(work);
    }

    @Override
    public boolean isCanceled() {
        return monitor.isCanceled();
    }
}
