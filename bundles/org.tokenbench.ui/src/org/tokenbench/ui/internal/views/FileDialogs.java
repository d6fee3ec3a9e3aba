package org.tokenbench.ui.internal.views;

import java.nio.file.Path;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Shell;

/**
 * Where the user picks a file to open or to save into: the platform's file dialog. That dialog is the desktop's own
 * window (GTK's file chooser), outside SWT's widgets, so UI tests cannot type into it as they do into TokenBench's
 * dialogs: they give the file the next dialog answers with ({@link #answerNext}), everything else runs as for a user.
 */
public final class FileDialogs {

    private static final Queue<Optional<Path>> ANSWERS = new ConcurrentLinkedQueue<>();

    private FileDialogs() {
    }

    /** The file to open among {@code extensions} ({@code "*.csv"}); empty when the user cancelled. */
    public static Optional<Path> open(Shell parent, String title, String... extensions) {
        return ask(parent, SWT.OPEN, title, "", extensions);
    }

    /** The file to save into, {@code fileName} proposed, an existing one replaced after a yes; empty when cancelled. */
    public static Optional<Path> save(Shell parent, String title, String fileName, String... extensions) {
        return ask(parent, SWT.SAVE, title, fileName, extensions);
    }

    /** For UI tests: the next dialog answers {@code file} (empty: the user cancels) instead of opening. */
    public static void answerNext(Optional<Path> file) {
        ANSWERS.add(file);
    }

    private static Optional<Path> ask(Shell parent, int style, String title, String fileName, String... extensions) {
        Optional<Path> given = ANSWERS.poll();
        if (given != null) {
            return given;
        }
        FileDialog dialog = new FileDialog(parent, style);
        if (title != null && !title.isEmpty()) {
            dialog.setText(title);
        }
        if (extensions.length > 0) {
            dialog.setFilterExtensions(extensions);
        }
        dialog.setFileName(fileName);
        dialog.setOverwrite(true);
        return Optional.ofNullable(dialog.open()).map(Path::of);
    }
}
