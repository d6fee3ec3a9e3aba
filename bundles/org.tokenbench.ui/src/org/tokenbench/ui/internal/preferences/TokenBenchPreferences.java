package org.tokenbench.ui.internal.preferences;

import java.time.Duration;

import org.eclipse.core.runtime.preferences.InstanceScope;
import org.eclipse.jface.preference.IPreferenceStore;
import org.eclipse.ui.preferences.ScopedPreferenceStore;

/** The workbench's settings (instance scope, kept in the workspace under ~/.tokenbench) and their defaults. */
public final class TokenBenchPreferences {

    public static final String QUALIFIER = "org.tokenbench.ui";
    public static final String MAX_CLOCK_SKEW_SECONDS = "maxClockSkewSeconds";
    public static final String DISPLAY_SECONDS = "tokenDisplaySeconds";
    public static final String TRACE_APDUS = "traceApdus";

    private static IPreferenceStore store;

    private TokenBenchPreferences() {
    }

    public static synchronized IPreferenceStore store() {
        if (store == null) {
            store = new ScopedPreferenceStore(InstanceScope.INSTANCE, QUALIFIER);
            store.setDefault(MAX_CLOCK_SKEW_SECONDS, 300);
            store.setDefault(DISPLAY_SECONDS, "30");
            store.setDefault(TRACE_APDUS, false);
        }
        return store;
    }

    public static Duration maxClockSkew() {
        return Duration.ofSeconds(store().getInt(MAX_CLOCK_SKEW_SECONDS));
    }
}
