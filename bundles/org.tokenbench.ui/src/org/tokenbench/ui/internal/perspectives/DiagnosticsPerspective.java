package org.tokenbench.ui.internal.perspectives;

import org.tokenbench.ui.internal.views.DiagnosticsView;
import org.tokenbench.ui.internal.views.DriversView;
import org.tokenbench.ui.internal.views.ActivityView;

/** Error codes a support caller reads out, explained; the drivers installed; what was done. */
public final class DiagnosticsPerspective extends TaskLayout {

    public DiagnosticsPerspective() {
        super(DiagnosticsView.ID, DriversView.ID, ActivityView.ID);
    }
}
