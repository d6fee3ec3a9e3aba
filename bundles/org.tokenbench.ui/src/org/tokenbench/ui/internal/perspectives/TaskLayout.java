package org.tokenbench.ui.internal.perspectives;

import java.util.List;

import org.eclipse.ui.IFolderLayout;
import org.eclipse.ui.IPageLayout;
import org.eclipse.ui.IPerspectiveFactory;
import org.tokenbench.ui.TaskPerspectives;
import org.tokenbench.ui.internal.views.DevicesView;

/**
 * The layout every task perspective shares: Devices on the left, always at hand, and the task's views stacked in one
 * folder on the right (the first one on top). Every task view is a Show View shortcut and every perspective a
 * perspective shortcut, so users move between tasks without the full Show View dialog.
 */
abstract class TaskLayout implements IPerspectiveFactory {

    static final String TASK_FOLDER = "org.tokenbench.ui.folders.task";
    static final List<String> ALL = List.of(TaskPerspectives.TOKENS, TaskPerspectives.KEYS, TaskPerspectives.FLEET,
            TaskPerspectives.DIAGNOSTICS);

    private final float devicesShare;
    private final List<String> taskViews;

    /** {@code devicesShare}: the part of the window's width the Devices view gets. */
    TaskLayout(float devicesShare, String... taskViews) {
        this.devicesShare = devicesShare;
        this.taskViews = List.of(taskViews);
    }

    @Override
    public final void createInitialLayout(IPageLayout layout) {
        // Every TokenBench task lives in views; device editors open in the editor area when the user asks for one.
        layout.setEditorAreaVisible(false);
        layout.addView(DevicesView.ID, IPageLayout.LEFT, devicesShare, layout.getEditorArea());
        IFolderLayout folder = layout.createFolder(TASK_FOLDER, IPageLayout.RIGHT, devicesShare, DevicesView.ID);
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
