package org.tokenbench.ui.internal.perspectives;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;

import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.IEditorReference;
import org.eclipse.ui.IViewReference;
import org.eclipse.ui.IWorkbenchPartReference;
import org.eclipse.ui.IWorkbenchPage;
import org.tokenbench.ui.internal.views.DevicesView;

/**
 * At 1280×800 Devices, a task's views and a device editor cannot all be readable side by side (the editor's pages
 * would scroll, Devices would lose its columns). While a device editor is open the task's views step aside: their
 * folder is minimized to the window's trim, one click away, and comes back when the last device editor closes (the
 * editor area then goes again, as the perspective began) or when a page asks for one of its views (then the editors
 * step aside in turn, until a device is opened again). Devices stays, so another device is one double-click away.
 */
public final class EditorRoom {

    /** The views each page minimized for its editors, to restore exactly those (not what the user minimized). */
    private static final Map<IWorkbenchPage, List<IViewReference>> STEPPED_ASIDE = new WeakHashMap<>();

    private EditorRoom() {
    }

    /** {@code editor} opened (or came to the front) on {@code page}: the task's views make room for it. */
    public static void editorOpened(IWorkbenchPage page, IEditorPart editor) {
        IWorkbenchPartReference opened = page.getReference(editor);
        if (opened != null && page.getPartState(opened) == IWorkbenchPage.STATE_MINIMIZED) {
            page.setPartState(opened, IWorkbenchPage.STATE_RESTORED);
        }
        List<IViewReference> minimized = STEPPED_ASIDE.computeIfAbsent(page, p -> new ArrayList<>());
        for (IViewReference view : page.getViewReferences()) {
            if (!view.getId().equals(DevicesView.ID) && page.getPartState(view) != IWorkbenchPage.STATE_MINIMIZED
                    && !minimized.contains(view)) {
                page.setPartState(view, IWorkbenchPage.STATE_MINIMIZED);
                minimized.add(view);
            }
        }
    }

    /**
     * {@code closing} is closing: when it was the page's last editor, the task's views come back and the editor area
     * goes (left shown, the empty area would keep half of the task's height).
     */
    public static void editorClosing(IWorkbenchPage page, IEditorPart closing) {
        org.eclipse.swt.widgets.Shell shell = page.getWorkbenchWindow().getShell();
        if (shell == null || shell.isDisposed()) {
            return;
        }
        // after the close completes: the page is in the middle of closing the editor now
        shell.getDisplay().asyncExec(() -> {
            if (shell.isDisposed()) {
                return;
            }
            for (IEditorReference editor : page.getEditorReferences()) {
                if (editor.getPart(false) != closing) {
                    return;
                }
            }
            restore(page);
            page.setEditorAreaVisible(false);
        });
    }

    /**
     * A page asked for {@code viewId} (a family's view, Program Token, OATH Credentials): its folder comes back and the
     * editors step aside to the trim in turn (beside each other, the view's form would scroll at 1280×800).
     */
    public static void viewWanted(IWorkbenchPage page, String viewId) {
        if (page.findViewReference(viewId) == null) {
            return;
        }
        restore(page);
        IEditorReference[] editors = page.getEditorReferences();
        if (editors.length > 0) {
            page.setPartState(editors[0], IWorkbenchPage.STATE_MINIMIZED);
        }
    }

    private static void restore(IWorkbenchPage page) {
        List<IViewReference> minimized = STEPPED_ASIDE.remove(page);
        if (minimized == null) {
            return;
        }
        for (IViewReference view : minimized) {
            if (page.getPartState(view) == IWorkbenchPage.STATE_MINIMIZED) {
                page.setPartState(view, IWorkbenchPage.STATE_RESTORED);
            }
        }
    }
}
