package org.tokenbench.app.internal;

import org.eclipse.swt.graphics.Point;
import org.eclipse.ui.application.ActionBarAdvisor;
import org.eclipse.ui.application.IActionBarConfigurer;
import org.eclipse.ui.application.IWorkbenchWindowConfigurer;
import org.eclipse.ui.application.WorkbenchWindowAdvisor;

final class TokenBenchWindowAdvisor extends WorkbenchWindowAdvisor {

    /** The window title; the CI smoke test looks for a window with this name. */
    static final String TITLE = "TokenBench";

    /** Milliseconds from JVM start until the first window was open; -1 before. For the start-up measurement. */
    static volatile long windowOpenAfterMillis = -1;

    TokenBenchWindowAdvisor(IWorkbenchWindowConfigurer configurer) {
        super(configurer);
    }

    @Override
    public ActionBarAdvisor createActionBarAdvisor(IActionBarConfigurer configurer) {
        return new TokenBenchActionBarAdvisor(configurer);
    }

    @Override
    public void preWindowOpen() {
        IWorkbenchWindowConfigurer configurer = getWindowConfigurer();
        configurer.setTitle(TITLE);
        configurer.setInitialSize(new Point(1280, 800));
        configurer.setShowCoolBar(true);
        configurer.setShowStatusLine(true);
        configurer.setShowProgressIndicator(true);
        // the task perspectives (Tokens, Keys, Fleet, Diagnostics) are one click away, top right
        configurer.setShowPerspectiveBar(true);
    }

    @Override
    public void postWindowOpen() {
        if (windowOpenAfterMillis < 0) {
            windowOpenAfterMillis = java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime();
        }
        HandedOverRequests.windowOpened();
    }
}
