package org.tokenbench.ui.internal.views;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Group;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.tokenbench.core.ErrorCode;
import org.tokenbench.core.Secret;
import org.tokenbench.core.TokenException;
import org.tokenbench.core.device.Device;
import org.tokenbench.core.driver.AccessKey;
import org.tokenbench.ui.internal.commands.ViewCommand;
import org.tokenbench.ui.internal.model.ProgramTokenModel;
import org.tokenbench.ui.internal.preferences.TokenBenchPreferences;

/**
 * Program Token's second section, the token: the PC clock, the device to use (from the devices service) with Refresh
 * and Connect, what Connect read, the connected family's display times and whether the key fits it, the clock override,
 * and the token's access key file with the warning while the vendor's published key would be used.
 */
final class ProgramTokenSection {

    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);
    /** Program Token's own code: tokenbench:0x0002 speaks of the command line. */
    static final ErrorCode KEY_FILE_UNUSABLE = ErrorCode.of(ErrorCode.TOKENBENCH, 0x32);

    private final ProgramForm form;
    private final ProgramTokenModel model;
    private final Consumer<String> status;
    private final Function<TokenException, String> explain;
    private final Runnable changed;
    private final Label pcClock;
    private final Combo deviceChooser;
    private final List<String> chooserIds = new ArrayList<>();
    private final Label token;
    private final Combo displayTime;
    private final Label fit;
    private final Button force;
    private final Text keyFile;
    private final Label publishedKeyWarning;

    /** @param changed called when a choice changed what Burn may do (the view updates its commands) */
    ProgramTokenSection(ProgramForm form, ProgramTokenModel model, ViewCommand connect, ViewCommand refresh, Consumer<String> status,
            Function<TokenException, String> explain, Runnable changed) {
        this.form = form;
        this.model = model;
        this.status = status;
        this.explain = explain;
        this.changed = changed;
        Group device = ProgramForm.group(form.body(), Messages.program_tokenGroup);
        pcClock = ProgramForm.field(device, Messages.program_pcClock, "program.pcClock");
        new Label(device, SWT.NONE).setText(Messages.program_device);
        Composite deviceRow = row(device);
        deviceChooser = Widgets.id(new Combo(deviceRow, SWT.READ_ONLY), "program.device");
        GridDataFactory.fillDefaults().grab(true, false).hint(160, SWT.DEFAULT).applyTo(deviceChooser);
        deviceChooser.setToolTipText(Messages.program_deviceTip);
        Widgets.id(refresh.button(deviceRow, Messages.program_refresh), "program.refresh");
        Widgets.id(connect.button(deviceRow, Messages.program_connect), "program.connect");
        token = ProgramForm.field(device, Messages.program_token, "program.token");
        new Label(device, SWT.NONE).setText(Messages.program_displayTime);
        displayTime = Widgets.id(new Combo(device, SWT.READ_ONLY), "program.displayTime");
        displayTime.setToolTipText(Messages.program_displayTimeTip);
        displayTime.addListener(SWT.Selection, e -> {
            model.chooseDisplaySeconds(Integer.parseInt(displayTime.getText()));
            changed.run();
        });
        fit = ProgramForm.field(device, Messages.program_settingsCheck, "program.settingsCheck");
        force = Widgets.id(new Button(device, SWT.CHECK), "program.force");
        force.setText(NLS.bind(Messages.program_forceClock, TokenBenchPreferences.maxClockSkew().toSeconds()));
        force.setToolTipText(Messages.program_forceClockTip);
        GridDataFactory.fillDefaults().span(2, 1).applyTo(force);
        new Label(device, SWT.NONE).setText(Messages.program_keyFile);
        Composite keyFileRow = row(device);
        keyFile = Widgets.id(new Text(keyFileRow, SWT.BORDER | SWT.SINGLE), "program.keyFile");
        keyFile.setMessage(Messages.program_noKeyFile);
        keyFile.setToolTipText(Messages.program_keyFileTip);
        GridDataFactory.fillDefaults().grab(true, false).hint(160, SWT.DEFAULT).applyTo(keyFile);
        // A typed path is taken on Enter or when the field is left, as a chosen one is at once.
        keyFile.addListener(SWT.DefaultSelection, e -> takeTypedKeyFile());
        keyFile.addListener(SWT.FocusOut, e -> takeTypedKeyFile());
        Widgets.id(Widgets.button(keyFileRow, Messages.program_chooseKeyFile, this::chooseKeyFile), "program.chooseKeyFile")
                .setToolTipText(Messages.program_keyFileTip);
        Widgets.id(Widgets.button(keyFileRow, Messages.program_clearKeyFile, () -> useKeyFile(null)), "program.clearKeyFile");
        publishedKeyWarning = Widgets.id(new Label(device, SWT.WRAP), "program.publishedKeyWarning");
        publishedKeyWarning.setForeground(device.getDisplay().getSystemColor(SWT.COLOR_DARK_RED));
        GridDataFactory.fillDefaults().span(2, 1).grab(true, false).hint(200, SWT.DEFAULT).applyTo(publishedKeyWarning);
        showKeyFile();
    }

    private static Composite row(Composite parent) {
        Composite row = new Composite(parent, SWT.NONE);
        GridLayoutFactory.fillDefaults().numColumns(3).applyTo(row);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(row);
        return row;
    }

    /** Lists {@code present} (readers with a card, claimed devices), keeping the choice. */
    void showDevices(List<Device> present) {
        if (deviceChooser.isDisposed()) {
            return;
        }
        String chosen = chosenDeviceId().orElse(null);
        chooserIds.clear();
        present.forEach(d -> chooserIds.add(d.id()));
        deviceChooser.setItems(present.stream().map(d -> d.slot().name() + d.claim().map(c -> " — " + c.family().name() + " "
                + c.identity().serial()).orElse(" — " + DevicesView.stateText(d))).toArray(String[]::new));
        if (!chooserIds.isEmpty()) {
            deviceChooser.select(Math.max(0, chooserIds.indexOf(chosen)));
        }
    }

    boolean noDevices() {
        return chooserIds.isEmpty();
    }

    /** Points the chooser at {@code deviceId}; false when it is not listed. */
    boolean select(String deviceId) {
        int index = chooserIds.indexOf(deviceId);
        if (index >= 0) {
            deviceChooser.select(index);
        }
        return index >= 0;
    }

    /** The device the chooser points at (what Connect and Burn will use). */
    Optional<String> chosenDeviceId() {
        int index = deviceChooser.getSelectionIndex();
        return index < 0 || index >= chooserIds.size() ? Optional.empty() : Optional.of(chooserIds.get(index));
    }

    /** What Connect read; the family's settings are offered. */
    void showToken(String text) {
        token.setText(text);
        offerFamilySettings();
        showKeyFile();
    }

    boolean forced() {
        return force.getSelection();
    }

    void showClock(long now) {
        pcClock.setText(TIME.format(Instant.ofEpochSecond(now)));
    }

    /** Whether the key fits the connected family, after the key or the token changed. */
    void showSettingsCheck() {
        fit.setText(model.settingsCheck());
    }

    /**
     * The display times the connected family offers (the one chosen before, else the preference's, else the family's
     * default), nothing before a connection.
     */
    void offerFamilySettings() {
        List<String> choices = model.displayChoices().stream().map(String::valueOf).toList();
        String preferred = displayTime.getSelectionIndex() >= 0 ? displayTime.getText()
                : TokenBenchPreferences.store().getString(TokenBenchPreferences.DISPLAY_SECONDS);
        displayTime.setItems(choices.toArray(String[]::new));
        displayTime.setEnabled(!choices.isEmpty());
        if (!choices.isEmpty()) {
            int index = choices.indexOf(preferred);
            displayTime.select(index >= 0 ? index : Math.max(0, choices.indexOf(String.valueOf(model.displaySeconds()))));
            model.chooseDisplaySeconds(Integer.parseInt(displayTime.getText()));
        }
        changed.run();
    }

    private void chooseKeyFile() {
        FileDialog dialog = new FileDialog(keyFile.getShell(), SWT.OPEN);
        dialog.setText(Messages.program_chooseKeyFileTitle);
        String file = dialog.open();
        if (file != null) {
            useKeyFile(Path.of(file));
        }
    }

    private void takeTypedKeyFile() {
        String typed = keyFile.getText().strip();
        Optional<Path> current = model.keyFile();
        Optional<Path> wanted;
        try {
            wanted = typed.isEmpty() ? Optional.empty() : Optional.of(Path.of(typed));
        } catch (java.nio.file.InvalidPathException e) {
            // never the typed text: a key pasted into the wrong field would be shown in the status line
            status.accept(Messages.program_keyFileUnreadable);
            showKeyFile();
            return;
        }
        if (!wanted.equals(current)) {
            useKeyFile(wanted.orElse(null));
        }
    }

    /**
     * Uses the token's access key from {@code file} (hex, as the CLI's {@code --key-file}), checked now and read again
     * at the burn (the view keeps only the path); null goes back to the vendor's published key, with the warning. A file
     * that cannot be used changes nothing.
     */
    private void useKeyFile(Path file) {
        if (file != null) {
            try (Secret checked = readKeyFile(file)) {
                status.accept(Messages.program_keyFileTaken);
            } catch (TokenException e) {
                status.accept(explain.apply(e));
                showKeyFile();
                return;
            }
        }
        model.setKeyFile(file);
        showKeyFile();
    }

    /** The key file in use, and the warning while the connected token would be opened with its published key. */
    private void showKeyFile() {
        keyFile.setText(model.keyFile().map(Path::toString).orElse(""));
        boolean warn = model.usesPublishedKey();
        publishedKeyWarning.setText(warn ? Messages.program_publishedKeyWarning : "");
        publishedKeyWarning.setVisible(warn);
        ((GridData) publishedKeyWarning.getLayoutData()).exclude = !warn;
        form.relayout();
    }

    /**
     * The key in {@code file}. Failures never name the file nor quote the reader's message (both hold the path): what
     * was typed as a file name may be a key pasted into the wrong field.
     */
    static Secret readKeyFile(Path file) throws TokenException {
        if (!java.nio.file.Files.isRegularFile(file) || !java.nio.file.Files.isReadable(file)) {
            throw new TokenException(KEY_FILE_UNUSABLE, Messages.program_keyFileUnreadable);
        }
        try {
            return AccessKey.readHexFile(file);
        } catch (java.io.IOException e) {
            throw new TokenException(KEY_FILE_UNUSABLE, Messages.program_keyFileUnreadable);
        } catch (IllegalArgumentException e) {
            throw new TokenException(KEY_FILE_UNUSABLE, Messages.program_keyFileNotAKey);
        }
    }
}
