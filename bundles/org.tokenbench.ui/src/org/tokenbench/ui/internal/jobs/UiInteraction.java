package org.tokenbench.ui.internal.jobs;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.dialogs.InputDialog;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.window.Window;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.tokenbench.core.Secret;
import org.tokenbench.core.driver.Interaction;
import org.tokenbench.ui.internal.views.Messages;

/**
 * How drivers talk to the user from a Job: each question becomes a dialog on the display thread while the Job
 * waits. Secrets are typed into a masked field and wiped from the field's buffer as soon as they are read.
 */
public final class UiInteraction implements Interaction {

    private final Display display;
    private final Consumer<String> status;

    /** @param status where {@link #inform(String)} messages go (a view's status line, the Activity log) */
    public UiInteraction(Display display, Consumer<String> status) {
        this.display = display;
        this.status = status;
    }

    @Override
    public Optional<Secret> askSecret(String prompt, int triesLeft) {
        AtomicReference<char[]> typed = new AtomicReference<>();
        display.syncExec(() -> typed.set(askMasked(shell(), "TokenBench", prompt + (triesLeft >= 0 ? " (" + triesLeft + " tries left)" : ""))));
        char[] chars = typed.get();
        return chars == null || chars.length == 0 ? Optional.empty() : Optional.of(Secret.fromChars(chars));
    }

    /** A dialog with a masked field (PINs, passphrases); null when cancelled. Call on the display thread. */
    public static char[] askMasked(Shell parent, String title, String prompt) {
        MaskedDialog dialog = new MaskedDialog(parent, title, prompt);
        return dialog.open() == Window.OK ? dialog.typed() : null;
    }

    @Override
    public boolean confirm(String question) {
        boolean[] answer = new boolean[1];
        display.syncExec(() -> answer[0] = new MessageDialog(shell(), "TokenBench", null, question, MessageDialog.WARNING, 1,
                Messages.dialog_yes, Messages.dialog_no).open() == 0);
        return answer[0];
    }

    @Override
    public Optional<String> askText(String prompt) {
        AtomicReference<String> typed = new AtomicReference<>();
        display.syncExec(() -> {
            InputDialog dialog = new InputDialog(shell(), "TokenBench", prompt, "", null);
            if (dialog.open() == Window.OK) {
                typed.set(dialog.getValue());
            }
        });
        return Optional.ofNullable(typed.get()).filter(s -> !s.isBlank());
    }

    @Override
    public void inform(String message) {
        display.asyncExec(() -> status.accept(message));
    }

    private Shell shell() {
        Shell active = display.getActiveShell();
        return active != null ? active : display.getShells().length > 0 ? display.getShells()[0] : null;
    }
}
