package org.tokenbench.ui.internal.views;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.eclipse.jface.dialogs.Dialog;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.window.Window;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.PaletteData;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.tokenbench.qr.FoundCode;
import org.tokenbench.qr.GreyImage;
import org.tokenbench.qr.Region;

/**
 * "Several OTP QR codes were found: which one?" — each code as a thumbnail cut from where it was found, with its
 * issuer and account, monitor and position, so the user picks the code they see rather than a line of text.
 */
public final class QrCodePicker extends Dialog {

    /** How long a thumbnail's longer side is, in pixels. */
    public static final int THUMBNAIL = 120;

    private final List<FoundCode> codes;
    private final Function<FoundCode, GreyImage> imageOf;
    private final List<Image> thumbnails = new ArrayList<>();
    private final List<Button> choices = new ArrayList<>();
    private FoundCode chosen;

    public QrCodePicker(Shell parent, List<FoundCode> codes, Function<FoundCode, GreyImage> imageOf) {
        super(parent);
        this.codes = List.copyOf(codes);
        this.imageOf = imageOf;
    }

    /** Opens the dialog and waits; empty when the user cancels. */
    public Optional<FoundCode> choose() {
        return open() == Window.OK ? Optional.ofNullable(chosen) : Optional.empty();
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText(Messages.picker_title);
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        new Label(area, SWT.NONE).setText(Messages.picker_prompt);
        Composite grid = new Composite(area, SWT.NONE);
        GridLayoutFactory.swtDefaults().numColumns(Math.min(3, codes.size())).equalWidth(true).applyTo(grid);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(grid);
        for (FoundCode code : codes) {
            Button choice = new Button(grid, SWT.RADIO);
            Image thumbnail = new Image(grid.getDisplay(), thumbnail(imageOf.apply(code), code.region()));
            thumbnails.add(thumbnail);
            choice.setImage(thumbnail);
            choice.setText(String.join(", ", code.classification().accounts()) + "\n" + code.where() + "\n"
                    + NLS.bind(Messages.picker_at, code.region().x(), code.region().y()));
            choice.setData(code);
            choices.add(choice);
            GridDataFactory.fillDefaults().grab(true, false).applyTo(choice);
        }
        choices.get(0).setSelection(true);
        return area;
    }

    @Override
    protected void okPressed() {
        chosen = choices.stream().filter(Button::getSelection).map(b -> (FoundCode) b.getData()).findFirst().orElse(null);
        super.okPressed();
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        createButton(parent, IDialogConstants.OK_ID, Messages.picker_use, true);
        createButton(parent, IDialogConstants.CANCEL_ID, Messages.dialog_cancel, false);
    }

    @Override
    public boolean close() {
        thumbnails.forEach(Image::dispose);
        return super.close();
    }

    /** The code's area (with a margin for its quiet zone) scaled to {@link #THUMBNAIL} pixels, in grey. */
    public static ImageData thumbnail(GreyImage image, Region region) {
        int margin = Math.max(region.width(), region.height()) / 10;
        int x0 = Math.max(0, region.x() - margin);
        int y0 = Math.max(0, region.y() - margin);
        int x1 = Math.min(image.width(), region.x() + region.width() + margin);
        int y1 = Math.min(image.height(), region.y() + region.height() + margin);
        int w = Math.max(1, x1 - x0);
        int h = Math.max(1, y1 - y0);
        double scale = THUMBNAIL / (double) Math.max(w, h);
        int tw = Math.max(1, (int) Math.round(w * scale));
        int th = Math.max(1, (int) Math.round(h * scale));
        RGB[] greys = new RGB[256];
        for (int i = 0; i < 256; i++) {
            greys[i] = new RGB(i, i, i);
        }
        ImageData data = new ImageData(tw, th, 8, new PaletteData(greys));
        for (int y = 0; y < th; y++) {
            for (int x = 0; x < tw; x++) {
                data.setPixel(x, y, image.at(x0 + Math.min(w - 1, (int) (x / scale)), y0 + Math.min(h - 1, (int) (y / scale))));
            }
        }
        return data;
    }
}
