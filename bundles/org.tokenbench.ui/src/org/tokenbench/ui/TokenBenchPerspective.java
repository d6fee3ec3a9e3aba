package org.tokenbench.ui;

import org.eclipse.ui.IPageLayout;
import org.eclipse.ui.IPerspectiveFactory;
import org.tokenbench.ui.internal.views.ActivityView;
import org.tokenbench.ui.internal.views.DevicesView;
import org.tokenbench.ui.internal.views.DiagnosticsView;
import org.tokenbench.ui.internal.views.DriversView;
import org.tokenbench.ui.internal.views.EnrollView;
import org.tokenbench.ui.internal.views.FleetView;
import org.tokenbench.ui.internal.views.GuomiKeyView;
import org.tokenbench.ui.internal.views.ProgramTokenView;

/**
 * The security engineer's layout: what is connected on the left (devices, drivers), the task on the right
 * (program a token, check a Guomi key), and the code explainer along the bottom.
 */
public final class TokenBenchPerspective implements IPerspectiveFactory {

    public static final String ID = "org.tokenbench.ui.perspective";

    @Override
    public void createInitialLayout(IPageLayout layout) {
        // No editors: every TokenBench task lives in a view.
        layout.setEditorAreaVisible(false);
        // One view per stack: every tab stays visible (stacks of several views rendered blank tab labels without a
        // CSS theme), and each task keeps its own place.
        layout.addView(DevicesView.ID, IPageLayout.LEFT, 0.35f, layout.getEditorArea());
        layout.addView(ProgramTokenView.ID, IPageLayout.RIGHT, 0.35f, DevicesView.ID);
        layout.addView(GuomiKeyView.ID, IPageLayout.BOTTOM, 0.52f, ProgramTokenView.ID);
        layout.addView(EnrollView.ID, IPageLayout.RIGHT, 0.58f, ProgramTokenView.ID);
        layout.addView(DiagnosticsView.ID, IPageLayout.BOTTOM, 0.55f, DevicesView.ID);
        layout.addView(DriversView.ID, IPageLayout.BOTTOM, 0.62f, DevicesView.ID);
        layout.addView(ActivityView.ID, IPageLayout.RIGHT, 0.5f, DriversView.ID);
        // The fleet table needs width: beside the Guomi check, under the task views.
        layout.addView(FleetView.ID, IPageLayout.RIGHT, 0.5f, GuomiKeyView.ID);
        for (String view : new String[] {DevicesView.ID, ActivityView.ID, FleetView.ID, ProgramTokenView.ID, EnrollView.ID, GuomiKeyView.ID, DriversView.ID, DiagnosticsView.ID}) {
            layout.addShowViewShortcut(view);
        }
    }
}
