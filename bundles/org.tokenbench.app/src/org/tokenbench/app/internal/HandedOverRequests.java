package org.tokenbench.app.internal;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.statushandlers.StatusManager;
import org.tokenbench.ui.QrImages;

/**
 * Carries out what a launch asked (the first one's own arguments, and each later one's over the instance channel):
 * bring the window to the front, open the QR image in Program Token. Requests that come before the first window is
 * open wait for it.
 */
final class HandedOverRequests {

    private static final List<InstanceChannel.Request> PENDING = new ArrayList<>();
    private static boolean windowOpen;

    private HandedOverRequests() {
    }

    /** From any thread. */
    static void deliver(InstanceChannel.Request request) {
        synchronized (PENDING) {
            if (!windowOpen) {
                PENDING.add(request);
                return;
            }
        }
        Display display = PlatformUI.getWorkbench().getDisplay();
        display.asyncExec(() -> apply(request));
    }

    /** The first window is open: carry out what waited. Display thread. */
    static void windowOpened() {
        List<InstanceChannel.Request> waiting;
        synchronized (PENDING) {
            windowOpen = true;
            waiting = new ArrayList<>(PENDING);
            PENDING.clear();
        }
        waiting.forEach(HandedOverRequests::apply);
    }

    private static void apply(InstanceChannel.Request request) {
        if (!PlatformUI.isWorkbenchRunning() || PlatformUI.getWorkbench().getWorkbenchWindowCount() == 0) {
            return;
        }
        IWorkbenchWindow window = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
        if (window == null) {
            window = PlatformUI.getWorkbench().getWorkbenchWindows()[0];
        }
        Shell shell = window.getShell();
        shell.setMinimized(false);
        shell.forceActive();
        if (request.image().isPresent()) {
            try {
                QrImages.openInProgramToken(window, request.image().get());
            } catch (PartInitException e) {
                StatusManager.getManager().handle(e.getStatus(), StatusManager.SHOW | StatusManager.LOG);
            }
        }
    }
}
