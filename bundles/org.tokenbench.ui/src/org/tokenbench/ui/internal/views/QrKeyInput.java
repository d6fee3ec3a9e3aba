package org.tokenbench.ui.internal.views;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Function;

import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.dnd.Clipboard;
import org.eclipse.swt.dnd.DND;
import org.eclipse.swt.dnd.DropTarget;
import org.eclipse.swt.dnd.DropTargetAdapter;
import org.eclipse.swt.dnd.DropTargetEvent;
import org.eclipse.swt.dnd.FileTransfer;
import org.eclipse.swt.dnd.ImageTransfer;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.FileDialog;
import org.tokenbench.core.TokenException;
import org.tokenbench.qr.FoundCode;
import org.tokenbench.qr.GreyImage;
import org.tokenbench.qr.ImageFiles;
import org.tokenbench.qr.MonitorImage;
import org.tokenbench.qr.QrScanner;
import org.tokenbench.ui.internal.jobs.SwtScreenCapture;

/**
 * Where a view's key comes from when it is a QR code — the screens, an image file, the clipboard, dropped files — for
 * Program Token and OATH Credentials alike: every decode runs in a cancellable Job (a large or hostile image never
 * holds the display thread), several usable codes are picked by thumbnail, and the chosen payload goes to the view.
 */
public final class QrKeyInput {

    /** How the user picks one of several codes; tests replace the thumbnail dialog. */
    public interface CodeChooser {
        Optional<FoundCode> choose(List<FoundCode> codes, Function<FoundCode, GreyImage> imageOf);
    }

    /** What the view does with the code the user chose; {@code found}: how many usable codes the image held. */
    @FunctionalInterface
    public interface Taker {
        void take(FoundCode code, int found);
    }

    /** Where a decode Job gets its images: null when there are no more. */
    @FunctionalInterface
    private interface ImageSource {
        GreyImage read() throws TokenException;
    }

    private final QrScanner scanner = new QrScanner();
    private final Control control;
    private final Consumer<String> status;
    private final Function<TokenException, String> explain;
    private final Taker taker;
    private CodeChooser chooser;

    /**
     * @param status  the view's status line
     * @param explain how the view words a failure
     * @param taker   what the view does with the chosen code
     */
    QrKeyInput(Control control, Consumer<String> status, Function<TokenException, String> explain, Taker taker) {
        this.control = control;
        this.status = status;
        this.explain = explain;
        this.taker = taker;
        this.chooser = (codes, imageOf) -> new QrCodePicker(control.getShell(), codes, imageOf).choose();
    }

    void setCodeChooser(CodeChooser chooser) {
        this.chooser = chooser;
    }

    /** Decodes every QR code in an image file, in a Job; several OTP codes → the user picks one. */
    Job loadImage(Path file) {
        return decodeInJob(List.of(file));
    }

    /** Image files dropped on the view are decoded in turn (in a Job); the first that holds an OTP code is used. */
    Job dropFiles(String[] files) {
        return decodeInJob(java.util.Arrays.stream(files).map(Path::of).toList());
    }

    /**
     * Decodes an image on the clipboard (a screenshot tool's copy, a browser's "Copy image") in a Job; null when the
     * clipboard holds no image (the view says so at once).
     */
    Job pasteImage() {
        Clipboard clipboard = new Clipboard(control.getDisplay());
        try {
            Object contents = clipboard.getContents(ImageTransfer.getInstance());
            if (!(contents instanceof ImageData data)) {
                status.accept(Messages.program_clipboardNoImage);
                return null;
            }
            GreyImage image = SwtScreenCapture.grey(data);
            AtomicBoolean taken = new AtomicBoolean();
            return decodeInJob(Messages.qr_clipboard, () -> taken.getAndSet(true) ? null : image);
        } finally {
            clipboard.dispose();
        }
    }

    /** Captures every monitor on the display thread, decodes in a Job (~0.1 s per 4K frame), then lets the user pick. */
    Job scanScreen() {
        List<MonitorImage> monitors;
        try {
            monitors = new SwtScreenCapture(control.getDisplay()).captureAll();
        } catch (TokenException e) {
            status.accept(explain.apply(e));
            return null;
        }
        Display display = control.getDisplay();
        status.accept(NLS.bind(Messages.program_lookingOnMonitors, monitors.size()) + "\u2026");
        Job job = Job.create(Messages.program_lookingOnEveryMonitor, m -> {
            try {
                List<FoundCode> found = scanner.scanScreens(() -> monitors);
                display.asyncExec(() -> take(found, Messages.qr_screen, code -> monitors.get(code.source().monitor()).image()));
            } catch (TokenException e) {
                display.asyncExec(() -> status.accept(explain.apply(e)));
            }
        });
        job.schedule();
        return job;
    }

