package org.tokenbench.ui.tests;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

import org.eclipse.core.runtime.jobs.IJobChangeEvent;
import org.eclipse.core.runtime.jobs.IJobChangeListener;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.core.runtime.jobs.JobChangeAdapter;
import org.eclipse.swt.widgets.Display;

/**
 * The Jobs a user action started, seen through the job manager (a command returns nothing): open it before the
 * action, then wait for the Job by its name or kind. Every Job scheduled while it is open is kept, so a Job that ended
 * before the test looked is found too.
 */
final class JobWatch implements AutoCloseable {

    private final List<Job> scheduled = new CopyOnWriteArrayList<>();
    private final IJobChangeListener listener = new JobChangeAdapter() {
        @Override
        public void scheduled(IJobChangeEvent event) {
            scheduled.add(event.getJob());
        }
    };

    JobWatch() {
        Job.getJobManager().addJobChangeListener(listener);
    }

    /** The first Job named {@code name} scheduled since the watch opened; waits up to 10 s for it. */
    Job started(String name) {
        return started(job -> job.getName().equals(name), name);
    }

    Job started(Predicate<Job> which, String what) {
        DisplayWait.until(() -> scheduled.stream().anyMatch(which), 10, () -> "no Job " + what + " among " + names());
        return scheduled.stream().filter(which).findFirst().orElseThrow();
    }

    /** Waits until the Job named {@code name} ended and what it handed to the display thread ran. */
    Job finished(String name) {
        return finished(started(name));
    }

    static Job finished(Job job) {
        DisplayWait.until(() -> job.getResult() != null, 30, job::getName);
        Display display = Display.getCurrent();
        while (display.readAndDispatch()) {
            // the Job's asyncExec: what it found, or why not
        }
        return job;
    }

    private List<String> names() {
        return scheduled.stream().map(Job::getName).toList();
    }

    @Override
    public void close() {
        Job.getJobManager().removeJobChangeListener(listener);
    }
}
