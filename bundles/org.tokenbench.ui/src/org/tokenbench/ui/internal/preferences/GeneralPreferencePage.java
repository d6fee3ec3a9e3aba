package org.tokenbench.ui.internal.preferences;

import org.eclipse.jface.preference.BooleanFieldEditor;
import org.eclipse.jface.preference.ComboFieldEditor;
import org.eclipse.jface.preference.FieldEditorPreferencePage;
import org.eclipse.jface.preference.IntegerFieldEditor;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.IWorkbenchPreferencePage;

/** TokenBench › Programming: the clock-skew bound, default display time, APDU trace. */
public final class GeneralPreferencePage extends FieldEditorPreferencePage implements IWorkbenchPreferencePage {

    public GeneralPreferencePage() {
        super(GRID);
        setDescription("How tokens are programmed. Secrets are never part of a trace.");
    }

    @Override
    public void init(IWorkbench workbench) {
        setPreferenceStore(TokenBenchPreferences.store());
    }

    @Override
    protected void createFieldEditors() {
        IntegerFieldEditor skew = new IntegerFieldEditor(TokenBenchPreferences.MAX_CLOCK_SKEW_SECONDS,
                "Largest token/PC clock difference before programming stops (seconds):", getFieldEditorParent());
        skew.setValidRange(5, 86_400);
        addField(skew);
        String[][] seconds = {{"15 s", "15"}, {"30 s", "30"}, {"60 s", "60"}, {"120 s", "120"}};
        addField(new ComboFieldEditor(TokenBenchPreferences.DISPLAY_SECONDS, "Default token display time:", seconds, getFieldEditorParent()));
        addField(new BooleanFieldEditor(TokenBenchPreferences.TRACE_APDUS, "Trace APDUs to the Activity view (secret bodies redacted)",
                getFieldEditorParent()));
    }
}
