package org.tokenbench.ui.internal.views;

import java.time.Duration;

import org.eclipse.swt.dnd.Clipboard;
import org.eclipse.swt.dnd.TextTransfer;
import org.eclipse.swt.dnd.Transfer;
import org.eclipse.swt.widgets.Display;

/**
 * A text that holds a secret (an otpauth URI holds the key) on the clipboard for a while: it leaves the clipboard when
 * its time is up or when the display goes (TokenBench quits first), whichever comes first, unless the user copied
 * something else meanwhile (that is theirs).
 */
public final class CopiedSecret {

    private CopiedSecret() {
    }

    /** Puts {@code text} on the clipboard; {@code cleared} runs on the display thread if the timer took it away. */
    public static void copy(Display display, String text, Duration lifetime, Runnable cleared) {
        Clipboard clipboard = new Clipboard(display);
        try {
            clipboard.setContents(new Object[] {text}, new Transfer[] {TextTransfer.getInstance()});
        } finally {
            clipboard.dispose();
        }
        // on the display, not the view: the text leaves the clipboard even if the view was closed meanwhile
        display.timerExec((int) lifetime.toMillis(), () -> {
            if (clearIfStillThere(display, text)) {
                cleared.run();
            }
        });
        display.disposeExec(() -> clearIfStillThere(display, text));
    }

    /** Clears the clipboard if it still holds {@code copied}; whether it did. Call on the display thread. */
    public static boolean clearIfStillThere(Display display, String copied) {
        Clipboard now = new Clipboard(display);
        try {
            if (copied == null || !copied.equals(now.getContents(TextTransfer.getInstance()))) {
                return false;
            }
            now.clearContents();
            // clearContents only drops what this program offers; a blank text replaces it where the platform kept a copy
            now.setContents(new Object[] {" "}, new Transfer[] {TextTransfer.getInstance()});
            return true;
        } finally {
            now.dispose();
        }
    }
}
