package org.tokenbench.ui.internal.preferences;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

import org.eclipse.core.runtime.Platform;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.preference.PreferencePage;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.IWorkbenchPreferencePage;
import org.eclipse.ui.PlatformUI;
import org.tokenbench.core.TokenException;
import org.tokenbench.ui.internal.model.LanguageSetting;
import org.tokenbench.ui.internal.views.Widgets;

/**
 * TokenBench › Language: Automatic (the OS locale), English or 简体中文, applied at the next start through the user's
 * Equinox configuration ({@link LanguageSetting}); after a change the page offers to restart now.
 */
public final class LanguagePreferencePage extends PreferencePage implements IWorkbenchPreferencePage {

    private final Map<LanguageSetting.Choice, Button> choices = new EnumMap<>(LanguageSetting.Choice.class);
    private LanguageSetting.Choice saved = LanguageSetting.Choice.AUTOMATIC;

    @Override
    public void init(IWorkbench workbench) {
        setDescription(Messages.language_description);
    }

    /** The config.ini Equinox reads at start from the user's configuration area. */
    static Path configIni() {
        return Path.of(Platform.getConfigurationLocation().getURL().getPath()).resolve("config.ini");
    }

    @Override
    protected Control createContents(Composite parent) {
        Composite page = new Composite(parent, SWT.NONE);
        GridLayoutFactory.fillDefaults().applyTo(page);
        try {
            saved = LanguageSetting.read(configIni());
        } catch (TokenException e) {
            setErrorMessage(e.getMessage());
        }
        for (LanguageSetting.Choice choice : LanguageSetting.Choice.values()) {
            Button button = Widgets.id(new Button(page, SWT.RADIO), "language." + choice.name());
            button.setText(choice.label());
            button.setSelection(choice == saved);
            choices.put(choice, button);
        }
        return page;
    }

    @Override
    protected void performDefaults() {
        choices.forEach((choice, button) -> button.setSelection(choice == LanguageSetting.Choice.AUTOMATIC));
        super.performDefaults();
    }

    @Override
    public boolean performOk() {
        LanguageSetting.Choice chosen = choices.entrySet().stream().filter(e -> e.getValue().getSelection()).map(Map.Entry::getKey)
                .findFirst().orElse(LanguageSetting.Choice.AUTOMATIC);
        if (chosen == saved) {
            return true;
        }
        try {
            LanguageSetting.write(configIni(), chosen);
            saved = chosen;
        } catch (TokenException e) {
            setErrorMessage(e.getMessage());
            return false;
        }
        if (LanguageSetting.restartNeeded(chosen, Platform.getNL(), Locale.getDefault())
                && MessageDialog.openQuestion(getShell(), Messages.language_restartTitle, Messages.language_restart)) {
            getShell().getDisplay().asyncExec(() -> PlatformUI.getWorkbench().restart());
        }
        return true;
    }
}
