package org.tokenbench.ui.internal.perspectives;

import java.util.List;

import org.eclipse.ui.IFolderLayout;
import org.eclipse.ui.IPageLayout;
import org.eclipse.ui.IPerspectiveFactory;
import org.tokenbench.ui.TaskPerspectives;
import org.tokenbench.ui.internal.views.DevicesView;

/**
 * The layout every task perspective shares: Devices on the left, always at hand, and the task's views stacked in one
 * folder on the right (the first one on top). A device editor opens in the editor area, which shares the right side
 * with the task's folder (below it); while one is open the folder steps aside ({@link EditorRoom}), so Devices keeps its
 * width and the editor gets the whole right side. Every task view is a Show View shortcut and every perspective a
 * perspective shortcut, so users move between tasks without the full Show View dialog.
 */
abstract class TaskLayout implements IPerspectiveFactory {

    static final String TASK_FOLDER = "org.tokenbench.ui.folders.task";
    static final List<String> ALL = List.of(TaskPerspectives.TOKENS, TaskPerspectives.KEYS, TaskPerspectives.FLEET,
            TaskPerspectives.DIAGNOSTICS);

    /** The task folder's part of the right side's height when the user brings it back beside an open editor. */
    private static final float TASK_SHARE_BESIDE_EDITOR = 0.45f;

    /**
     * The part of the window's width Devices gets, the same in every task (switching tasks does not move it): at
     * 1280×800 its reader or key, transport and state columns fit (a quarter cut the state), and the task's forms and
     * the device editor keep 70 % of the width.
     */
    private static final float DEVICES_SHARE = 0.3f;

    private final List<String> taskViews;

    TaskLayout(String... taskViews) {
        this.taskViews = List.of(taskViews);
    }

    @Override
    public final void createInitialLayout(IPageLayout layout) {
        // Every TokenBench task lives in views; device editors open in the editor area when the user asks for one.
        // Both sides are placed against the editor area, not against each other: hidden or shown, it only ever takes
        // space from the task's folder, never from Devices (placed right of Devices, the folder and the editor would
        // have split the Devices' share between them and left Devices a sliver).
        layout.setEditorAreaVisible(false);
        String editors = layout.getEditorArea();
        layout.addView(DevicesView.ID, IPageLayout.LEFT, DEVICES_SHARE, editors);
        IFolderLayout folder = layout.createFolder(TASK_FOLDER, IPageLayout.TOP, TASK_SHARE_BESIDE_EDITOR, editors);
        for (String view : taskViews) {
            folder.addView(view);
            layout.addShowViewShortcut(view);
        }
        layout.addShowViewShortcut(DevicesView.ID);
        for (String perspective : ALL) {
            layout.addPerspectiveShortcut(perspective);
        }
    }
}
