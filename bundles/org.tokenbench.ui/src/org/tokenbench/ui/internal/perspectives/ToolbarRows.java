package org.tokenbench.ui.internal.perspectives;

import java.util.Collections;
import java.util.Set;
import java.util.WeakHashMap;

import org.eclipse.swt.custom.CTabFolder;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.IPerspectiveDescriptor;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PerspectiveAdapter;

/**
 * A task shown again after another one lays its view stacks out while still hidden: their tab folders decide then that
 * the views' toolbars do not fit beside the tabs and put them on a second row, over the forms, until the window is
 * resized. Once the switch is done the folders place their toolbars again, now at their real width. (It showed once the
 * toolbars stopped flipping their enablement at every activation, which had made the folders place them again.)
 */
public final class ToolbarRows {

    private static final Set<IWorkbenchWindow> FOLLOWED = Collections.newSetFromMap(new WeakHashMap<>());

    private ToolbarRows() {
    }

    /** Places the toolbars of {@code window}'s tab folders again after each switch of task (once per window). */
    public static void follow(IWorkbenchWindow window) {
        if (window == null || !FOLLOWED.add(window)) {
            return;
        }
        window.addPerspectiveListener(new PerspectiveAdapter() {
            @Override
            public void perspectiveActivated(IWorkbenchPage page, IPerspectiveDescriptor perspective) {
                Shell shell = window.getShell();
                if (shell != null && !shell.isDisposed()) {
                    // after the switch: while it runs, the stacks are still being laid out
                    shell.getDisplay().asyncExec(() -> placeAgain(shell));
                }
            }
        });
    }

    static void placeAgain(Control control) {
        if (control.isDisposed()) {
            return;
        }
        if (control instanceof CTabFolder folder && folder.getTopRight() != null) {
            // what a resize of the window does: the folder measures its tab row now
            folder.notifyListeners(org.eclipse.swt.SWT.Resize, new org.eclipse.swt.widgets.Event());
        }
        if (control instanceof Composite composite) {
            for (Control child : composite.getChildren()) {
                placeAgain(child);
            }
        }
    }
}
