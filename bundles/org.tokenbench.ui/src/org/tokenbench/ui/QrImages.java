package org.tokenbench.ui;

import java.nio.file.Path;

import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PartInitException;
import org.tokenbench.ui.internal.views.ProgramTokenView;

/** Opens a QR image handed to the workbench from outside (a second launch, a file manager) in Program Token. */
public final class QrImages {

    private QrImages() {
    }

    /** Shows Program Token in {@code window} and decodes {@code image} there, in a Job it returns. Display thread. */
    public static Job openInProgramToken(IWorkbenchWindow window, Path image) throws PartInitException {
        ProgramTokenView view = (ProgramTokenView) window.getActivePage().showView(ProgramTokenView.ID);
        return view.loadImage(image);
    }
}
