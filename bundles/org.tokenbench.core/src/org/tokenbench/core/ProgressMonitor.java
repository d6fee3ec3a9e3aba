package org.tokenbench.core;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Progress and cancellation for long device work, without tying engines to Eclipse: the workbench adapts
 * a Job's IProgressMonitor to this, the CLI prints steps to stderr.
 */
@ProviderType
public interface ProgressMonitor {

    ProgressMonitor NONE = new ProgressMonitor() {
        @Override
        public void begin(String task, int totalWork) {
        }

        @Override
        public void worked(int work, String step) {
        }

        @Override
        public boolean isCanceled() {
            return false;
        }
    };

    void begin(String task, int totalWork);

    void worked(int work, String step);

    boolean isCanceled();
}
