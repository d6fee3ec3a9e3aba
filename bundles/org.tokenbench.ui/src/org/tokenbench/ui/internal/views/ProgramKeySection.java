package org.tokenbench.ui.internal.views;

import java.nio.CharBuffer;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Group;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.IWorkbenchPartSite;
import org.tokenbench.core.TokenException;
import org.tokenbench.otp.OtpAccount;
import org.tokenbench.otp.OtpException;
import org.tokenbench.otp.OtpGenerator;
import org.tokenbench.qr.FoundCode;
import org.tokenbench.ui.internal.commands.TokenBenchCommands;
import org.tokenbench.ui.internal.commands.ViewCommand;
import org.tokenbench.ui.internal.model.ProgramTokenModel;

/**
 * Program Token's first section, the key: where it comes from (Scan Screen, Load Image, Paste Image, dropped files, the
 * masked field), what it says (issuer, account, settings) and the code it gives now, to compare with a phone app.
 */
final class ProgramKeySection {

    private final ProgramTokenModel model;
    private final Consumer<String> status;
    private final Function<TokenException, String> explain;
    private final Runnable changed;
    private final QrKeyInput qrInput;
    private final Text keyText;
    private final Label issuer;
    private final Label account;
    private final Label settings;
    private final Label liveCode;

    /**
     * @param status  the view's status line
     * @param explain how the view words a failure
     * @param changed called when the key changed (the view updates what depends on it)
     */
    ProgramKeySection(ProgramForm form, IWorkbenchPartSite site, ProgramTokenModel model, Consumer<String> status,
            Function<TokenException, String> explain, Runnable changed) {
        this.model = model;
        this.status = status;
        this.explain = explain;
        this.changed = changed;
        Group key = ProgramForm.group(form.body(), Messages.program_keyGroup);
        qrInput = new QrKeyInput(key, status, explain, this::takeCode);
        Composite sources = new Composite(key, SWT.NONE);
        GridLayoutFactory.fillDefaults().numColumns(3).applyTo(sources);
        GridDataFactory.fillDefaults().span(2, 1).applyTo(sources);
        ViewCommand scan = ViewCommand.activate(site, TokenBenchCommands.SCAN_SCREEN, qrInput::scanScreen);
        Widgets.id(scan.button(sources, Messages.program_scanScreen), "program.scanScreen").setToolTipText(Messages.program_scanScreenTip);
        qrInput.whileScanning(scan::setEnabled);
        Widgets.id(ViewCommand.activate(site, TokenBenchCommands.LOAD_IMAGE, qrInput::chooseImage).button(sources, Messages.program_loadImage),
                "program.loadImage").setToolTipText(Messages.program_loadImageTip);
        Widgets.id(ViewCommand.activate(site, TokenBenchCommands.PASTE_IMAGE, qrInput::pasteImage).button(sources, Messages.program_pasteImage),
                "program.pasteImage").setToolTipText(Messages.program_pasteImageTip);
        qrInput.acceptDroppedFiles(form.body());
        Label paste = new Label(key, SWT.WRAP);
        paste.setText(Messages.program_keyPrompt);
        GridDataFactory.fillDefaults().span(2, 1).grab(true, false).hint(200, SWT.DEFAULT).applyTo(paste);
        keyText = Widgets.id(new Text(key, SWT.BORDER | SWT.SINGLE | SWT.PASSWORD), "program.key");
        GridDataFactory.fillDefaults().grab(true, false).span(2, 1).applyTo(keyText);
        keyText.addModifyListener(e -> parse());
        issuer = ProgramForm.field(key, Messages.program_issuer, "program.issuer");
        account = ProgramForm.field(key, Messages.program_account, "program.account");
        settings = ProgramForm.field(key, Messages.program_settings, "program.settings");
        liveCode = ProgramForm.field(key, Messages.program_codeNow, "program.liveCode");
        liveCode.setToolTipText(Messages.program_codeNowTip);
    }

    /** Decodes every QR code in an image file, in a Job; several OTP codes → the user picks one. */
    Job loadImage(Path file) {
        return qrInput.loadImage(file);
    }

    /** Puts {@code otpauthUri} into the key field, as if pasted; the caller wipes the array. */
    void useKey(char[] otpauthUri) {
        keyText.setTextChars(otpauthUri);
    }

    /** Empties the key field (after a burn: the key is on the token now, not needed on screen). */
    void clear() {
        keyText.setText("");
    }

    void setFocus() {
        keyText.setFocus();
    }

    /** The chosen QR code's payload goes into the key field. */
    private void takeCode(FoundCode code, int found) {
        QrKeyInput.putPayload(keyText, code);
        status.accept(found > 1 ? NLS.bind(Messages.program_keyFromQrOfSeveral, code.where(), found)
                : NLS.bind(Messages.program_keyFromQr, code.where()));
    }

    /** Parses the field's chars in place and wipes them: no String of the key is made here. */
    private void parse() {
        char[] typed = keyText.getTextChars();
        Optional<OtpException> problem;
        try {
            problem = model.setKeyText(CharBuffer.wrap(typed));
        } finally {
            Arrays.fill(typed, '\0');
        }
        Optional<ProgramTokenModel.KeySummary> summary = model.keySummary();
        issuer.setText(summary.map(ProgramTokenModel.KeySummary::issuer).orElse(""));
        account.setText(summary.map(ProgramTokenModel.KeySummary::account).orElse(""));
        settings.setText(summary.map(ProgramTokenModel.KeySummary::settings).orElse(""));
        status.accept(problem.map(explain::apply).orElse(""));
        showCode(java.time.Instant.now().getEpochSecond());
        changed.run();
    }

    /** The code the key gives at {@code now} and how long it stays, so the user can compare with a phone and the token. */
    void showCode(long now) {
        if (liveCode.isDisposed()) {
            return;
        }
        Optional<OtpAccount> key = model.key();
        if (key.isPresent()) {
            OtpAccount parsed = key.get();
            try (OtpGenerator generator = OtpGenerator.open(parsed.secret(), parsed.params())) {
                long step = parsed.params().stepAt(now);
                long left = (step + 1) * parsed.params().periodSeconds() - now;
                liveCode.setText(NLS.bind(Messages.program_secondsLeft, generator.codeFor(step), left));
            }
        } else {
            liveCode.setText("");
        }
    }
}
