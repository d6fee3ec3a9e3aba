package org.tokenbench.ui.internal.views;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Function;

import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.IJobChangeEvent;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.core.runtime.jobs.JobChangeAdapter;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.SWTException;
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

    /** Scan Screen's capture, called inside its Job; {@code cancelled} turns true when the Job is cancelled. */
    @FunctionalInterface
    interface ScreenSource {
        List<MonitorImage> capture(BooleanSupplier cancelled) throws TokenException;
    }

    /** Where a decode Job gets its images: null when there are no more. */
    @FunctionalInterface
    private interface ImageSource {
        GreyImage read() throws TokenException;
    }

    private final QrScanner scanner = new QrScanner();
    private final Control control;
    /** Kept: a disposed control no longer tells its display, and Job results may arrive after the view closed. */
    private final Display display;
    private final Consumer<String> status;
    private final Function<TokenException, String> explain;
    private final Taker taker;
    private CodeChooser chooser;
    /** Where Scan Screen's images come from inside its Job; null: this session's (X11 copy or Wayland portal). */
    private ScreenSource screenSource;
    /** The running Scan Screen, null when none runs (set and read on the display thread). */
    private Job scanning;
    private Consumer<Boolean> scanEnabled = enabled -> {
    };

    /**
     * Puts a chosen code's payload into {@code field} through a char array wiped afterwards: the decoder's String is
     * the only copy of the key made on the way (ZXing returns text as a String).
     */
    static void putPayload(org.eclipse.swt.widgets.Text field, FoundCode code) {
        char[] payload = code.payload().toCharArray();
        try {
            field.setTextChars(payload);
        } finally {
            java.util.Arrays.fill(payload, '\0');
        }
    }

    /**
     * @param status  the view's status line
     * @param explain how the view words a failure
     * @param taker   what the view does with the chosen code
     */
    QrKeyInput(Control control, Consumer<String> status, Function<TokenException, String> explain, Taker taker) {
        this.control = control;
        this.display = control.getDisplay();
        this.status = status;
        this.explain = explain;
        this.taker = taker;
        this.chooser = (codes, imageOf) -> new QrCodePicker(control.getShell(), codes, imageOf).choose();
        control.addDisposeListener(closed -> {
            if (scanning != null) {
                scanning.cancel();
            }
        });
    }

    /** Scan Screen is disabled ({@code false}) while a scan runs and enabled again when it ends. */
    void whileScanning(Consumer<Boolean> enable) {
        this.scanEnabled = enable;
    }

    /** Tests: Scan Screen's capture (called in its Job) instead of this session's. */
    void setScreenSource(ScreenSource source) {
        this.screenSource = source;
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

    /**
     * Scan Screen: one scan at a time (a second click while one runs gets the running Job; the view disables Scan
     * through {@link #whileScanning}). On X11 every monitor is copied at once on the display thread; on Wayland the
     * desktop's portal is asked inside the Job, since the desktop may wait for the user (up to 30 s): the Job is a user
     * Job, cancelling it closes the portal request, and closing the view cancels it. Decoding runs in the Job (~0.1 s
     * per 4K frame); the codes come back to the display thread only while the view is still there.
     */
    Job scanScreen() {
        if (scanning != null) {
            return scanning;
        }
        ScreenSource source = screenSource;
        if (source == null && !SwtScreenCapture.needsPortal()) {
            List<MonitorImage> monitors;
            try {
                monitors = new SwtScreenCapture(display).captureAll();
            } catch (TokenException e) {
                status.accept(explain.apply(e));
                return null;
            }
            status.accept(NLS.bind(Messages.program_lookingOnMonitors, monitors.size()) + "\u2026");
            source = cancelled -> monitors;
        } else {
            status.accept(Messages.program_lookingOnEveryMonitor + "\u2026");
            if (source == null) {
                SwtScreenCapture portal = new SwtScreenCapture(display);
                source = portal::captureAll;
            }
        }
        ScreenSource images = source;
        Job job = Job.create(Messages.program_lookingOnEveryMonitor, monitor -> {
            try {
                List<MonitorImage> monitors = images.capture(monitor::isCanceled);
                if (monitor.isCanceled()) {
                    onDisplay(() -> status.accept(NLS.bind(Messages.program_stoppedLooking, Messages.qr_screen)));
                    return Status.CANCEL_STATUS;
                }
                List<FoundCode> found = scanner.scanScreens(() -> monitors);
                onDisplay(() -> take(found, Messages.qr_screen, code -> monitors.get(code.source().monitor()).image()));
                return Status.OK_STATUS;
            } catch (TokenException e) {
                if (monitor.isCanceled()) {
                    onDisplay(() -> status.accept(NLS.bind(Messages.program_stoppedLooking, Messages.qr_screen)));
                    return Status.CANCEL_STATUS;
                }
                onDisplay(() -> status.accept(explain.apply(e)));
                return Status.error(e.getMessage() + " [" + e.code() + "]");
            }
        });
        job.setUser(true);
        job.setProperty(org.eclipse.ui.progress.IProgressConstants.NO_IMMEDIATE_ERROR_PROMPT_PROPERTY, Boolean.TRUE);
        job.addJobChangeListener(new JobChangeAdapter() {
            @Override
            public void done(IJobChangeEvent event) {
                onDisplay(() -> {
                    scanning = null;
                    scanEnabled.accept(true);
                });
            }
        });
        scanning = job;
        scanEnabled.accept(false);
        job.schedule();
        return job;
    }

    /** Runs {@code update} on the display thread unless the view (or the workbench) has been closed meanwhile. */
    private void onDisplay(Runnable update) {
        try {
            display.asyncExec(() -> {
                if (!control.isDisposed()) {
                    update.run();
                }
            });
        } catch (SWTException closed) {
            // the workbench is gone: nobody to tell
        }
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
                    onDisplay(() -> status.accept(NLS.bind(Messages.program_stoppedLooking, where)));
                    return Status.CANCEL_STATUS;
                }
                List<FoundCode> codes = found;
                GreyImage shown = image;
                onDisplay(() -> take(codes, where, code -> shown));
                return Status.OK_STATUS;
            } catch (TokenException e) {
                onDisplay(() -> status.accept(explain.apply(e)));
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
