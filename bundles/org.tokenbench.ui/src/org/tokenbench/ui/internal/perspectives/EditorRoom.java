package org.tokenbench.ui.internal.perspectives;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;

import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.IEditorReference;
import org.eclipse.ui.IPerspectiveDescriptor;
import org.eclipse.ui.IViewReference;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchPartReference;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PerspectiveAdapter;
import org.tokenbench.ui.internal.views.DevicesView;

/**
 * At 1280×800 Devices, a task's views and a device editor cannot all be readable side by side (the editor's pages
 * would scroll, Devices would lose its columns). While a device editor is open the task's views step aside: their
 * folder is minimized to the window's trim, one click away, and comes back when the last device editor closes (the
 * editor area then goes again, as the perspective began) or when a page asks for one of its views (then the editors
 * step aside in turn, until a device is opened again). Devices stays, so another device is one double-click away.
 * Editors are shared by the perspectives, their views are not: each perspective's views step aside (and come back)
 * on their own, when the user switches to it.
 */
public final class EditorRoom {

    /**
     * The views each page's perspectives minimized for its editors, by perspective id, to restore exactly those (not
     * what the user minimized). Held by id, not by reference: a view reference holds its page, which would keep the
     * weak key alive.
     */
    private static final Map<IWorkbenchPage, Map<String, List<ViewKey>>> STEPPED_ASIDE = new WeakHashMap<>();
    /** Windows that tell this class when the user switches perspective. */
    private static final Set<IWorkbenchWindow> FOLLOWED = java.util.Collections.newSetFromMap(new WeakHashMap<>());

    private EditorRoom() {
    }

    /** A view of a page, as {@link IWorkbenchPage#findViewReference(String, String)} finds it again. */
    private record ViewKey(String id, String secondaryId) {
        static ViewKey of(IViewReference view) {
            return new ViewKey(view.getId(), view.getSecondaryId());
        }
    }

    /** {@code editor} opened (or came to the front) on {@code page}: the task's views make room for it. */
    public static void editorOpened(IWorkbenchPage page, IEditorPart editor) {
        follow(page.getWorkbenchWindow());
        IWorkbenchPartReference opened = page.getReference(editor);
        if (opened != null && page.getPartState(opened) == IWorkbenchPage.STATE_MINIMIZED) {
            page.setPartState(opened, IWorkbenchPage.STATE_RESTORED);
        }
        stepAside(page);
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
            asBegun(page);
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

    /**
     * The user switched {@code page} to another perspective: with editors open its views step aside as the first
     * perspective's did; with none (or none left: they closed while another perspective was shown) it is as it began.
     */
    static void perspectiveShown(IWorkbenchPage page) {
        if (page.getEditorReferences().length > 0) {
            boolean editorsAside = java.util.Arrays.stream(page.getEditorReferences())
                    .allMatch(editor -> page.getPartState(editor) == IWorkbenchPage.STATE_MINIMIZED);
            if (!editorsAside) {
                page.setEditorAreaVisible(true);
                stepAside(page);
            }
        } else {
            asBegun(page);
        }
    }

    private static void follow(IWorkbenchWindow window) {
        if (FOLLOWED.add(window)) {
            window.addPerspectiveListener(new PerspectiveAdapter() {
                @Override
                public void perspectiveActivated(IWorkbenchPage page, IPerspectiveDescriptor perspective) {
                    // after the switch: while it runs, the platform still lays out the perspective's stacks
                    org.eclipse.swt.widgets.Shell shell = window.getShell();
                    if (shell != null && !shell.isDisposed()) {
                        shell.getDisplay().asyncExec(() -> {
                            if (!shell.isDisposed() && page.getPerspective() == perspective) {
                                perspectiveShown(page);
                            }
                        });
                    }
                }
            });
        }
    }

    private static void stepAside(IWorkbenchPage page) {
        List<ViewKey> minimized = stepped(page, true);
        for (IViewReference view : page.getViewReferences()) {
            // also one stepped aside before and shown since (the user clicked it in the trim, a page asked for it)
            if (!view.getId().equals(DevicesView.ID) && page.getPartState(view) != IWorkbenchPage.STATE_MINIMIZED) {
                page.setPartState(view, IWorkbenchPage.STATE_MINIMIZED);
                if (!minimized.contains(ViewKey.of(view))) {
                    minimized.add(ViewKey.of(view));
                }
            }
        }
    }

    /** No device editor left: the shown perspective's views come back and its editor area goes. */
    private static void asBegun(IWorkbenchPage page) {
        restore(page);
        page.setEditorAreaVisible(false);
    }

    private static void restore(IWorkbenchPage page) {
        List<ViewKey> minimized = stepped(page, false);
        Map<String, List<ViewKey>> byPerspective = STEPPED_ASIDE.get(page);
        if (minimized == null || byPerspective == null) {
            return;
        }
        byPerspective.remove(perspectiveId(page));
        for (ViewKey key : minimized) {
            IViewReference view = page.findViewReference(key.id(), key.secondaryId());
            if (view != null && page.getPartState(view) == IWorkbenchPage.STATE_MINIMIZED) {
                page.setPartState(view, IWorkbenchPage.STATE_RESTORED);
            }
        }
    }

    /** The views the shown perspective of {@code page} stepped aside (created empty when {@code create}), or null. */
    private static List<ViewKey> stepped(IWorkbenchPage page, boolean create) {
        String perspective = perspectiveId(page);
        if (create) {
            return STEPPED_ASIDE.computeIfAbsent(page, p -> new HashMap<>()).computeIfAbsent(perspective, p -> new ArrayList<>());
        }
        Map<String, List<ViewKey>> byPerspective = STEPPED_ASIDE.get(page);
        return byPerspective == null ? null : byPerspective.get(perspective);
    }

    private static String perspectiveId(IWorkbenchPage page) {
        IPerspectiveDescriptor perspective = page.getPerspective();
        return perspective == null ? "" : perspective.getId();
    }
}
