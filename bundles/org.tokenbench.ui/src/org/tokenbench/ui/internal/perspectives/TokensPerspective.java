package org.tokenbench.ui.internal.perspectives;

import org.tokenbench.ui.internal.views.ProgramTokenView;
import org.tokenbench.ui.internal.views.EnrollView;
import org.tokenbench.ui.internal.views.BatchesView;

/** Program, enroll and batch-program TOTP tokens. */
public final class TokensPerspective extends TaskLayout {

    public TokensPerspective() {
        super(ProgramTokenView.ID, EnrollView.ID, BatchesView.ID);
    }
}
