package org.tokenbench.ui.internal.perspectives;

import org.tokenbench.ui.internal.views.GuomiKeyView;
import org.tokenbench.ui.internal.views.CredentialsView;

/** Guomi SM2 USB keys (checklist, PIN, certificate) and OATH credential stores. */
public final class KeysPerspective extends TaskLayout {

    public KeysPerspective() {
        super(GuomiKeyView.ID, CredentialsView.ID);
    }
}
