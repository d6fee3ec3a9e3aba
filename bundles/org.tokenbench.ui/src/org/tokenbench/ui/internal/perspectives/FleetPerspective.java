package org.tokenbench.ui.internal.perspectives;

import org.tokenbench.ui.internal.views.FleetView;
import org.tokenbench.ui.internal.views.ActivityView;

/** The fleet's inventory and audit trail; registered only when the fleet bundle is installed. */
public final class FleetPerspective extends TaskLayout {

    public FleetPerspective() {
        super(FleetView.ID, ActivityView.ID);
    }
}
