package org.tokenbench.ui.internal.preferences;

import java.util.stream.Stream;

import org.eclipse.jface.preference.BooleanFieldEditor;
import org.eclipse.jface.preference.ComboFieldEditor;
import org.eclipse.jface.preference.FieldEditorPreferencePage;
import org.eclipse.jface.preference.IntegerFieldEditor;
import org.eclipse.osgi.util.NLS;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.IWorkbenchPreferencePage;

/** TokenBench › Programming: the clock-skew bound, default display time, APDU trace. */
public final class GeneralPreferencePage extends FieldEditorPreferencePage implements IWorkbenchPreferencePage {

    public GeneralPreferencePage() {
        super(GRID);
        setDescription(Messages.general_description);
    }

    @Override
    public void init(IWorkbench workbench) {
        setPreferenceStore(TokenBenchPreferences.store());
    }

    @Override
    protected void createFieldEditors() {
        IntegerFieldEditor skew = new IntegerFieldEditor(TokenBenchPreferences.MAX_CLOCK_SKEW_SECONDS,
                Messages.general_maxClockSkew, getFieldEditorParent());
        skew.setValidRange(5, 86_400);
        addField(skew);
        String[][] seconds = Stream.of("15", "30", "60", "120")
                .map(value -> new String[] {NLS.bind(Messages.general_seconds, value), value}).toArray(String[][]::new);
        addField(new ComboFieldEditor(TokenBenchPreferences.DISPLAY_SECONDS, Messages.general_displaySeconds, seconds, getFieldEditorParent()));
        addField(new BooleanFieldEditor(TokenBenchPreferences.TRACE_APDUS, Messages.general_traceApdus,
                getFieldEditorParent()));
    }
}
