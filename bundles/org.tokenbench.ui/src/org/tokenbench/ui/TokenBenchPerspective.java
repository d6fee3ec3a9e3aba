package org.tokenbench.ui;

import org.eclipse.ui.IPageLayout;
import org.eclipse.ui.IPerspectiveFactory;
import org.tokenbench.ui.internal.views.DiagnosticsView;
import org.tokenbench.ui.internal.views.DriversView;

/** The security engineer's layout: devices and drivers on top, the work area below them. */
public final class TokenBenchPerspective implements IPerspectiveFactory {

    public static final String ID = "org.tokenbench.ui.perspective";

    @Override
    public void createInitialLayout(IPageLayout layout) {
        // No editors yet: every TokenBench task lives in a view.
        layout.setEditorAreaVisible(false);
        layout.addView(DriversView.ID, IPageLayout.TOP, 1.0f, layout.getEditorArea());
        layout.addView(DiagnosticsView.ID, IPageLayout.BOTTOM, 0.3f, DriversView.ID);
        layout.addShowViewShortcut(DriversView.ID);
        layout.addShowViewShortcut(DiagnosticsView.ID);
    }
}
