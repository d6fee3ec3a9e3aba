package org.tokenbench.ui.internal.preferences;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

import org.eclipse.core.runtime.Platform;
import org.eclipse.jface.dialogs.IMessageProvider;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.preference.PreferencePage;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.IWorkbenchPreferencePage;
import org.tokenbench.core.TokenException;
import org.tokenbench.ui.internal.model.LanguageSetting;
import org.tokenbench.ui.internal.views.Widgets;

/**
 * TokenBench › Language: Automatic (the OS locale), English or 简体中文, applied at the next start through the user's
 * Equinox configuration ({@link LanguageSetting}). The page offers no restart: the product starts the pure-Java Equinox
 * launcher, which ends the process on a restart request (exit 23) instead of starting it again, so a "restart" would
 * just close TokenBench. Instead, while the choice differs from the language shown, the page says it applies at the
 * next start.
 */
public final class LanguagePreferencePage extends PreferencePage implements IWorkbenchPreferencePage {

    private final Map<LanguageSetting.Choice, Button> choices = new EnumMap<>(LanguageSetting.Choice.class);
    private LanguageSetting.Choice saved = LanguageSetting.Choice.AUTOMATIC;
    private final Supplier<Path> configIni;

    /** The page over the running workbench's configuration area (the extension's constructor). */
    public LanguagePreferencePage() {
        this.configIni = LanguagePreferencePage::configIni;
    }

    /** The page over another {@code config.ini} (tests). */
    public LanguagePreferencePage(Path configIni) {
        this.configIni = () -> configIni;
    }

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
            saved = LanguageSetting.read(configIni.get());
        } catch (TokenException e) {
            setErrorMessage(e.getMessage());
        }
        for (LanguageSetting.Choice choice : LanguageSetting.Choice.values()) {
            Button button = Widgets.id(new Button(page, SWT.RADIO), "language." + choice.name());
            button.setText(choice.label());
            button.setSelection(choice == saved);
            button.addListener(SWT.Selection, event -> showNextStartNotice());
            choices.put(choice, button);
        }
        showNextStartNotice();
        return page;
    }

    @Override
    protected void performDefaults() {
        choices.forEach((choice, button) -> button.setSelection(choice == LanguageSetting.Choice.AUTOMATIC));
        showNextStartNotice();
        super.performDefaults();
    }

    private LanguageSetting.Choice chosen() {
        return choices.entrySet().stream().filter(e -> e.getValue().getSelection()).map(Map.Entry::getKey).findFirst()
                .orElse(LanguageSetting.Choice.AUTOMATIC);
    }

    /** Says, before the user presses Apply, that the chosen language is shown only after TokenBench starts again. */
    private void showNextStartNotice() {
        boolean later = LanguageSetting.restartNeeded(chosen(), Platform.getNL(), Locale.getDefault());
        setMessage(later ? Messages.language_nextStart : null, later ? IMessageProvider.INFORMATION : IMessageProvider.NONE);
    }

    @Override
    public boolean performOk() {
        LanguageSetting.Choice chosen = chosen();
        if (chosen == saved) {
            return true;
        }
        try {
            LanguageSetting.write(configIni.get(), chosen);
            saved = chosen;
        } catch (TokenException e) {
            setErrorMessage(e.getMessage());
            return false;
        }
        return true;
    }
}
