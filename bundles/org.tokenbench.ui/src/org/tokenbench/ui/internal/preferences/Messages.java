package org.tokenbench.ui.internal.preferences;

import org.eclipse.osgi.util.NLS;

/** The preference pages' texts; messages_zh.properties holds the Simplified Chinese ones. */
public final class Messages extends NLS {

    public static String language_description;
    public static String language_nextStart;
    public static String general_description;
    public static String general_maxClockSkew;
    public static String general_displaySeconds;
    public static String general_traceApdus;
    public static String guomi_description;
    public static String guomi_skfNotRunning;
    public static String guomi_keyFamily;
    public static String guomi_library;
    public static String guomi_add;
    public static String guomi_familyPrompt;
    public static String guomi_familyInvalid;
    public static String general_seconds;

    static {
        NLS.initializeMessages(Messages.class.getPackageName() + ".messages", Messages.class);
    }

    private Messages() {
    }
}