    /** Load Image: a file dialog, then {@link #loadImage}. */
    void chooseImage() {
        FileDialog dialog = new FileDialog(control.getShell(), SWT.OPEN);
        dialog.setFilterExtensions(new String[] {"*.png;*.jpg;*.jpeg;*.gif;*.bmp", "*.*"});
        String file = dialog.open();
        if (file != null) {
            loadImage(Path.of(file));
        }
    }

    /** Image files dropped anywhere on {@code target} are decoded. */
    void acceptDroppedFiles(Control target) {
        DropTarget drop = new DropTarget(target, DND.DROP_COPY | DND.DROP_DEFAULT);
        drop.setTransfer(FileTransfer.getInstance());
        drop.addDropListener(new DropTargetAdapter() {
            @Override
            public void dragEnter(DropTargetEvent event) {
                event.detail = DND.DROP_COPY;
            }

            @Override
            public void drop(DropTargetEvent event) {
                if (event.data instanceof String[] files) {
                    dropFiles(files);
                }
            }
        });
    }

    /** Reads and decodes {@code files} in turn, off the display thread, until one holds a usable code. */
    private Job decodeInJob(List<Path> files) {
        String where = files.size() == 1 ? files.get(0).getFileName().toString() : NLS.bind(Messages.qr_images, files.size());
        int[] next = {0};
        return decodeInJob(where, () -> next[0] < files.size() ? ImageFiles.read(files.get(next[0]++)) : null);
    }

    /**
     * Decodes in a cancellable Job (a large photo takes a while; the display thread stays free) and hands the codes to
     * the user on the display thread. The first image with a usable OTP code wins; a cancelled Job changes nothing.
     */
    private Job decodeInJob(String where, ImageSource source) {
        Display display = control.getDisplay();
        String looking = NLS.bind(Messages.program_lookingIn, where);
        status.accept(looking + "\u2026");
        Job job = Job.create(looking, monitor -> {
            try {
                List<FoundCode> found = List.of();
                GreyImage image = null;
                TokenException unreadable = null;
                while (!monitor.isCanceled()) {
                    GreyImage next;
                    try {
                        next = source.read();
                    } catch (TokenException e) {
                        // one unreadable file among several dropped ones: try the rest, report it if none has a code
                        unreadable = unreadable == null ? e : unreadable;
                        continue;
                    }
                    if (next == null) {
                        break;
                    }
                    image = next;
                    found = scanner.decodeImage(next, where);
                    if (found.stream().anyMatch(c -> c.classification().kind().isUsable())) {
                        break;
                    }
                }
                if (image == null && unreadable != null) {
                    throw unreadable;
                }
                if (monitor.isCanceled()) {
                    display.asyncExec(() -> status.accept(NLS.bind(Messages.program_stoppedLooking, where)));
                    return Status.CANCEL_STATUS;
                }
                List<FoundCode> codes = found;
                GreyImage shown = image;
                display.asyncExec(() -> take(codes, where, code -> shown));
                return Status.OK_STATUS;
            } catch (TokenException e) {
                display.asyncExec(() -> status.accept(explain.apply(e)));
                return Status.error(e.getMessage() + " [" + e.code() + "]");
            }
        });
        // the view explains a failure in place: no dialog on top of it
        job.setProperty(org.eclipse.ui.progress.IProgressConstants.NO_IMMEDIATE_ERROR_PROMPT_PROPERTY, Boolean.TRUE);
        job.schedule();
        return job;
    }

    private void take(List<FoundCode> found, String where, Function<FoundCode, GreyImage> imageOf) {
        if (control.isDisposed()) {
            return;
        }
        List<FoundCode> usable = found.stream().filter(c -> c.classification().kind().isUsable()).toList();
        if (usable.isEmpty()) {
            status.accept(found.isEmpty() ? NLS.bind(Messages.program_noQrCode, where)
                    : NLS.bind(Messages.program_qrNotUsable, where, found.get(0).classification().summary()));
            return;
        }
        Optional<FoundCode> chosen = usable.size() == 1 ? Optional.of(usable.get(0)) : chooser.choose(usable, imageOf);
        chosen.ifPresent(code -> taker.take(code, usable.size()));
    }
}
